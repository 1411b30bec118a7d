// bpfgen-test: tp_btf sched_process_fork declares the child as a pid_t, the event passes a task_struct * (vmlinux.h)
// class: tracing-args
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(forks, __u64, 1);

#ifdef BPFGEN_TEST_BAD
BPFGEN_TP_BTF(on_fork_btf, "sched_process_fork", struct task_struct *parent, pid_t child) // BAD
#else
BPFGEN_TP_BTF(on_fork_btf, "sched_process_fork", struct task_struct *parent, struct task_struct *child)
#endif
{
	__u32 zero = 0;
	__u64 *n = forks_lookup(&zero);

	if (n)
		__sync_fetch_and_add(n, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
