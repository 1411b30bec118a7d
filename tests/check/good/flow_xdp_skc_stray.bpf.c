// bpfgen-test: XDP filter dropping stray TCP segments (neither SYN nor ACK) aimed at a listener; the bpf_skc_lookup_tcp reference is released after the state test on every path (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/tcp.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("xdp")
int xdp_stray_tcp(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct bpf_sock_tuple tuple = {};
	struct ethhdr *eth = data;
	struct bpf_sock *skc;
	struct tcphdr *tcp;
	struct iphdr *iph;
	int verdict = XDP_PASS;

	if ((void *)(eth + 1) > data_end)
		return XDP_DROP;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end)
		return XDP_DROP;
	if (iph->protocol != IPPROTO_TCP || iph->ihl != 5)
		return XDP_PASS;
	tcp = (void *)(iph + 1);
	if ((void *)(tcp + 1) > data_end)
		return XDP_DROP;

	tuple.ipv4.saddr = iph->saddr;
	tuple.ipv4.daddr = iph->daddr;
	tuple.ipv4.sport = tcp->source;
	tuple.ipv4.dport = tcp->dest;

	skc = bpf_skc_lookup_tcp(ctx, &tuple, sizeof(tuple.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!skc)
		return XDP_PASS;
	if (skc->state == BPF_TCP_LISTEN) {
		if (!tcp->syn && !tcp->ack)
			verdict = XDP_DROP;
	}
	bpf_sk_release(skc);
	return verdict;
}

char _license[] SEC("license") = "GPL";
