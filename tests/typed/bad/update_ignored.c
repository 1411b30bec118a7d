// bpfgen-test: a map update whose error is thrown away
// expect-error: ignoring return value of function declared with 'warn_unused_result' attribute
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(last_len, __u32, __u32, 64);

BPFGEN_XDP(update_only)
{
	__u32 ifindex = bpfgen_xdp_ingress_ifindex(ctx);
	__u32 len = bpfgen_xdp_len(ctx);

	last_len_update(&ifindex, &len, BPF_ANY);
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
