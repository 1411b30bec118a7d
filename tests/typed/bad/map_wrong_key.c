// bpfgen-test: a __u64 key passed to the accessor of a map with __u32 keys
// expect-error: incompatible pointer types passing '__u64 *' (aka 'unsigned long long *') to parameter of type 'const __u32 *'
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(counts, __u32, __u64, 128);

BPFGEN_XDP(wrong_key)
{
	__u64 key = bpfgen_xdp_ingress_ifindex(ctx);
	__u64 *n = counts_lookup(&key);

	if (n)
		*n += 1;
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
