// bpfgen-test: socket filter in section "socket_filter" (the program type name, not a libbpf section name)
// kernel: refuses "missing BPF prog type, check ELF section name 'socket_filter'"
#include <stddef.h>
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} proto_count SEC(".maps");

SEC("socket_filter") // expect: error section-legacy
int socket_count(struct __sk_buff *skb)
{
	__u8 proto = 0;
	__u32 key;
	__u64 *value;

	if (skb->pkt_type != PACKET_OUTGOING)
		return 0;
	if (bpf_skb_load_bytes(skb, ETH_HLEN + offsetof(struct iphdr, protocol), &proto, 1) < 0)
		return 0;

	key = proto;
	value = bpf_map_lookup_elem(&proto_count, &key);
	if (value)
		__sync_fetch_and_add(value, skb->len);
	return 0;
}

char _license[] SEC("license") = "GPL";
