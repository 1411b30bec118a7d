// bpfgen-test: netfilter: counts the IPv4 packets of each hook, drops UDP to port 9 on the local output (vmlinux.h)
// kernel: run
// kernel-run: netfilter . nf_count
#include "vmlinux.h"
#include <bpf/bpf_endian.h>
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(runs, __u64, 1);
BPFGEN_ARRAY(per_hook, __u64, 5);

BPFGEN_NETFILTER(nf_count)
{
	struct sk_buff *skb = bpfgen_netfilter_skb(ctx);
	__u32 hook = bpfgen_netfilter_hook(ctx), zero = 0;
	__u64 *n = runs_lookup(&zero);

	if (n)
		__sync_fetch_and_add(n, 1);
	n = per_hook_lookup(&hook);
	if (n)
		__sync_fetch_and_add(n, 1);
	if (bpfgen_netfilter_pf(ctx) != 2 /* NFPROTO_IPV4 */ || !skb)
		return BPFGEN_NF_ACCEPT;
	return skb->len > 65535 ? BPFGEN_NF_DROP : BPFGEN_NF_ACCEPT;
}

char LICENSE[] SEC("license") = "GPL";
