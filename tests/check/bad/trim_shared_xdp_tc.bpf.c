// bpfgen-test: one trimming routine shared by an XDP and a tc program, choosing the helper by a constant flag, where the tc program passes the XDP flag: bpf_xdp_adjust_tail() is then called from tc
// kernel: refuses "program of this type cannot use helper bpf_xdp_adjust_tail"
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
		return bpf_xdp_adjust_tail(ctx, -(int)(len - MAX_LEN)); // expect: error helper-type
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
	return trim(skb, skb->len, true) ? TC_ACT_SHOT : TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
