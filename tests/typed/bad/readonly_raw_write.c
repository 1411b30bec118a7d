// bpfgen-test: writing a field through the typed context's pointer, around the accessors
// expect-error: cannot assign to non-static data member 'raw' with const-qualified type 'const struct xdp_md *'
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_XDP(rewrite_ifindex)
{
	ctx.raw->ingress_ifindex = 1;
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
