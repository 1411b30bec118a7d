// bpfgen-test: XDP program calling bpf_printk (GPL-only bpf_trace_printk) under license "MIT"
// kernel: refuses "cannot call GPL-restricted function from non-GPL compatible program"
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ICMP_ECHO 8

/* linux/icmp.h drags in libc headers, so keep the part we need here. */
struct icmp_echo_hdr {
	__u8 type;
	__u8 code;
	__sum16 checksum;
	__be16 id;
	__be16 sequence;
};

SEC("?xdp")
int xdp_icmp_log(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct icmp_echo_hdr *icmp;
	struct iphdr *iph;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;

	iph = (struct iphdr *)(eth + 1);
	if ((void *)(iph + 1) > data_end || iph->protocol != IPPROTO_ICMP)
		return XDP_PASS;

	icmp = (void *)(iph + 1);
	if ((void *)(icmp + 1) > data_end)
		return XDP_PASS;

	if (icmp->type == ICMP_ECHO)
		bpf_printk("echo request from %pI4 id %u", &iph->saddr, bpf_ntohs(icmp->id)); // expect: error license-gpl
	return XDP_PASS;
}

char _license[] SEC("license") = "MIT";
