// bpfgen-test: raw tracepoint sched_wakeup declared with two parameters, the event passes one (vmlinux.h)
// class: tracing-args
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_PERCPU_ARRAY(wakeups, __u64, 1);

#ifdef BPFGEN_TEST_BAD
BPFGEN_RAW_TRACEPOINT(raw_wakeup, "sched_wakeup", struct task_struct *p, int target_cpu) // BAD
#else
BPFGEN_RAW_TRACEPOINT(raw_wakeup, "sched_wakeup", struct task_struct *p)
#endif
{
	__u32 zero = 0;
	__u64 *n = wakeups_lookup(&zero);

	if (n)
		*n += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
