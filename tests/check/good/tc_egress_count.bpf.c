// bpfgen-test: tc egress byte counter per IPv4 destination in an LRU hash (linux/bpf.h + pkt_cls.h, SEC("tc"))
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, __u32);
	__type(value, __u64);
} egress_bytes SEC(".maps");

SEC("tc")
int tc_count_egress(struct __sk_buff *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (struct iphdr *)(eth + 1);
	__u64 len = data_end - data, *bytes;
	__u32 daddr;

	if ((void *)(iph + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;

	daddr = iph->daddr;
	bytes = bpf_map_lookup_elem(&egress_bytes, &daddr);
	if (bytes)
		__sync_fetch_and_add(bytes, len);
	else
		bpf_map_update_elem(&egress_bytes, &daddr, &len, BPF_ANY);
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
