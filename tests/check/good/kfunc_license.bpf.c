// bpfgen-test: tp_btf program on sched_process_exec taking a reference to the parent with kfuncs under a GPL license (vmlinux.h)
// kernel: loads
// kernel 6.1: refuses "'bpf_task_acquire': not found in kernel or module BTFs"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym;
extern void bpf_task_release(struct task_struct *p) __ksym;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u32);
} exec_parent SEC(".maps");

SEC("tp_btf/sched_process_exec")
int BPF_PROG(on_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct task_struct *t;
	__u32 pid, ppid;

	t = bpf_task_acquire(p);
	if (!t)
		return 0;
	pid = t->tgid;
	ppid = t->real_parent->tgid;
	bpf_task_release(t);
	bpf_map_update_elem(&exec_parent, &pid, &ppid, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
