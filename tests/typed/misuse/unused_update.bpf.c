// bpfgen-test: tracepoint records the fork time with NAME_update() and ignores its -errno (vmlinux.h)
// class: unused-result
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(fork_ns, __u32, __u64, 16384);
BPFGEN_ARRAY(fork_failures, __u64, 1);

BPFGEN_TRACEPOINT(on_fork, "sched", "sched_process_fork", struct trace_event_raw_sched_process_fork)
{
	__u32 child = args->child_pid;
	__u64 now = bpf_ktime_get_ns();

#ifdef BPFGEN_TEST_BAD
	fork_ns_update(&child, &now, BPF_ANY); // BAD
#else
	if (fork_ns_update(&child, &now, BPF_ANY) < 0) {
		__u32 zero = 0;
		__u64 *n = fork_failures_lookup(&zero);

		if (n)
			__sync_fetch_and_add(n, 1);
	}
#endif
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
