// bpfgen-test: tc IPv6 source blocklist looked up with a char[16] buffer filled by bpf_skb_load_bytes, and a counter keyed through a void * helper argument (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_HLEN	14
#define ETH_P_IPV6	0x86DD
#define TC_ACT_OK	0
#define TC_ACT_SHOT	2

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct in6_addr);
	__type(value, __u64);
} blocked6 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} nexthdr_pkts SEC(".maps");

static __always_inline void count_packet(void *key)
{
	__u64 *cnt = bpf_map_lookup_elem(&nexthdr_pkts, key);

	if (cnt)
		*cnt += 1;
}

SEC("tc")
int tc_block_v6(struct __sk_buff *skb)
{
	char saddr[16];
	__u32 nexthdr;
	__u8 nh;
	__u64 *hits;

	if (skb->protocol != bpf_htons(ETH_P_IPV6))
		return TC_ACT_OK;
	if (bpf_skb_load_bytes(skb, ETH_HLEN + offsetof(struct ipv6hdr, nexthdr), &nh, 1) < 0)
		return TC_ACT_OK;
	nexthdr = nh;
	count_packet(&nexthdr);

	if (bpf_skb_load_bytes(skb, ETH_HLEN + offsetof(struct ipv6hdr, saddr), saddr, sizeof(saddr)) < 0)
		return TC_ACT_OK;
	hits = bpf_map_lookup_elem(&blocked6, saddr);
	if (!hits)
		return TC_ACT_OK;
	__sync_fetch_and_add(hits, 1);
	return TC_ACT_SHOT;
}

char LICENSE[] SEC("license") = "GPL";
