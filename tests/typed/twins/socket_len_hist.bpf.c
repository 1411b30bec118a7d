// bpfgen-test: hand-written libbpf twin of good/socket_len_hist.bpf.c
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <stddef.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} len_by_proto SEC(".maps");

SEC("socket")
int socket_len_hist(struct __sk_buff *skb)
{
	__u8 proto;
	__u32 key;
	__u64 *bytes;

	if (skb->protocol != __constant_htons(ETH_P_IP))
		return 0;
	if (bpf_skb_load_bytes(skb, ETH_HLEN + offsetof(struct iphdr, protocol), &proto, sizeof(proto)))
		return 0;
	key = proto;
	bytes = bpf_map_lookup_elem(&len_by_proto, &key);
	if (bytes)
		*bytes += skb->len;
	return skb->len;
}

char LICENSE[] SEC("license") = "GPL";
