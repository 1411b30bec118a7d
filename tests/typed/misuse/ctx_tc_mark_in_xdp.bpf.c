// bpfgen-test: xdp classifier reads bpfgen_tc_mark(ctx), an accessor of another program type (linux/bpf.h)
// class: ctx-misuse
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(queue_class, __u32, 64);

BPFGEN_XDP(xdp_classify)
{
#ifdef BPFGEN_TEST_BAD
	__u32 key = bpfgen_tc_mark(ctx) & 63; // BAD
#else
	__u32 key = bpfgen_xdp_rx_queue_index(ctx) & 63;
#endif
	__u32 *cls = queue_class_lookup(&key);

	if (cls && *cls == 1)
		return BPFGEN_XDP_DROP;
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
