// bpfgen-test: xdp passes an unchecked lookup to the user's plain static function that dereferences it (vmlinux.h)
// class: null
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct rate {
	__u64 tokens;
	__u64 last_ns;
};

BPFGEN_HASH(rates, __u32, struct rate, 1024);

static int take_token(struct rate *r, __u64 now)
{
	if (now - r->last_ns > 1000000) {
		r->tokens = 100;
		r->last_ns = now;
	}
	if (!r->tokens)
		return 0;
	r->tokens--;
	return 1;
}

BPFGEN_XDP(xdp_rate_limit)
{
	__u32 q = bpfgen_xdp_rx_queue_index(ctx);
	struct rate *r = rates_lookup(&q);

#ifdef BPFGEN_TEST_BAD
	if (!take_token(r, bpf_ktime_get_ns())) // BAD
#else
	if (r && !take_token(r, bpf_ktime_get_ns()))
#endif
		return BPFGEN_XDP_DROP;
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
