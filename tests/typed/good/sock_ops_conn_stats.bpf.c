// bpfgen-test: sockops keeps per-connection TCP counters, addresses and the cookie with the typed accessors (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

#define AF_INET6 10

struct conn_stats {
	__u64 cookie;
	__u64 bytes_acked;
	__u64 bytes_received;
	__u32 local[4];
	__u32 remote[4];
	__u32 segs_in;
	__u32 segs_out;
	__u32 data_segs_in;
	__u32 data_segs_out;
	__u32 total_retrans;
	__u32 state;
	__u32 snd_cwnd;
	__u32 srtt_us;
	__u16 local_port;
	__u16 remote_port;
	__u32 cb_flags;
};

BPFGEN_SK_STORAGE(conn_stats, struct conn_stats);
BPFGEN_HASH(sock_cookies, __u64, __u32, 1024);

BPFGEN_SOCK_OPS(sock_ops_stats)
{
	struct bpf_sock *sk = bpfgen_sock_ops_sk(ctx);
	struct conn_stats *s;
	__u32 op = bpfgen_sock_ops_op(ctx);

	if (!sk)
		return BPFGEN_VERDICT_PASS;
	s = conn_stats_get(sk, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!s)
		return BPFGEN_VERDICT_PASS;
	if (op == BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB || op == BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB) {
		s->cookie = bpfgen_socket_cookie(ctx);
		if (bpfgen_sock_ops_family(ctx) == AF_INET6) {
			bpfgen_sock_ops_local_ip6(ctx, &s->local);
			bpfgen_sock_ops_remote_ip6(ctx, &s->remote);
		} else {
			s->local[0] = bpfgen_sock_ops_local_ip4(ctx);
			s->remote[0] = bpfgen_sock_ops_remote_ip4(ctx);
		}
		s->local_port = bpfgen_sock_ops_local_port(ctx);
		s->remote_port = bpfgen_sock_ops_remote_port_host(ctx);
		if (bpfgen_sock_ops_cb_flags_set(ctx, BPF_SOCK_OPS_STATE_CB_FLAG | BPF_SOCK_OPS_RTT_CB_FLAG))
			return BPFGEN_VERDICT_PASS;
	}
	s->bytes_acked = bpfgen_sock_ops_bytes_acked(ctx);
	s->bytes_received = bpfgen_sock_ops_bytes_received(ctx);
	s->segs_in = bpfgen_sock_ops_segs_in(ctx);
	s->segs_out = bpfgen_sock_ops_segs_out(ctx);
	s->data_segs_in = bpfgen_sock_ops_data_segs_in(ctx);
	s->data_segs_out = bpfgen_sock_ops_data_segs_out(ctx);
	s->total_retrans = bpfgen_sock_ops_total_retrans(ctx);
	s->state = bpfgen_sock_ops_state(ctx);
	s->snd_cwnd = bpfgen_sock_ops_snd_cwnd(ctx);
	s->srtt_us = bpfgen_sock_ops_srtt_us(ctx) >> 3;
	s->cb_flags = bpfgen_sock_ops_bpf_sock_ops_cb_flags(ctx);
	return BPFGEN_VERDICT_PASS;
}

/* Every context type that has the cookie helper, counted per cookie. */
static __always_inline void seen(__u64 cookie)
{
	__u32 one = 1;

	if (sock_cookies_update(&cookie, &one, BPF_NOEXIST))
		return;
}

BPFGEN_TC(tc_cookie)
{
	seen(bpfgen_socket_cookie(ctx));
	return BPFGEN_TC_OK;
}

BPFGEN_SOCKET_FILTER(socket_cookie)
{
	seen(bpfgen_socket_cookie(ctx));
	return BPFGEN_SOCKET_KEEP_ALL;
}

BPFGEN_CGROUP_SKB_EGRESS(cgroup_skb_cookie)
{
	seen(bpfgen_socket_cookie(ctx));
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_SK_SKB(sk_skb_cookie, "stream_verdict")
{
	seen(bpfgen_socket_cookie(ctx));
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_CGROUP_SOCK(cgroup_sock_cookie)
{
	seen(bpfgen_socket_cookie(ctx));
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_CGROUP_SOCK_ADDR(connect4_cookie, "connect4")
{
	seen(bpfgen_socket_cookie(ctx));
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
