// bpfgen-test: flow dissector returns BPFGEN_XDP_DROP (1, which the kernel reads as no BPF_ action) for a short packet (linux/bpf.h)
// class: return-kind
// kernel: loads
// expect: incompatible result type 'bpfgen_flow_action'
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpfgen/bpf.h>

BPFGEN_FLOW_DISSECTOR(flow_short)
{
	struct bpf_flow_keys *keys = bpfgen_flow_dissector_keys(ctx);
	struct iphdr *ip = bpfgen_ptr_at(ctx, ETH_HLEN, struct iphdr);

	if (!ip)
#ifdef BPFGEN_TEST_BAD
		return BPFGEN_XDP_DROP; // BAD
#else
		return BPFGEN_FLOW_DROP;
#endif
	keys->ip_proto = ip->protocol;
	return BPFGEN_FLOW_OK;
}

char LICENSE[] SEC("license") = "GPL";
