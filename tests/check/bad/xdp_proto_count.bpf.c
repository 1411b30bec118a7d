// bpfgen-test: XDP program declared over struct __sk_buff: skb->protocol reads rx_queue_index, skb->len the data pointer
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct proto_stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u16);
	__type(value, struct proto_stats);
} proto_map SEC(".maps");

SEC("xdp")
int count_protocols(struct __sk_buff *skb) // expect: error ctx-type
{
	struct proto_stats *stats, init = {};
	__u16 proto;

	proto = bpf_ntohs(skb->protocol);

	stats = bpf_map_lookup_elem(&proto_map, &proto);
	if (!stats) {
		init.packets = 1;
		init.bytes = skb->len;
		bpf_map_update_elem(&proto_map, &proto, &init, BPF_NOEXIST);
		return XDP_PASS;
	}
	__sync_fetch_and_add(&stats->packets, 1);
	__sync_fetch_and_add(&stats->bytes, skb->len);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
