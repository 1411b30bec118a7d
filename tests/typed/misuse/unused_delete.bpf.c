// bpfgen-test: tracepoint forgets an exiting task with NAME_delete() and ignores the result (vmlinux.h)
// class: unused-result
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(live_tasks, __u32, __u64, 16384);

BPFGEN_TRACEPOINT(on_exit, "sched", "sched_process_exit", struct trace_event_raw_sched_process_exit)
{
	__u32 pid = args->pid;

#ifdef BPFGEN_TEST_BAD
	live_tasks_delete(&pid); // BAD
#else
	if (live_tasks_delete(&pid) < 0)
		return 0;
#endif
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
