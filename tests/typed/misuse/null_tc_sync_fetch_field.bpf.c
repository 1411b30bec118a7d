// bpfgen-test: tc ingress counts bytes per mark with __sync_fetch_and_add(&v->bytes, ...) on an unchecked hash lookup (vmlinux.h)
// class: null
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct mark_acct {
	__u64 bytes;
	__u64 drops;
};

BPFGEN_HASH(mark_acct, __u32, struct mark_acct, 1024);

static __always_inline __u32 mark_class(bpfgen_tc_ctx ctx)
{
	return bpfgen_tc_mark(ctx) & 0xffff;
}

BPFGEN_TC(tc_mark_bytes)
{
	__u32 cls = mark_class(ctx);
	struct mark_acct *a = mark_acct_lookup(&cls);

#ifdef BPFGEN_TEST_BAD
	__sync_fetch_and_add(&a->bytes, bpfgen_tc_len(ctx)); // BAD
#else
	if (!a)
		return BPFGEN_TC_OK;
	__sync_fetch_and_add(&a->bytes, bpfgen_tc_len(ctx));
#endif
	return BPFGEN_TC_OK;
}

char LICENSE[] SEC("license") = "GPL";
