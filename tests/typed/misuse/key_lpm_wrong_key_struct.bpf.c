// bpfgen-test: cgroup_skb egress looks an LPM trie up with a bare __u32 address instead of its prefix key (vmlinux.h)
// class: key-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct v4_prefix {
	__u32 prefixlen;
	__u32 addr;
};

BPFGEN_LPM_TRIE(deny_nets, struct v4_prefix, __u8, 1024);

BPFGEN_CGROUP_SKB_EGRESS(egress_deny_nets)
{
	__u32 dst = bpfgen_cgroup_skb_remote_ip4(ctx);
	struct v4_prefix key = { .prefixlen = 32, .addr = dst };

	if (bpfgen_cgroup_skb_family(ctx) != 2 /* AF_INET */)
		return BPFGEN_VERDICT_PASS;
	(void)key;
#ifdef BPFGEN_TEST_BAD
	if (deny_nets_lookup(&dst)) // BAD
#else
	if (deny_nets_lookup(&key))
#endif
		return BPFGEN_VERDICT_DROP;
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
