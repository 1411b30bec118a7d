// bpfgen-test: tracepoint sends a __u32 pid through NAME_output() of a perf event array of struct fork_event (vmlinux.h)
// class: value-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct fork_event {
	__u32 parent;
	__u32 child;
};

BPFGEN_PERF_EVENT_ARRAY(fork_events, struct fork_event);

BPFGEN_TRACEPOINT(on_fork_perf, "sched", "sched_process_fork", struct trace_event_raw_sched_process_fork)
{
	struct fork_event e = { .parent = args->parent_pid, .child = args->child_pid };
	__u32 child = args->child_pid;

	(void)child;
#ifdef BPFGEN_TEST_BAD
	if (fork_events_output(ctx, &child) < 0) // BAD
#else
	if (fork_events_output(ctx, &e) < 0)
#endif
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
