// bpfgen-test: an XDP program returning a tc action
// expect-error: implicit conversion from enumeration type 'enum bpfgen_tc_action' to different enumeration type 'enum bpfgen_xdp_action'
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_XDP(wrong_action)
{
	if (bpfgen_xdp_len(ctx) < 64)
		return BPFGEN_TC_SHOT;
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
