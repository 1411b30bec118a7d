// bpfgen-test: tc egress setting skb->priority from the TCP destination port: the Ethernet header is bounds-checked but the IPv4 header is read before any check covers it (linux/bpf.h)
// kernel: refuses "offset is outside of the packet"
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/tcp.h>
#include <linux/in.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u16);
	__type(value, __u32);
} port_prio SEC(".maps");

SEC("tc")
int tc_tcp_prio(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	struct ethhdr *eth = data;
	struct tcphdr *tcp;
	struct iphdr *iph;
	__u32 *prio;
	__u16 dport;

	if ((void *)(eth + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;

	iph = (void *)(eth + 1);
	if (iph->protocol != IPPROTO_TCP || iph->ihl != 5) // expect: error pkt-bounds
		return TC_ACT_OK;

	tcp = (void *)(iph + 1);
	if ((void *)(tcp + 1) > data_end)
		return TC_ACT_OK;

	dport = bpf_ntohs(tcp->dest);
	prio = bpf_map_lookup_elem(&port_prio, &dport);
	if (prio)
		skb->priority = *prio;
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
