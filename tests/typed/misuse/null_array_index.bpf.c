// bpfgen-test: xdp size histogram indexes buckets[i] of an unchecked array lookup whose value is an array (vmlinux.h)
// class: null
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

#define NBUCKETS 16

struct hist {
	__u64 buckets[NBUCKETS];
};

BPFGEN_ARRAY(size_hist, struct hist, 1);

static __always_inline __u32 log2_bucket(__u32 len)
{
	__u32 b = 0;

	for (int i = 0; i < NBUCKETS - 1; i++) {
		if (len < (64u << i))
			break;
		b++;
	}
	return b;
}

BPFGEN_XDP(xdp_size_hist)
{
	__u32 zero = 0;
	__u32 b = log2_bucket(bpfgen_xdp_len(ctx));
	__u64 *h = (__u64 *)size_hist_lookup(&zero);

#ifdef BPFGEN_TEST_BAD
	h[b & (NBUCKETS - 1)]++; // BAD
#else
	if (!h)
		return BPFGEN_XDP_PASS;
	h[b & (NBUCKETS - 1)]++;
#endif
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
