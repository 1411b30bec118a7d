// bpfgen-test: tp_btf sched_process_fork declares the child as a pid_t, the event passes a task_struct * (vmlinux.h)
// class: tracing-args
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>
#include <bpf/bpf_core_read.h>

BPFGEN_HASH(forked, __u32, __u64, 10240);

#ifdef BPFGEN_TEST_BAD
BPFGEN_TP_BTF(on_fork_btf, "sched_process_fork", struct task_struct *parent, pid_t child) // BAD
{
	__u32 pid = child;
#else
BPFGEN_TP_BTF(on_fork_btf, "sched_process_fork", struct task_struct *parent, struct task_struct *child)
{
	__u32 pid = BPF_CORE_READ(child, pid);
#endif
	__u64 now = bpf_ktime_get_ns();

	if (forked_update(&pid, &now, BPF_ANY) < 0)
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
