// bpfgen-test: xdp drop-list returns BPFGEN_TC_SHOT (2, XDP_PASS to the kernel) for a listed source (vmlinux.h)
// class: return-kind
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

#define ETH_P_IP_BE 0x0008

BPFGEN_HASH(drop_src, __u32, __u8, 4096);

BPFGEN_XDP(xdp_drop_list)
{
	struct ethhdr *eth = bpfgen_ptr_at(ctx, 0, struct ethhdr);
	struct iphdr *ip = bpfgen_ptr_at(ctx, sizeof(struct ethhdr), struct iphdr);
	__u32 src;

	if (!eth || !ip || eth->h_proto != ETH_P_IP_BE)
		return BPFGEN_XDP_PASS;
	src = ip->saddr;
	if (!drop_src_lookup(&src))
		return BPFGEN_XDP_PASS;
#ifdef BPFGEN_TEST_BAD
	return BPFGEN_TC_SHOT; // BAD
#else
	return BPFGEN_XDP_DROP;
#endif
}

char LICENSE[] SEC("license") = "GPL";
