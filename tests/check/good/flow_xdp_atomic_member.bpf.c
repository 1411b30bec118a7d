// bpfgen-test: per-interface packet counters bumped with __sync_fetch_and_add on a field of the lookup result after its NULL test (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct if_stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, struct if_stats);
} if_stats SEC(".maps");

SEC("xdp")
int xdp_if_count(struct xdp_md *ctx)
{
	__u32 ifindex = ctx->ingress_ifindex;
	struct if_stats *st = bpf_map_lookup_elem(&if_stats, &ifindex);

	if (!st)
		return XDP_PASS;
	__sync_fetch_and_add(&st->packets, 1);
	__sync_fetch_and_add(&st->bytes, ctx->data_end - ctx->data);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
