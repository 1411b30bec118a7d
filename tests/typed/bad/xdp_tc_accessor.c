// bpfgen-test: an XDP program reading the tc-only skb mark
// expect-error: passing 'bpfgen_xdp_ctx' (aka 'struct bpfgen_xdp_ctx') to parameter of incompatible type 'bpfgen_tc_ctx'
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_XDP(reads_mark)
{
	if (bpfgen_tc_mark(ctx) == 1)
		return BPFGEN_XDP_DROP;
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
