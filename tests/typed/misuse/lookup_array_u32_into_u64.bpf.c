// bpfgen-test: socket filter length histogram: an array of __u32 counters read through a __u64 * (vmlinux.h)
// class: lookup-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

#define NR_BUCKETS 16

BPFGEN_ARRAY(len_hist, __u32, NR_BUCKETS);

static __u32 bucket_of(__u32 len)
{
	__u32 b = 0;

	while (len > 64 && b < NR_BUCKETS - 1) {
		len >>= 1;
		b++;
	}
	return b;
}

BPFGEN_SOCKET_FILTER(len_histogram)
{
	__u32 b = bucket_of(bpfgen_socket_filter_len(ctx));
#ifdef BPFGEN_TEST_BAD
	__u64 *slot = len_hist_lookup(&b); // BAD
#else
	__u32 *slot = len_hist_lookup(&b);
#endif

	if (slot)
		__sync_fetch_and_add(slot, 1);
	return BPFGEN_SOCKET_KEEP(bpfgen_socket_filter_len(ctx));
}

char LICENSE[] SEC("license") = "GPL";
