// bpfgen-test: xdp rewrites the destination MAC from a config lookup used as __builtin_memcpy source unchecked (linux/bpf.h)
// class: null
// kernel: loads
// stages: check
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpfgen/bpf.h>

struct next_hop {
	unsigned char mac[ETH_ALEN];
	__u16 pad;
};

BPFGEN_HASH(next_hops, __u32, struct next_hop, 64);

BPFGEN_XDP(xdp_rewrite_mac)
{
	struct ethhdr *eth = bpfgen_ptr_at(ctx, 0, struct ethhdr);
	__u32 ifindex = bpfgen_xdp_ingress_ifindex(ctx);
	struct next_hop *nh;

	if (!eth)
		return BPFGEN_XDP_PASS;
	nh = next_hops_lookup(&ifindex);
#ifdef BPFGEN_TEST_BAD
	__builtin_memcpy(eth->h_dest, nh->mac, ETH_ALEN); // BAD
#else
	if (!nh)
		return BPFGEN_XDP_PASS;
	__builtin_memcpy(eth->h_dest, nh->mac, ETH_ALEN);
#endif
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
