// bpfgen-test: tc sets skb->len, which the kernel does not let it write: there is no setter
// expect-error: implicit declaration of function 'bpfgen_tc_set_len' is invalid in C99
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_TC(truncate)
{
	bpfgen_tc_set_len(ctx, 64);
	return BPFGEN_TC_OK;
}

char LICENSE[] SEC("license") = "GPL";
