// bpfgen-test: hand-written libbpf twin of good/tp_exec_perf.bpf.c
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct exec_event {
	__u32 pid;
	__u32 old_pid;
	char comm[16];
	char filename[64];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(int));
	__uint(value_size, sizeof(__u32));
} exec_events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} execs_by_uid SEC(".maps");

SEC("tracepoint/sched/sched_process_exec")
int exec(struct trace_event_raw_sched_process_exec *ctx)
{
	struct exec_event ev = {};
	__u32 uid = (__u32)bpf_get_current_uid_gid();
	__u64 one = 1, *n;
	unsigned int off = ctx->__data_loc_filename & 0xFFFF;

	ev.pid = ctx->pid;
	ev.old_pid = ctx->old_pid;
	bpf_get_current_comm(ev.comm, sizeof(ev.comm));
	bpf_probe_read_str(ev.filename, sizeof(ev.filename), (const char *)ctx + off);
	if (bpf_perf_event_output(ctx, &exec_events, BPF_F_CURRENT_CPU, &ev, sizeof(ev)))
		return 0;

	n = bpf_map_lookup_elem(&execs_by_uid, &uid);
	if (n)
		__sync_fetch_and_add(n, 1);
	else if (bpf_map_update_elem(&execs_by_uid, &uid, &one, BPF_NOEXIST))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
