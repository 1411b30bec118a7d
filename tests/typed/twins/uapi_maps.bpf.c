// bpfgen-test: hand-written libbpf twin of good/uapi_maps.bpf.c
// kernel: loads
#include <linux/bpf.h>
#include <linux/bpf_perf_event.h>
#include <bpf/bpf_helpers.h>

struct sample {
	__u64 period;
	__u64 addr;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_PERCPU_HASH);
	__uint(max_entries, 1024);
	__type(key, __u64);
	__type(value, __u64);
} per_addr SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(int));
	__uint(value_size, sizeof(__u32));
} samples SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_XSKMAP);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u32);
} xsks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CPUMAP);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u32);
} cpus SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} task_seen SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_SK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} sock_seen SEC(".maps");

struct {
	__uint(type, 32 /* BPF_MAP_TYPE_CGRP_STORAGE */);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} cgroup_seen SEC(".maps");

SEC("perf_event")
int sample_addr(struct bpf_perf_event_data *ctx)
{
	struct sample s = {
		.period = ctx->sample_period,
		.addr = ctx->addr,
	};
	__u64 one = 1, *n;

	n = bpf_map_lookup_elem(&per_addr, &s.addr);
	if (n)
		*n += 1;
	else if (bpf_map_update_elem(&per_addr, &s.addr, &one, BPF_ANY))
		return 0;
	if (bpf_perf_event_output(ctx, &samples, BPF_F_CURRENT_CPU, &s, sizeof(s)))
		return 0;
	return 0;
}

SEC("xdp")
int steer(struct xdp_md *ctx)
{
	__u32 queue = ctx->rx_queue_index;

	if (queue < 64)
		return bpf_redirect_map(&xsks, queue, XDP_PASS);
	return bpf_redirect_map(&cpus, queue & 7, XDP_PASS);
}

char LICENSE[] SEC("license") = "GPL";
