// bpfgen-test: the target of freplace_xdp.bpf.c: an XDP program whose policy is a global function (linux/bpf.h style)
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

/* global and not inlined: an extension program can replace it */
__attribute__((noinline)) int xdp_policy(struct xdp_md *ctx)
{
	return ctx ? XDP_PASS : XDP_ABORTED;
}

BPFGEN_XDP(xdp_target)
{
	return bpfgen_action_value(BPFGEN_XDP_PASS) == xdp_policy(bpfgen_xdp_raw(ctx)) ?
	       BPFGEN_XDP_PASS : BPFGEN_XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
