// bpfgen-test: sk_msg refuses oversized messages with -EPERM instead of a drop verdict (vmlinux.h)
// class: return-kind
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

#define EPERM 1
#define MAX_MSG 65536

BPFGEN_SK_MSG(msg_size_cap)
{
	if (bpfgen_sk_msg_size(ctx) <= MAX_MSG)
		return BPFGEN_VERDICT_PASS;
#ifdef BPFGEN_TEST_BAD
	return -EPERM; // BAD
#else
	return BPFGEN_VERDICT_DROP;
#endif
}

char LICENSE[] SEC("license") = "GPL";
