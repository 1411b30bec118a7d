// bpfgen-test: tp_btf sched_switch declared with 5 parameters, the event has 4 (vmlinux.h)
// class: tracing-args
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(switch_in_ns, __u32, __u64, 16384);

#ifdef BPFGEN_TEST_BAD
BPFGEN_TP_BTF(on_switch, "sched_switch", bool preempt, struct task_struct *prev, struct task_struct *next, unsigned int prev_state, int cpu) // BAD
#else
BPFGEN_TP_BTF(on_switch, "sched_switch", bool preempt, struct task_struct *prev,
	      struct task_struct *next, unsigned int prev_state)
#endif
{
	__u32 pid = next->pid;
	__u64 now = bpf_ktime_get_ns();

	if (!pid)
		return 0;
	if (switch_in_ns_update(&pid, &now, BPF_ANY) < 0)
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
