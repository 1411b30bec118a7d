// bpfgen-test: a __u32 value stored into a map whose values are struct stats
// expect-error: incompatible pointer types passing '__u32 *' (aka 'unsigned int *') to parameter of type 'const struct stats *'
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct stats {
	__u64 packets;
	__u64 bytes;
};

BPFGEN_HASH(per_if, __u32, struct stats, 128);

BPFGEN_XDP(wrong_value)
{
	__u32 ifindex = bpfgen_xdp_ingress_ifindex(ctx);
	__u32 one = 1;

	if (per_if_update(&ifindex, &one, BPF_ANY))
		return BPFGEN_XDP_ABORTED;
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
