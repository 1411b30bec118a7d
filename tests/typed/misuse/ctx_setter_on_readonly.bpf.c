// bpfgen-test: tc tries to rewrite the read-only ifindex with bpfgen_tc_set_ifindex (vmlinux.h)
// class: ctx-misuse
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

#define TARGET_IFINDEX 2

BPFGEN_TC(tc_steer)
{
	if (bpfgen_tc_ifindex(ctx) == TARGET_IFINDEX)
		return BPFGEN_TC_OK;
#ifdef BPFGEN_TEST_BAD
	bpfgen_tc_set_ifindex(ctx, TARGET_IFINDEX); // BAD
	return BPFGEN_TC_OK;
#else
	return bpfgen_tc_redirect(TARGET_IFINDEX, 0);
#endif
}

char LICENSE[] SEC("license") = "GPL";
