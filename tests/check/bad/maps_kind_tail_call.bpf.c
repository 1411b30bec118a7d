// bpfgen-test: socket filter calling bpf_tail_call on a jump table declared as a plain ARRAY of __u32 instead of a PROG_ARRAY
// kernel: refuses "expected prog array map for tail call"
#include <stddef.h>
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u32);
} proto_progs SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} proto_bytes SEC(".maps");

SEC("socket")
int dispatch_by_proto(struct __sk_buff *skb)
{
	__u8 proto;

	if (bpf_skb_load_bytes(skb, ETH_HLEN + offsetof(struct iphdr, protocol), &proto, 1) < 0)
		return 0;
	bpf_tail_call(skb, &proto_progs, proto); // expect: error map-kind
	/* no program installed for this protocol */
	return 0;
}

SEC("socket")
int handle_udp(struct __sk_buff *skb)
{
	__u32 key = IPPROTO_UDP;
	__u64 *bytes = bpf_map_lookup_elem(&proto_bytes, &key);

	if (bytes)
		__sync_fetch_and_add(bytes, skb->len);
	return skb->len;
}

SEC("socket")
int handle_tcp(struct __sk_buff *skb)
{
	__u32 key = IPPROTO_TCP;
	__u64 *bytes = bpf_map_lookup_elem(&proto_bytes, &key);

	if (bytes)
		__sync_fetch_and_add(bytes, skb->len);
	return skb->len;
}

char _license[] SEC("license") = "GPL";
