// bpfgen-test: tcp_congestion_ops undo_cwnd declared void, where the kernel takes its __u32 as the new window (vmlinux.h)
// class: tracing-args
// kernel: loads
// expect: BPFGEN_STRUCT_OPS: the return type and parameters must be those of struct tcp_congestion_ops's member undo_cwnd
#include "vmlinux.h"
#include <bpfgen/bpf.h>

extern __u32 tcp_reno_ssthresh(struct sock *sk) __ksym;
extern void tcp_reno_cong_avoid(struct sock *sk, __u32 ack, __u32 acked) __ksym;
extern __u32 tcp_reno_undo_cwnd(struct sock *sk) __ksym;

__u32 BPFGEN_STRUCT_OPS(y_ssthresh, tcp_congestion_ops, ssthresh, struct sock *sk)
{
	return tcp_reno_ssthresh(sk);
}

void BPFGEN_STRUCT_OPS(y_cong_avoid, tcp_congestion_ops, cong_avoid, struct sock *sk, __u32 ack, __u32 acked)
{
	tcp_reno_cong_avoid(sk, ack, acked);
}

#ifdef BPFGEN_TEST_BAD
void BPFGEN_STRUCT_OPS(y_undo_cwnd, tcp_congestion_ops, undo_cwnd, struct sock *sk) // BAD
{
	tcp_reno_undo_cwnd(sk);
}
#else
__u32 BPFGEN_STRUCT_OPS(y_undo_cwnd, tcp_congestion_ops, undo_cwnd, struct sock *sk)
{
	return tcp_reno_undo_cwnd(sk);
}
#endif

SEC(".struct_ops")
struct tcp_congestion_ops y_cc = {
	.ssthresh = (void *)y_ssthresh,
	.cong_avoid = (void *)y_cong_avoid,
	.undo_cwnd = (void *)y_undo_cwnd,
	.name = "bpfgen_y_cc",
};

char LICENSE[] SEC("license") = "GPL";
