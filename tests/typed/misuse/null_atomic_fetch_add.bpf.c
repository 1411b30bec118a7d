// bpfgen-test: cgroup_skb egress byte budget uses __atomic_fetch_add on an unchecked LRU hash lookup (vmlinux.h)
// class: null
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_LRU_HASH(egress_budget, __u32, __u64, 4096);

BPFGEN_CGROUP_SKB_EGRESS(egress_account)
{
	__u32 dst = bpfgen_cgroup_skb_remote_ip4(ctx);
	__u64 *used = egress_budget_lookup(&dst);

#ifdef BPFGEN_TEST_BAD
	__atomic_fetch_add(used, bpfgen_cgroup_skb_len(ctx), __ATOMIC_RELAXED); // BAD
#else
	if (!used) {
		__u64 first = bpfgen_cgroup_skb_len(ctx);

		if (egress_budget_update(&dst, &first, BPF_NOEXIST) < 0)
			return BPFGEN_VERDICT_PASS;
		return BPFGEN_VERDICT_PASS;
	}
	__atomic_fetch_add(used, bpfgen_cgroup_skb_len(ctx), __ATOMIC_RELAXED);
#endif
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
