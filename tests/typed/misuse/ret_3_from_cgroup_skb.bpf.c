// bpfgen-test: cgroup_skb ingress returns 3 to mean "pass and notify", outside the 0..1 the kernel enforces (vmlinux.h)
// class: return-kind
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(ingress_stats, __u64, 2);

BPFGEN_CGROUP_SKB_INGRESS(ingress_count)
{
	__u32 slot = bpfgen_cgroup_skb_family(ctx) == 10 /* AF_INET6 */;
	__u64 *n = ingress_stats_lookup(&slot);

	if (!n)
		return BPFGEN_VERDICT_PASS;
	__sync_fetch_and_add(n, 1);
#ifdef BPFGEN_TEST_BAD
	return 3; // BAD
#else
	return BPFGEN_VERDICT_PASS;
#endif
}

char LICENSE[] SEC("license") = "GPL";
