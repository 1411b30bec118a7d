// bpfgen-test: tc programs over a typedef'd __sk_buff, a "?tc" section and global (non-static, __noinline) subprograms (linux/bpf.h + pkt_cls.h)
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

typedef struct __sk_buff skb_t;

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} l4_bytes SEC(".maps");

/* Global subprograms: verified once, on their own, with these argument types. */
__noinline int account_l4(__u32 proto, __u32 len)
{
	__u64 *bytes = bpf_map_lookup_elem(&l4_bytes, &proto);

	if (!bytes)
		return 0;
	*bytes += len;
	return 1;
}

__noinline int l4_proto(skb_t *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct iphdr *iph = data + sizeof(struct ethhdr);

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return -1;
	if ((void *)(iph + 1) > data_end)
		return -1;
	return iph->protocol;
}

SEC("tc")
int tc_account(skb_t *skb)
{
	int proto = l4_proto(skb);

	if (proto >= 0)
		account_l4(proto, skb->len);
	return TC_ACT_OK;
}

SEC("?tc")
int tc_drop_udp(skb_t *skb)
{
	if (l4_proto(skb) == IPPROTO_UDP)
		return TC_ACT_SHOT;
	return TC_ACT_UNSPEC;
}

char _license[] SEC("license") = "GPL";
