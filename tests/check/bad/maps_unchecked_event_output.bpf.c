// bpfgen-test: sched_process_fork tracepoint calling bpf_ringbuf_output and bpf_perf_event_output as statements, so lost events go uncounted
// kernel: loads
// bpfgen-flags: -Wunchecked-return
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct fork_event {
	__u32 parent_pid;
	__u32 child_pid;
	__u64 ts_ns;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 4096);
} fork_rb SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} fork_pb SEC(".maps");

const volatile bool use_ringbuf = true;

SEC("tracepoint/sched/sched_process_fork")
int trace_fork(struct trace_event_raw_sched_process_fork *ctx)
{
	struct fork_event ev = {};

	ev.parent_pid = ctx->parent_pid;
	ev.child_pid = ctx->child_pid;
	ev.ts_ns = bpf_ktime_get_ns();

	if (use_ringbuf)
		bpf_ringbuf_output(&fork_rb, &ev, sizeof(ev), 0); // expect: warning unchecked-return
	else
		bpf_perf_event_output(ctx, &fork_pb, BPF_F_CURRENT_CPU, &ev, sizeof(ev)); // expect: warning unchecked-return
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
