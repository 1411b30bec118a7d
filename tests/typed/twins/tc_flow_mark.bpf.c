// bpfgen-test: hand-written libbpf twin of good/tc_flow_mark.bpf.c
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct src_stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, struct src_stats);
} src_stats SEC(".maps");

SEC("tc")
int tc_flow_mark(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	struct ethhdr *eth = data;
	struct iphdr *iph;
	struct src_stats *st, init = {};
	__u32 saddr;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end)
		return TC_ACT_SHOT;

	saddr = iph->saddr;
	st = bpf_map_lookup_elem(&src_stats, &saddr);
	if (!st) {
		init.packets = 1;
		init.bytes = skb->len;
		if (bpf_map_update_elem(&src_stats, &saddr, &init, BPF_NOEXIST))
			return TC_ACT_OK;
		return TC_ACT_OK;
	}
	__sync_fetch_and_add(&st->packets, 1);
	__sync_fetch_and_add(&st->bytes, skb->len);
	skb->mark = skb->mark | 0x1;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
