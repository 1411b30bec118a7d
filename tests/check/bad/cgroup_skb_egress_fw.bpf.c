// bpfgen-test: cgroup_skb/egress program returning -EPERM to deny (egress allows [0, 3])
// kernel: refuses "should have been in [0, 3]"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define EPERM 1

struct ipv4_lpm_key {
	__u32 prefixlen;
	__u32 addr;
};

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 1024);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct ipv4_lpm_key);
	__type(value, __u32);
} denied_nets SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} denied_count SEC(".maps");

SEC("cgroup_skb/egress")
int egress_fw(struct __sk_buff *skb)
{
	struct ipv4_lpm_key key = { .prefixlen = 32 };
	struct iphdr iph;
	__u32 zero = 0;
	__u64 *cnt;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return 1;
	/* cgroup_skb programs see the packet from the network header on */
	if (bpf_skb_load_bytes(skb, 0, &iph, sizeof(iph)) < 0)
		return 1;

	key.addr = iph.daddr;
	if (!bpf_map_lookup_elem(&denied_nets, &key))
		return 1;

	cnt = bpf_map_lookup_elem(&denied_count, &zero);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return -EPERM; // expect: error return-range
}

char LICENSE[] SEC("license") = "GPL";
