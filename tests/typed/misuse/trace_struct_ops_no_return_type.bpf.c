// bpfgen-test: tcp_congestion_ops init written without its leading return type (C would make it int) (vmlinux.h)
// class: tracing-args
// kernel: run
// kernel-run: struct_ops . bpfgen_z_cc
// expect: type specifier missing
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(runs, __u64, 1);

extern __u32 tcp_reno_ssthresh(struct sock *sk) __ksym;
extern void tcp_reno_cong_avoid(struct sock *sk, __u32 ack, __u32 acked) __ksym;
extern __u32 tcp_reno_undo_cwnd(struct sock *sk) __ksym;

#ifdef BPFGEN_TEST_BAD
BPFGEN_STRUCT_OPS(z_init, tcp_congestion_ops, init, struct sock *sk) // BAD
#else
void BPFGEN_STRUCT_OPS(z_init, tcp_congestion_ops, init, struct sock *sk)
#endif
{
	__u32 zero = 0;
	__u64 *n = runs_lookup(&zero);

	if (n)
		__sync_fetch_and_add(n, 1);
}

__u32 BPFGEN_STRUCT_OPS(z_ssthresh, tcp_congestion_ops, ssthresh, struct sock *sk)
{
	return tcp_reno_ssthresh(sk);
}

void BPFGEN_STRUCT_OPS(z_cong_avoid, tcp_congestion_ops, cong_avoid, struct sock *sk, __u32 ack, __u32 acked)
{
	tcp_reno_cong_avoid(sk, ack, acked);
}

__u32 BPFGEN_STRUCT_OPS(z_undo_cwnd, tcp_congestion_ops, undo_cwnd, struct sock *sk)
{
	return tcp_reno_undo_cwnd(sk);
}

SEC(".struct_ops")
struct tcp_congestion_ops bpfgen_z_cc = {
	.init = (void *)z_init,
	.ssthresh = (void *)z_ssthresh,
	.cong_avoid = (void *)z_cong_avoid,
	.undo_cwnd = (void *)z_undo_cwnd,
	.name = "bpfgen_z_cc",
};

char LICENSE[] SEC("license") = "GPL";
