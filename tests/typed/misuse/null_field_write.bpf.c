// bpfgen-test: sockops records the last op in ->last_op of sk storage without testing the get (vmlinux.h)
// class: null
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct sk_trace {
	__u32 last_op;
	__u32 ops;
};

BPFGEN_SK_STORAGE(sk_trace, struct sk_trace);

BPFGEN_SOCK_OPS(sockops_trace)
{
	struct bpf_sock *sk = bpfgen_sock_ops_raw(ctx)->sk;
	struct sk_trace *t;

	if (!sk)
		return BPFGEN_VERDICT_PASS;
	t = sk_trace_get(sk, NULL, BPF_SK_STORAGE_GET_F_CREATE);
#ifdef BPFGEN_TEST_BAD
	t->last_op = bpfgen_sock_ops_op(ctx); // BAD
#else
	if (!t)
		return BPFGEN_VERDICT_PASS;
	t->last_op = bpfgen_sock_ops_op(ctx);
#endif
	t->ops++;
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
