// bpfgen-test: hand-written libbpf twin of good/cgroup_skb_blocklist.bpf.c
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct ipv4_lpm_key {
	__u32 prefixlen;
	__u32 addr;
};

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 1024);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct ipv4_lpm_key);
	__type(value, __u8);
} blocked SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} verdicts SEC(".maps");

static __always_inline void count(__u32 verdict)
{
	__u64 *n = bpf_map_lookup_elem(&verdicts, &verdict);

	if (n)
		__sync_fetch_and_add(n, 1);
}

SEC("cgroup_skb/egress")
int cgroup_skb_blocklist(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	struct iphdr *iph = data;
	struct ipv4_lpm_key key;

	if (skb->family != 2 /* AF_INET */)
		return 1;
	if ((void *)(iph + 1) > data_end)
		return 1;

	key.prefixlen = 32;
	key.addr = iph->daddr;
	if (bpf_map_lookup_elem(&blocked, &key)) {
		count(0);
		return 0;
	}
	count(1);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
