// bpfgen-test: tracepoint/sched/sched_process_fork over its own record, and sched_wakeup over its event class's record (trace_event_raw_sched_wakeup_template)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);
	__type(value, __u32);
} parent_of SEC(".maps");

__u64 wakeups = 0;

SEC("tracepoint/sched/sched_process_fork")
int on_fork(struct trace_event_raw_sched_process_fork *ctx)
{
	__u32 child = ctx->child_pid;
	__u32 parent = ctx->parent_pid;

	bpf_map_update_elem(&parent_of, &child, &parent, BPF_ANY);
	return 0;
}

SEC("tracepoint/sched/sched_wakeup")
int on_wakeup(struct trace_event_raw_sched_wakeup_template *ctx)
{
	if (ctx->pid)
		__sync_fetch_and_add(&wakeups, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
