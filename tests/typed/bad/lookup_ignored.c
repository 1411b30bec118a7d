// bpfgen-test: a lookup whose result is thrown away
// expect-error: ignoring return value of function declared with 'warn_unused_result' attribute
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(seen, __u64, 1);

BPFGEN_XDP(lookup_only)
{
	__u32 k = 0;

	seen_lookup(&k);
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
