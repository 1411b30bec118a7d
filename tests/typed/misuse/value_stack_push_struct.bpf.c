// bpfgen-test: xdp pushes a whole struct into a stack of __u64 timestamps (linux/bpf.h)
// class: value-type
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

struct arrival {
	__u64 ts;
	__u32 queue;
	__u32 len;
};

BPFGEN_STACK(recent_ts, __u64, 128);

BPFGEN_XDP(xdp_recent)
{
	struct arrival a = {
		.ts = bpf_ktime_get_ns(),
		.queue = bpfgen_xdp_rx_queue_index(ctx),
		.len = bpfgen_xdp_len(ctx),
	};

	if (a.queue)
		return BPFGEN_XDP_PASS;
#ifdef BPFGEN_TEST_BAD
	if (recent_ts_push(&a, 0) < 0) // BAD
#else
	if (recent_ts_push(&a.ts, 0) < 0)
#endif
		return BPFGEN_XDP_PASS;
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
