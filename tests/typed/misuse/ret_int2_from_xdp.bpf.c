// bpfgen-test: xdp fast path returns a bare 2 (XDP_PASS by memory) from a typed body (linux/bpf.h)
// class: return-kind
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(rx_per_queue, __u64, 64);

BPFGEN_XDP(xdp_queue_count)
{
	__u32 q = bpfgen_xdp_rx_queue_index(ctx);
	__u64 *n = rx_per_queue_lookup(&q);

	if (n)
		__sync_fetch_and_add(n, 1);
#ifdef BPFGEN_TEST_BAD
	return 2; // BAD
#else
	return BPFGEN_XDP_PASS;
#endif
}

char LICENSE[] SEC("license") = "GPL";
