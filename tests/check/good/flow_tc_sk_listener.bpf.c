// bpfgen-test: tc ingress marking TCP segments that belong to a local established socket; the bpf_sk_lookup_tcp reference is released on every path, including the early return for listeners (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK	0
#define ETH_P_IP	0x0800
#define IPPROTO_TCP	6
#define MARK_LOCAL_CONN	0x10

__u64 to_listener = 0;

SEC("tc")
int tc_mark_local_conn(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	struct bpf_sock_tuple tuple = {};
	struct ethhdr *eth = data;
	struct bpf_sock *sk;
	struct tcphdr *tcp;
	struct iphdr *iph;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end || iph->protocol != IPPROTO_TCP || iph->ihl != 5)
		return TC_ACT_OK;
	tcp = (void *)(iph + 1);
	if ((void *)(tcp + 1) > data_end)
		return TC_ACT_OK;

	tuple.ipv4.saddr = iph->saddr;
	tuple.ipv4.daddr = iph->daddr;
	tuple.ipv4.sport = tcp->source;
	tuple.ipv4.dport = tcp->dest;

	sk = bpf_sk_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return TC_ACT_OK;
	if (sk->state == BPF_TCP_LISTEN) {
		__sync_fetch_and_add(&to_listener, 1);
		bpf_sk_release(sk);
		return TC_ACT_OK;
	}
	skb->mark = MARK_LOCAL_CONN;
	bpf_sk_release(sk);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
