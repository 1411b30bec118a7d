// bpfgen-test: XDP per-protocol counters in a per-CPU array, parsing with bpfgen_ptr_at (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_endian.h>
#include <bpfgen/bpf.h>

#define ETH_P_IP 0x0800

BPFGEN_PERCPU_ARRAY(proto_pkts, __u64, 256);

BPFGEN_XDP(xdp_proto_stats)
{
	struct ethhdr *eth = bpfgen_ptr_at(ctx, 0, struct ethhdr);
	struct iphdr *iph;
	__u64 *pkts;
	__u32 key;

	if (!eth)
		return BPFGEN_XDP_DROP;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return BPFGEN_XDP_PASS;
	iph = bpfgen_ptr_at(ctx, sizeof(*eth), struct iphdr);
	if (!iph)
		return BPFGEN_XDP_DROP;

	key = iph->protocol;
	pkts = proto_pkts_lookup(&key);
	if (!pkts)
		return BPFGEN_XDP_ABORTED;
	*pkts += 1;
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
