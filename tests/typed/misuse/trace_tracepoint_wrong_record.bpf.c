// bpfgen-test: tracepoint sched_process_fork declared with the record type of sched_process_exec (vmlinux.h)
// class: tracing-args
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(parent_of, __u32, __u32, 16384);

#ifdef BPFGEN_TEST_BAD
BPFGEN_TRACEPOINT(fork_parent, "sched", "sched_process_fork", struct trace_event_raw_sched_process_exec) // BAD
{
	__u32 child = args->pid;
	__u32 parent = args->old_pid;
#else
BPFGEN_TRACEPOINT(fork_parent, "sched", "sched_process_fork", struct trace_event_raw_sched_process_fork)
{
	__u32 child = args->child_pid;
	__u32 parent = args->parent_pid;
#endif

	if (parent_of_update(&child, &parent, BPF_ANY) < 0)
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
