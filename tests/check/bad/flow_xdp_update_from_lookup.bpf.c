// bpfgen-test: a lookup result of one map passed unchecked as the value of bpf_map_update_elem on another (linux/bpf.h)
// kernel: refuses "type=map_value_or_null expected"
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct counters {
	__u64 seen;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, struct counters);
} live SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, struct counters);
} snapshot SEC(".maps");

SEC("xdp")
int xdp_snapshot(struct xdp_md *ctx)
{
	__u32 q = ctx->rx_queue_index;
	struct counters *c = bpf_map_lookup_elem(&live, &q);

	bpf_map_update_elem(&snapshot, &q, c, BPF_ANY);	// expect: error null-deref
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
