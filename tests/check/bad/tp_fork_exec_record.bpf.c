// bpfgen-test: tracepoint/sched/sched_process_fork over struct trace_event_raw_sched_process_exec, another event's record: the kernel loads it and the fields are read at the wrong offsets
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);
	__type(value, __u32);
} parent_of SEC(".maps");

SEC("tracepoint/sched/sched_process_fork")
int on_fork(struct trace_event_raw_sched_process_exec *ctx) // expect: error btf-args
{
	__u32 child = ctx->pid;
	__u32 parent = ctx->old_pid;

	bpf_map_update_elem(&parent_of, &child, &parent, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
