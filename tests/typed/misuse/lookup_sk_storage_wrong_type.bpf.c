// bpfgen-test: sockops keeps per-socket RTT samples in sk storage, read through a pointer to another struct (vmlinux.h)
// class: lookup-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct rtt_sample {
	__u32 min_us;
	__u32 samples;
};

struct rtt_config {
	__u64 threshold_us;
};

BPFGEN_SK_STORAGE(sk_rtt, struct rtt_sample);

#define SOCK_OPS_RTT_CB 12 /* BPF_SOCK_OPS_RTT_CB */

BPFGEN_SOCK_OPS(sockops_rtt)
{
	struct bpf_sock *sk = bpfgen_sock_ops_raw(ctx)->sk;

	if (bpfgen_sock_ops_op(ctx) != SOCK_OPS_RTT_CB || !sk)
		return BPFGEN_VERDICT_PASS;
	{
#ifdef BPFGEN_TEST_BAD
		struct rtt_config *r = sk_rtt_get(sk, NULL, BPF_SK_STORAGE_GET_F_CREATE); // BAD
#else
		struct rtt_sample *r = sk_rtt_get(sk, NULL, BPF_SK_STORAGE_GET_F_CREATE);
#endif
		if (!r)
			return BPFGEN_VERDICT_PASS;
#ifdef BPFGEN_TEST_BAD
		r->threshold_us = bpfgen_sock_ops_srtt_us(ctx);
#else
		r->samples++;
		if (!r->min_us || bpfgen_sock_ops_srtt_us(ctx) < r->min_us)
			r->min_us = bpfgen_sock_ops_srtt_us(ctx);
#endif
	}
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
