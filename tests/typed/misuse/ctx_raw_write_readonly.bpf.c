// bpfgen-test: cgroup_skb egress writes ->tc_index through bpfgen_cgroup_skb_raw(ctx), a field it may not write (vmlinux.h)
// class: ctx-misuse
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

#define BULK_PRIO 6

BPFGEN_CGROUP_SKB_EGRESS(egress_bulk)
{
	if (bpfgen_cgroup_skb_len(ctx) < 1000)
		return BPFGEN_VERDICT_PASS;
#ifdef BPFGEN_TEST_BAD
	bpfgen_cgroup_skb_raw(ctx)->tc_index = BULK_PRIO; // BAD
#else
	bpfgen_cgroup_skb_raw(ctx)->priority = BULK_PRIO;
#endif
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
