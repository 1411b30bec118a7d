// bpfgen-test: tc mirrors a lookup result into a second map by passing it unchecked as NAME_update()'s value (vmlinux.h)
// class: null
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct flow_meta {
	__u32 mark;
	__u32 prio;
};

BPFGEN_HASH(live_meta, __u32, struct flow_meta, 1024);
BPFGEN_HASH(seen_meta, __u32, struct flow_meta, 1024);

BPFGEN_TC(tc_snapshot_meta)
{
	__u32 h = bpfgen_tc_hash(ctx);
	struct flow_meta *m = live_meta_lookup(&h);

#ifdef BPFGEN_TEST_BAD
	if (seen_meta_update(&h, m, BPF_ANY) < 0) // BAD
#else
	if (!m)
		return BPFGEN_TC_OK;
	if (seen_meta_update(&h, m, BPF_ANY) < 0)
#endif
		return BPFGEN_TC_OK;
	bpfgen_tc_set_mark(ctx, m->mark);
	return BPFGEN_TC_OK;
}

char LICENSE[] SEC("license") = "GPL";
