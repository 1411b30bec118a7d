// bpfgen-test: typed xdp body returns the kernel's XDP_PASS instead of BPFGEN_XDP_PASS (linux/bpf.h)
// class: return-kind
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_endian.h>
#include <bpfgen/bpf.h>

BPFGEN_XDP(xdp_arp_drop)
{
	struct ethhdr *eth = bpfgen_ptr_at(ctx, 0, struct ethhdr);

	if (eth && eth->h_proto == bpf_htons(ETH_P_ARP))
		return BPFGEN_XDP_DROP;
#ifdef BPFGEN_TEST_BAD
	return XDP_PASS; // BAD
#else
	return BPFGEN_XDP_PASS;
#endif
}

char LICENSE[] SEC("license") = "GPL";
