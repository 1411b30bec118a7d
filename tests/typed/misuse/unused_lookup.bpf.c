// bpfgen-test: xdp warms a cache by calling NAME_lookup() and dropping the result (linux/bpf.h)
// class: unused-result
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

BPFGEN_HASH(queue_seen, __u32, __u64, 64);

BPFGEN_XDP(xdp_touch_queue)
{
	__u32 q = bpfgen_xdp_rx_queue_index(ctx);

#ifdef BPFGEN_TEST_BAD
	queue_seen_lookup(&q); // BAD
#else
	__u64 *seen = queue_seen_lookup(&q);

	if (seen)
		*seen += 1;
#endif
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
