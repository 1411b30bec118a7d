// bpfgen-test: tracepoint logs the __u32 child pid with %llu (vmlinux.h)
// class: log-format
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>
#include <bpfgen/log.h>

BPFGEN_TRACEPOINT(log_fork, "sched", "sched_process_fork", struct trace_event_raw_sched_process_fork)
{
	__u32 child = args->child_pid;
	__u64 ts = bpf_ktime_get_ns();

#ifdef BPFGEN_TEST_BAD
	bpfgen_trace(ctx, "fork child %llu at %llu", child, ts); // BAD
#else
	bpfgen_trace(ctx, "fork child %u at %llu", child, ts);
#endif
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
