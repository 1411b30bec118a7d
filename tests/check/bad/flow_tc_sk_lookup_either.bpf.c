// bpfgen-test: tc counting packets that match a local socket, looked up with bpf_sk_lookup_tcp() or bpf_sk_lookup_udp() by protocol into one variable, tested with a ternary, but released only when the packet, read again, says TCP: the verifier does not tie the two tests, and neither reference is released on every path (linux/bpf.h)
// kernel: refuses "Unreleased reference"
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} matched SEC(".maps");

SEC("tc")
int tc_local_match(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = data + sizeof(*eth);
	struct bpf_sock_tuple *tuple;
	struct bpf_sock *sk;
	__u32 key;
	__u64 *n;

	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	tuple = (struct bpf_sock_tuple *)&iph->saddr;
	if ((void *)tuple + sizeof(tuple->ipv4) > data_end)
		return TC_ACT_OK;

	if (iph->protocol == IPPROTO_TCP)
		sk = bpf_sk_lookup_tcp(skb, tuple, sizeof(tuple->ipv4), BPF_F_CURRENT_NETNS, 0);	// expect: error sk-release
	else if (iph->protocol == IPPROTO_UDP)
		sk = bpf_sk_lookup_udp(skb, tuple, sizeof(tuple->ipv4), BPF_F_CURRENT_NETNS, 0);
	else
		return TC_ACT_OK;

	key = sk ? 1 : 0;
	if (sk && iph->protocol == IPPROTO_TCP)
		bpf_sk_release(sk);
	n = bpf_map_lookup_elem(&matched, &key);
	if (n)
		__sync_fetch_and_add(n, 1);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
