// bpfgen-test: sched_process_fork tracepoint sending events by bpf_ringbuf_output or, on old kernels, bpf_perf_event_output, counting failures of both (vmlinux.h)
// kernel: loads
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
__u64 lost = 0;

SEC("tracepoint/sched/sched_process_fork")
int trace_fork(struct trace_event_raw_sched_process_fork *ctx)
{
	struct fork_event ev = {};
	long err;

	ev.parent_pid = ctx->parent_pid;
	ev.child_pid = ctx->child_pid;
	ev.ts_ns = bpf_ktime_get_ns();

	if (use_ringbuf) {
		err = bpf_ringbuf_output(&fork_rb, &ev, sizeof(ev), 0);
		if (err)
			__sync_fetch_and_add(&lost, 1);
	} else if (bpf_perf_event_output(ctx, &fork_pb, BPF_F_CURRENT_CPU, &ev, sizeof(ev)) < 0) {
		__sync_fetch_and_add(&lost, 1);
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
