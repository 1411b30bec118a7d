// bpfgen-test: sockops asks for RTT callbacks with bpfgen_sock_ops_cb_flags_set and ignores that a request socket refuses them (vmlinux.h)
// class: unused-result
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(cb_refused, __u64, 1);

BPFGEN_SOCK_OPS(sockops_rtt_on)
{
	__u32 op = bpfgen_sock_ops_op(ctx);

	if (op != BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB && op != BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB)
		return BPFGEN_VERDICT_PASS;
#ifdef BPFGEN_TEST_BAD
	bpfgen_sock_ops_cb_flags_set(ctx, BPF_SOCK_OPS_RTT_CB_FLAG); // BAD
#else
	if (bpfgen_sock_ops_cb_flags_set(ctx, BPF_SOCK_OPS_RTT_CB_FLAG)) {
		__u32 zero = 0;
		__u64 *n = cb_refused_lookup(&zero);

		if (n)
			__sync_fetch_and_add(n, 1);
	}
#endif
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
