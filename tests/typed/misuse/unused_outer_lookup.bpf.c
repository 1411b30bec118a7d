// bpfgen-test: an array of maps is looked up and the handle (NULL for an empty slot) is thrown away (vmlinux.h)
// class: unused-result
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(flows, __u32, __u64, 128);
BPFGEN_ARRAY_OF_MAPS(flows_by_queue, flows, 8);

BPFGEN_XDP(count_queue)
{
	__u32 q = bpfgen_xdp_rx_queue_index(ctx) & 7, k = 0;
	__u64 *n;

#ifdef BPFGEN_TEST_BAD
	flows_by_queue_lookup(&q); // BAD
#else
	flows_by_queue_inner *f = flows_by_queue_lookup(&q);

	if (!f)
		return BPFGEN_XDP_PASS;
	n = flows_by_queue_inner_lookup(f, &k);
	if (n)
		__sync_fetch_and_add(n, 1);
#endif
	(void)n;
	(void)k;
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
