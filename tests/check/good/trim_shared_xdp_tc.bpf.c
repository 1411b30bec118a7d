// bpfgen-test: one trimming routine shared by an XDP and a tc program, choosing bpf_xdp_adjust_tail() or bpf_skb_change_tail() by a constant flag each program passes (the verifier, like clang, never sees the other side)
// kernel: loads
#include <stdbool.h>
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

#define MAX_LEN 1500

static __always_inline int trim(void *ctx, unsigned int len, bool xdp)
{
	if (len <= MAX_LEN)
		return 0;
	if (xdp)
		return bpf_xdp_adjust_tail(ctx, -(int)(len - MAX_LEN));
	return bpf_skb_change_tail(ctx, MAX_LEN, 0);
}

SEC("xdp")
int trim_xdp(struct xdp_md *ctx)
{
	unsigned int len = ctx->data_end - ctx->data;

	return trim(ctx, len, true) ? XDP_DROP : XDP_PASS;
}

SEC("tc")
int trim_tc(struct __sk_buff *skb)
{
	return trim(skb, skb->len, false) ? TC_ACT_SHOT : TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
