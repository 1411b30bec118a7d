// bpfgen-test: sockops passes its typed ctx's raw context, not ctx->sk, to sk storage get (linux/bpf.h)
// class: storage-object
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

struct sk_rtt_max {
	__u32 max_us;
	__u32 pad;
};

BPFGEN_SK_STORAGE(rtt_max, struct sk_rtt_max);

#define SOCK_OPS_RTT 12

BPFGEN_SOCK_OPS(sockops_rtt_max)
{
	struct bpf_sock *sk = bpfgen_sock_ops_raw(ctx)->sk;
	struct sk_rtt_max *m;

	if (bpfgen_sock_ops_op(ctx) != SOCK_OPS_RTT || !sk)
		return BPFGEN_VERDICT_PASS;
#ifdef BPFGEN_TEST_BAD
	m = rtt_max_get(bpfgen_sock_ops_raw(ctx), NULL, BPF_SK_STORAGE_GET_F_CREATE); // BAD
#else
	m = rtt_max_get(sk, NULL, BPF_SK_STORAGE_GET_F_CREATE);
#endif
	if (m && bpfgen_sock_ops_srtt_us(ctx) > m->max_us)
		m->max_us = bpfgen_sock_ops_srtt_us(ctx);
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
