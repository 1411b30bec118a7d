// bpfgen-test: netfilter hook returns BPFGEN_VERDICT_DROP, the cgroup/socket verdict, instead of an NF verdict (vmlinux.h)
// class: return-kind
// kernel: run
// kernel-run: netfilter . nf_drop_big
// expect: incompatible result type 'bpfgen_nf_verdict'
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(runs, __u64, 1);

BPFGEN_NETFILTER(nf_drop_big)
{
	struct sk_buff *skb = bpfgen_netfilter_skb(ctx);
	__u32 zero = 0;
	__u64 *n = runs_lookup(&zero);

	if (n)
		__sync_fetch_and_add(n, 1);
	if (skb && skb->len > 65535)
#ifdef BPFGEN_TEST_BAD
		return BPFGEN_VERDICT_DROP; // BAD
#else
		return BPFGEN_NF_DROP;
#endif
	return BPFGEN_NF_ACCEPT;
}

char LICENSE[] SEC("license") = "GPL";
