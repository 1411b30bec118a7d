// bpfgen-test: an XDP program asks for the kernel stack of each drop; XDP may not call bpf_get_stackid, so its context is not a tracing context (vmlinux.h)
// class: ctx-misuse
// kernel: loads
// expect: bpfgen_trace_ctx
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_STACK_TRACE(drop_stacks, 256);
BPFGEN_HASH(drops_by_stack, __s32, __u64, 256);

static __always_inline void count(__s32 id)
{
	__u64 one = 1, *n = drops_by_stack_lookup(&id);

	if (n)
		__sync_fetch_and_add(n, 1);
	else if (drops_by_stack_update(&id, &one, BPF_NOEXIST))
		return;
}

BPFGEN_XDP(drop_runts)
{
	if (bpfgen_xdp_len(ctx) >= 64)
		return BPFGEN_XDP_PASS;
#ifdef BPFGEN_TEST_BAD
	count(drop_stacks_get_stackid(ctx, 0)); // BAD
#endif
	return BPFGEN_XDP_DROP;
}

/* the stacks that free packets, where a tracing program may ask for them */
BPFGEN_KPROBE(on_kfree_skb, "kfree_skb_reason")
{
	long id = drop_stacks_get_stackid(ctx, 0);

	if (id >= 0)
		count(id);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
