// bpfgen-test: an XDP program returning a tc action
// expect-error: returning 'bpfgen_tc_action' (aka 'struct bpfgen_tc_action') from a function with incompatible result type 'bpfgen_xdp_action'
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_XDP(wrong_action)
{
	if (bpfgen_xdp_len(ctx) < 64)
		return BPFGEN_TC_SHOT;
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
