// bpfgen-test: hand-written libbpf twin of good/xdp_dns_var_offset.bpf.c
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define IPPROTO_UDP_NR 17

SEC("xdp")
int xdp_dns_var_offset(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct iphdr *iph = data + sizeof(struct ethhdr);
	struct udphdr *udp;

	if ((void *)(iph + 1) > data_end || iph->protocol != IPPROTO_UDP_NR)
		return XDP_PASS;
	udp = data + sizeof(struct ethhdr) + iph->ihl * 4;
	if ((void *)(udp + 1) > data_end)
		return XDP_PASS;
	return udp->dest == bpf_htons(53) ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
