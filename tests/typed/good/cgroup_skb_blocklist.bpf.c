// bpfgen-test: cgroup_skb egress: drops IPv4 packets to prefixes in an LPM trie, counts verdicts in an array (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct ipv4_lpm_key {
	__u32 prefixlen;
	__u32 addr;
};

BPFGEN_LPM_TRIE(blocked, struct ipv4_lpm_key, __u8, 1024);
BPFGEN_ARRAY(verdicts, __u64, 2);

static __always_inline void count(__u32 verdict)
{
	__u64 *n = verdicts_lookup(&verdict);

	if (n)
		__sync_fetch_and_add(n, 1);
}

BPFGEN_CGROUP_SKB_EGRESS(cgroup_skb_blocklist)
{
	struct iphdr *iph;
	struct ipv4_lpm_key key;

	if (bpfgen_cgroup_skb_family(ctx) != 2 /* AF_INET */)
		return BPFGEN_VERDICT_PASS;
	iph = bpfgen_ptr_at(ctx, 0, struct iphdr);
	if (!iph)
		return BPFGEN_VERDICT_PASS;

	key.prefixlen = 32;
	key.addr = iph->daddr;
	if (blocked_lookup(&key)) {
		count(0);
		return BPFGEN_VERDICT_DROP;
	}
	count(1);
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
