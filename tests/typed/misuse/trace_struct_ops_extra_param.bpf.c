// bpfgen-test: tcp_congestion_ops ssthresh declared with an ack parameter it does not receive (vmlinux.h)
// class: tracing-args
// kernel: loads
// expect: BPFGEN_STRUCT_OPS: the return type and parameters must be those of struct tcp_congestion_ops's member ssthresh
#include "vmlinux.h"
#include <bpfgen/bpf.h>

extern __u32 tcp_reno_ssthresh(struct sock *sk) __ksym;
extern void tcp_reno_cong_avoid(struct sock *sk, __u32 ack, __u32 acked) __ksym;
extern __u32 tcp_reno_undo_cwnd(struct sock *sk) __ksym;

#ifdef BPFGEN_TEST_BAD
__u32 BPFGEN_STRUCT_OPS(x_ssthresh, tcp_congestion_ops, ssthresh, struct sock *sk, __u32 ack) // BAD
#else
__u32 BPFGEN_STRUCT_OPS(x_ssthresh, tcp_congestion_ops, ssthresh, struct sock *sk)
#endif
{
	return tcp_reno_ssthresh(sk);
}

void BPFGEN_STRUCT_OPS(x_cong_avoid, tcp_congestion_ops, cong_avoid, struct sock *sk, __u32 ack, __u32 acked)
{
	tcp_reno_cong_avoid(sk, ack, acked);
}

__u32 BPFGEN_STRUCT_OPS(x_undo_cwnd, tcp_congestion_ops, undo_cwnd, struct sock *sk)
{
	return tcp_reno_undo_cwnd(sk);
}

SEC(".struct_ops")
struct tcp_congestion_ops x_cc = {
	.ssthresh = (void *)x_ssthresh,
	.cong_avoid = (void *)x_cong_avoid,
	.undo_cwnd = (void *)x_undo_cwnd,
	.name = "bpfgen_x_cc",
};

char LICENSE[] SEC("license") = "GPL";
