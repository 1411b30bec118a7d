// bpfgen-test: tc steering UDP to a local socket: bpf_sk_lookup_udp() or, failing that, the listener from a sockmap (a lookup there takes a reference too), both released after bpf_sk_assign() at one label (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK 0
#define TC_ACT_SHOT 2
#define ETH_P_IP 0x0800
#define IPPROTO_UDP 17

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} fallback SEC(".maps");

SEC("tc")
int tc_udp_steer(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = data + sizeof(*eth);
	struct bpf_sock_tuple *tuple;
	struct bpf_sock *sk;
	const __u32 zero = 0;
	long err;

	if ((void *)(iph + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || iph->protocol != IPPROTO_UDP)
		return TC_ACT_OK;
	tuple = (struct bpf_sock_tuple *)&iph->saddr;
	if ((void *)tuple + sizeof(tuple->ipv4) > data_end)
		return TC_ACT_OK;

	sk = bpf_sk_lookup_udp(skb, tuple, sizeof(tuple->ipv4), BPF_F_CURRENT_NETNS, 0);
	if (sk)
		goto assign;
	if (tuple->ipv4.dport != bpf_htons(4321))
		return TC_ACT_OK;
	sk = bpf_map_lookup_elem(&fallback, &zero);
	if (!sk)
		return TC_ACT_SHOT;
assign:
	err = bpf_sk_assign(skb, sk, 0);
	bpf_sk_release(sk);
	return err ? TC_ACT_SHOT : TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
