// bpfgen-test: exec events keep the command name in an 8-byte array, which would cut it (vmlinux.h)
// class: value-type
// kernel: loads
// expect: bpfgen_current_comm: the array is smaller
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct exec_event {
	__u32 tgid;
#ifdef BPFGEN_TEST_BAD
	char comm[8];
#else
	char comm[BPFGEN_TASK_COMM_LEN];
#endif
};

BPFGEN_RINGBUF(exec_events, struct exec_event, 16 * 1024);

BPFGEN_TRACEPOINT(on_exec, "sched", "sched_process_exec", struct trace_event_raw_sched_process_exec)
{
	struct exec_event *e = exec_events_reserve();

	if (!e)
		return 0;
	e->tgid = bpfgen_current_tgid();
	bpfgen_current_comm(e->comm); // BAD
	exec_events_submit(e);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
