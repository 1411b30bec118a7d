// bpfgen-test: struct_ops: a Reno-like TCP congestion control that counts its calls (vmlinux.h)
// kernel: run
// kernel-run: struct_ops . bpfgen_reno
#include "vmlinux.h"
#include <bpf/bpf_tracing.h>
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(runs, __u64, 1);

extern void tcp_reno_cong_avoid(struct sock *sk, __u32 ack, __u32 acked) __ksym;
extern __u32 tcp_reno_ssthresh(struct sock *sk) __ksym;
extern __u32 tcp_reno_undo_cwnd(struct sock *sk) __ksym;

static __always_inline void ran(void)
{
	__u32 zero = 0;
	__u64 *n = runs_lookup(&zero);

	if (n)
		__sync_fetch_and_add(n, 1);
}

void BPFGEN_STRUCT_OPS(reno_init, tcp_congestion_ops, init, struct sock *sk)
{
	ran();
}

__u32 BPFGEN_STRUCT_OPS(reno_ssthresh, tcp_congestion_ops, ssthresh, struct sock *sk)
{
	ran();
	return tcp_reno_ssthresh(sk);
}

void BPFGEN_STRUCT_OPS(reno_cong_avoid, tcp_congestion_ops, cong_avoid, struct sock *sk, __u32 ack, __u32 acked)
{
	ran();
	tcp_reno_cong_avoid(sk, ack, acked);
}

__u32 BPFGEN_STRUCT_OPS(reno_undo_cwnd, tcp_congestion_ops, undo_cwnd, struct sock *sk)
{
	return tcp_reno_undo_cwnd(sk);
}

SEC(".struct_ops")
struct tcp_congestion_ops bpfgen_reno = {
	.init = (void *)reno_init,
	.ssthresh = (void *)reno_ssthresh,
	.cong_avoid = (void *)reno_cong_avoid,
	.undo_cwnd = (void *)reno_undo_cwnd,
	.name = "bpfgen_reno",
};

char LICENSE[] SEC("license") = "GPL";
