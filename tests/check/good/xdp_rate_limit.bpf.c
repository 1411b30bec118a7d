// bpfgen-test: XDP per-source rate limiter with global subprograms (one taking the context), plus an xdp.frags variant (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define NS_PER_SEC 1000000000ULL

struct rate {
	__u64 window;
	__u64 packets;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, struct rate);
} rates SEC(".maps");

const volatile __u64 max_pps = 1000;

__noinline int over_rate(__u32 saddr)
{
	__u64 window = bpf_ktime_get_ns() / NS_PER_SEC;
	struct rate *r, init = { .window = window, .packets = 1 };

	r = bpf_map_lookup_elem(&rates, &saddr);
	if (!r) {
		bpf_map_update_elem(&rates, &saddr, &init, BPF_ANY);
		return 0;
	}
	if (r->window != window) {
		r->window = window;
		r->packets = 0;
	}
	return ++r->packets > max_pps;
}

__noinline int ipv4_saddr(struct xdp_md *ctx, __u32 *saddr)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);

	if (!saddr || (void *)(iph + 1) > data_end)
		return 0;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return 0;
	*saddr = iph->saddr;
	return 1;
}

static __always_inline int limit(struct xdp_md *ctx)
{
	__u32 saddr = 0;

	if (!ipv4_saddr(ctx, &saddr))
		return XDP_PASS;
	return over_rate(saddr) ? XDP_DROP : XDP_PASS;
}

SEC("xdp")
int xdp_rate_limit(struct xdp_md *ctx)
{
	return limit(ctx);
}

SEC("xdp.frags")
int xdp_rate_limit_frags(struct xdp_md *ctx)
{
	return limit(ctx);
}

char LICENSE[] SEC("license") = "GPL";
