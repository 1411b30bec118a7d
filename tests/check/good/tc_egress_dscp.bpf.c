// bpfgen-test: tc egress program rewriting the IPv4 DSCP with skb helpers (linux/bpf.h + pkt_cls.h, "classifier" section, return type on its own line)
// kernel: loads
#include <stddef.h>
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define IP_TOS_OFF (ETH_HLEN + offsetof(struct iphdr, tos))
#define IP_CSUM_OFF (ETH_HLEN + offsetof(struct iphdr, check))

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u8);
} dscp_value SEC(".maps");

SEC("classifier")
int
tc_set_dscp(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	__u8 old_tos, new_tos, *dscp;
	__u32 zero = 0;

	if ((void *)(iph + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || skb->mark == 0)
		return TC_ACT_OK;

	dscp = bpf_map_lookup_elem(&dscp_value, &zero);
	if (!dscp)
		return TC_ACT_OK;

	old_tos = iph->tos;
	new_tos = (*dscp << 2) | (old_tos & 0x3);
	if (new_tos == old_tos)
		return TC_ACT_OK;

	bpf_l3_csum_replace(skb, IP_CSUM_OFF, bpf_htons(old_tos), bpf_htons(new_tos), 2);
	bpf_skb_store_bytes(skb, IP_TOS_OFF, &new_tos, sizeof(new_tos), 0);
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
