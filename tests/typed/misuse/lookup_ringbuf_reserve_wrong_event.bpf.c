// bpfgen-test: tracepoint sched_process_exec reserves a ringbuf exec_event but fills it as an exit_event (vmlinux.h)
// class: lookup-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct exec_event {
	__u32 pid;
	__u32 ppid;
	char comm[16];
};

struct exit_event {
	__u32 pid;
	__s32 code;
};

BPFGEN_RINGBUF(exec_events, struct exec_event, 64 * 1024);

BPFGEN_TRACEPOINT(on_exec, "sched", "sched_process_exec", struct trace_event_raw_sched_process_exec)
{
#ifdef BPFGEN_TEST_BAD
	struct exit_event *e = exec_events_reserve(); // BAD
#else
	struct exec_event *e = exec_events_reserve();
#endif

	if (!e)
		return 0;
	e->pid = args->pid;
#ifndef BPFGEN_TEST_BAD
	e->ppid = args->old_pid;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
#endif
	exec_events_submit(e);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
