// bpfgen-test: tp_btf sched_process_fork with typed task_struct arguments: children per parent in a hash, fork records in a ringbuf via output (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct fork_event {
	__u32 parent_pid;
	__u32 child_pid;
};

BPFGEN_HASH(children, __u32, __u64, 4096);
BPFGEN_RINGBUF(forks, struct fork_event, 64 * 1024);

BPFGEN_TP_BTF(on_fork, "sched_process_fork", struct task_struct *parent, struct task_struct *child)
{
	struct fork_event ev = { .parent_pid = parent->tgid, .child_pid = child->pid };
	__u64 one = 1, *n;

	n = children_lookup(&ev.parent_pid);
	if (n)
		__sync_fetch_and_add(n, 1);
	else if (children_update(&ev.parent_pid, &one, BPF_ANY))
		return 0;
	if (forks_output(&ev))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
