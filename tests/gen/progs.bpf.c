// SPDX-License-Identifier: GPL-2.0
/*
 * bpfgen gen input: the program types whose attach functions take what the
 * kernel attaches them to beyond a cgroup or a netns: a netfilter hook, a
 * reuseport group, an iterator read into a buffer, a struct_ops map (a TCP
 * congestion control), and an XDP program whose global function the
 * extension program of ext.bpf.c replaces; and sk storage, which
 * userspace reads and writes by socket fd. Each program counts its runs in `runs`
 * at its own index, so the test can tell which ran.
 */
#include "vmlinux.h"
#include <bpf/bpf_tracing.h>
#include <bpfgen/bpf.h>

enum { RUN_NF, RUN_REUSEPORT, RUN_ITER, RUN_CC, RUN_XDP, RUN_MAX };

BPFGEN_ARRAY(runs, __u64, RUN_MAX);

/* what userspace keeps per socket, keyed by a socket fd on its side */
struct sock_tag {
	__u32 tag;
	__u32 flags;
	__u64 since_ns;
};

BPFGEN_SK_STORAGE(sock_tags, struct sock_tag);

/* the iterator's output lists tasks of this tgid only */
const volatile __u32 iter_tgid = 0;

static __always_inline void ran(__u32 what)
{
	__u64 *n = runs_lookup(&what);

	if (n)
		__sync_fetch_and_add(n, 1);
}

BPFGEN_NETFILTER(nf_count)
{
	ran(RUN_NF);
	return BPFGEN_NF_ACCEPT;
}

/* a datagram whose payload starts with 'd' is dropped, the rest pass */
BPFGEN_SK_REUSEPORT(reuseport_filter)
{
	__u8 first;

	ran(RUN_REUSEPORT);
	if (bpfgen_sk_reuseport_ip_protocol(ctx) != 17 /* IPPROTO_UDP */)
		return BPFGEN_VERDICT_PASS;
	if (bpfgen_load_bytes(ctx, 8 /* the UDP header */, &first))
		return BPFGEN_VERDICT_PASS;
	return first == 'd' ? BPFGEN_VERDICT_DROP : BPFGEN_VERDICT_PASS;
}

BPFGEN_ITER(dump_tasks, task, struct task_struct *task)
{
	struct seq_file *seq = bpfgen_iter_seq(ctx);

	if (!task)
		return 0;
	if (bpfgen_iter_seq_num(ctx) == 0)
		ran(RUN_ITER);
	if (task->tgid == iter_tgid)
		BPF_SEQ_PRINTF(seq, "pid %d comm %s\n", task->pid, task->comm);
	return 0;
}

extern void tcp_reno_cong_avoid(struct sock *sk, __u32 ack, __u32 acked) __ksym;
extern __u32 tcp_reno_ssthresh(struct sock *sk) __ksym;
extern __u32 tcp_reno_undo_cwnd(struct sock *sk) __ksym;

/* a socket userspace tagged is marked as seen by the congestion control */
void BPFGEN_STRUCT_OPS(cc_init, tcp_congestion_ops, init, struct sock *sk)
{
	struct sock_tag *t = sock_tags_get(sk, NULL, 0);

	ran(RUN_CC);
	if (t)
		t->flags |= 1;
}

__u32 BPFGEN_STRUCT_OPS(cc_ssthresh, tcp_congestion_ops, ssthresh, struct sock *sk)
{
	return tcp_reno_ssthresh(sk);
}

void BPFGEN_STRUCT_OPS(cc_cong_avoid, tcp_congestion_ops, cong_avoid, struct sock *sk, __u32 ack, __u32 acked)
{
	ran(RUN_CC);
	tcp_reno_cong_avoid(sk, ack, acked);
}

__u32 BPFGEN_STRUCT_OPS(cc_undo_cwnd, tcp_congestion_ops, undo_cwnd, struct sock *sk)
{
	return tcp_reno_undo_cwnd(sk);
}

SEC(".struct_ops")
struct tcp_congestion_ops gen_cc = {
	.init = (void *)cc_init,
	.ssthresh = (void *)cc_ssthresh,
	.cong_avoid = (void *)cc_cong_avoid,
	.undo_cwnd = (void *)cc_undo_cwnd,
	.name = "bpfgen_gen_cc",
};

/* global and not inlined: ext.bpf.c's extension program replaces it */
__attribute__((noinline)) int xdp_policy(struct xdp_md *xdp)
{
	return xdp ? XDP_PASS : XDP_ABORTED;
}

BPFGEN_XDP(xdp_target)
{
	ran(RUN_XDP);
	return xdp_policy(bpfgen_xdp_raw(ctx)) == XDP_PASS ? BPFGEN_XDP_PASS : BPFGEN_XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
