// bpfgen-test: an XDP policy replacement returns BPFGEN_TC_SHOT, which the XDP program reads as XDP_PASS (linux/bpf.h)
// class: return-kind
// kernel: run
// kernel-run: freplace ../good/freplace_target.bpf.c xdp_target xdp_policy . shot_policy 2 1
// expect: incompatible result type 'bpfgen_xdp_action'
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

BPFGEN_FREPLACE(shot_policy, "xdp_policy", xdp)
{
	if (bpfgen_xdp_len(ctx) < 14)
		return BPFGEN_XDP_ABORTED;
#ifdef BPFGEN_TEST_BAD
	return BPFGEN_TC_SHOT; // BAD
#else
	return BPFGEN_XDP_DROP;
#endif
}

char LICENSE[] SEC("license") = "GPL";
