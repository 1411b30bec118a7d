// bpfgen-test: tc ingress copying the priority of the local UDP socket that will receive a datagram into skb->priority: the bpf_sk_lookup_udp result is dereferenced with no NULL check (linux/bpf.h)
// kernel: refuses "invalid mem access 'sock_or_null'"
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/in.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("tc")
int tc_udp_sock_prio(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	struct bpf_sock_tuple tuple = {};
	struct ethhdr *eth = data;
	struct bpf_sock *sk;
	struct udphdr *udp;
	struct iphdr *iph;

	if (data + sizeof(*eth) + sizeof(*iph) + sizeof(*udp) > data_end)
		return TC_ACT_OK;
	iph = data + sizeof(*eth);
	udp = data + sizeof(*eth) + sizeof(*iph);
	if (eth->h_proto != bpf_htons(ETH_P_IP) || iph->protocol != IPPROTO_UDP || iph->ihl != 5)
		return TC_ACT_OK;

	tuple.ipv4.saddr = iph->saddr;
	tuple.ipv4.daddr = iph->daddr;
	tuple.ipv4.sport = udp->source;
	tuple.ipv4.dport = udp->dest;

	sk = bpf_sk_lookup_udp(skb, &tuple, sizeof(tuple.ipv4), BPF_F_CURRENT_NETNS, 0);
	skb->priority = sk->priority; // expect: error null-deref
	bpf_sk_release(sk);
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
