// bpfgen-test: XDP drop of DNS over UDP, the UDP header found at a variable offset after the IP options (bpfgen_ptr_at with a run-time offset)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_endian.h>
#include <bpfgen/bpf.h>

#define IPPROTO_UDP_NR 17

BPFGEN_XDP(xdp_dns_var_offset)
{
	struct iphdr *iph = bpfgen_ptr_at(ctx, sizeof(struct ethhdr), struct iphdr);
	struct udphdr *udp;
	__u32 off;

	if (!iph || iph->protocol != IPPROTO_UDP_NR)
		return BPFGEN_XDP_PASS;
	/* ihl is 4 bits: the offset is bounded, and known only at run time */
	off = sizeof(struct ethhdr) + iph->ihl * 4;
	udp = bpfgen_ptr_at(ctx, off, struct udphdr);
	if (!udp)
		return BPFGEN_XDP_PASS;
	return udp->dest == bpf_htons(53) ? BPFGEN_XDP_DROP : BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
