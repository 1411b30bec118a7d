// bpfgen-test: BPFGEN_CORE_READ stays CO-RE: over struct definitions without preserve_access_index (no vmlinux.h), every step of the chain is a relocation; the plain twin (-DBPFGEN_TEST_PLAIN) reads the same fields with bpfgen_probe_read_kernel and has none
// core-relos: 0:0 0:1 0:2
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

/* the kernel's layout is what the relocations find at load: these are stand-ins */
struct task_struct {
	int prio;
	int tgid;
	struct task_struct *real_parent;
};

int prio_seen, ppid_seen;

BPFGEN_KPROBE(on_exec, "__x64_sys_execve")
{
	struct task_struct *task = bpfgen_current_task();
	int prio = 0, ppid = 0;

#ifndef BPFGEN_TEST_PLAIN
	/* prio is member 0, tgid 1, real_parent 2 */
	if (BPFGEN_CORE_READ(&prio, task, prio) ||
	    BPFGEN_CORE_READ(&ppid, task, real_parent, tgid))
		return 0;
	if (BPFGEN_CORE_READ(&ppid, task, tgid))
		return 0;
#else
	struct task_struct *parent = NULL;

	if (bpfgen_probe_read_kernel(&prio, &task->prio) ||
	    bpfgen_probe_read_kernel(&parent, &task->real_parent) ||
	    bpfgen_probe_read_kernel(&ppid, &parent->tgid))
		return 0;
	if (bpfgen_probe_read_kernel(&ppid, &task->tgid))
		return 0;
#endif
	prio_seen = prio;
	ppid_seen = ppid;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
