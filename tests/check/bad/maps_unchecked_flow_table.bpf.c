// bpfgen-test: tc TCP flow table whose bpf_map_update_elem and bpf_map_delete_elem calls are statements on their own (results ignored)
// kernel: loads
// bpfgen-flags: -Wunchecked-return
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP	0x0800
#define TC_ACT_OK	0

struct flow_key {
	__be32 saddr;
	__be32 daddr;
	__be16 sport;
	__be16 dport;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, struct flow_key);
	__type(value, __u64);
} flows SEC(".maps");

SEC("tc")
int tc_track_flows(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	struct tcphdr *tcp = (void *)(iph + 1);
	struct flow_key key = {};
	__u64 now;

	if ((void *)(tcp + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || iph->protocol != IPPROTO_TCP || iph->ihl != 5)
		return TC_ACT_OK;

	key.saddr = iph->saddr;
	key.daddr = iph->daddr;
	key.sport = tcp->source;
	key.dport = tcp->dest;
	if (tcp->syn && !tcp->ack) {
		now = bpf_ktime_get_ns();
		bpf_map_update_elem(&flows, &key, &now, BPF_NOEXIST); // expect: warning unchecked-return
	} else if (tcp->fin || tcp->rst) {
		bpf_map_delete_elem(&flows, &key); // expect: warning unchecked-return
	}
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
