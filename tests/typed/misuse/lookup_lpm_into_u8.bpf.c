// bpfgen-test: xdp prefix firewall: LPM trie of __u32 actions read through a __u8 * (linux/bpf.h)
// class: lookup-type
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_endian.h>
#include <bpfgen/bpf.h>

struct v4_prefix {
	__u32 prefixlen;
	__u32 addr;
};

#define ACTION_DROP 1

BPFGEN_LPM_TRIE(prefix_rules, struct v4_prefix, __u32, 1024);

BPFGEN_XDP(xdp_prefix_fw)
{
	struct ethhdr *eth = bpfgen_ptr_at(ctx, 0, struct ethhdr);
	struct iphdr *ip = bpfgen_ptr_at(ctx, sizeof(struct ethhdr), struct iphdr);
	struct v4_prefix key = { .prefixlen = 32 };

	if (!eth || !ip || eth->h_proto != bpf_htons(ETH_P_IP))
		return BPFGEN_XDP_PASS;
	key.addr = ip->saddr;
	{
#ifdef BPFGEN_TEST_BAD
		__u8 *action = prefix_rules_lookup(&key); // BAD
#else
		__u32 *action = prefix_rules_lookup(&key);
#endif
		if (action && *action == ACTION_DROP)
			return BPFGEN_XDP_DROP;
	}
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
