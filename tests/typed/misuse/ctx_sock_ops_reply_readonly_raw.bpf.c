// bpfgen-test: sockops rewrites ->remote_port through bpfgen_sock_ops_raw(ctx), which the kernel keeps read-only (vmlinux.h)
// class: ctx-misuse
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

#define SOCK_OPS_TIMEOUT_INIT 1
#define SMALL_RTO 10

BPFGEN_SOCK_OPS(sockops_small_rto)
{
	if (bpfgen_sock_ops_op(ctx) != SOCK_OPS_TIMEOUT_INIT)
		return BPFGEN_VERDICT_PASS;
#ifdef BPFGEN_TEST_BAD
	bpfgen_sock_ops_raw(ctx)->remote_port = SMALL_RTO; // BAD
#else
	bpfgen_sock_ops_set_reply(ctx, SMALL_RTO);
#endif
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
