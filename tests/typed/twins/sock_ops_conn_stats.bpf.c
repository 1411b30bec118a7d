// bpfgen-test: hand-written libbpf twin of good/sock_ops_conn_stats.bpf.c
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

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

struct {
	__uint(type, BPF_MAP_TYPE_SK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct conn_stats);
} conn_stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u64);
	__type(value, __u32);
} sock_cookies SEC(".maps");

SEC("sockops")
int sock_ops_stats(struct bpf_sock_ops *ctx)
{
	struct bpf_sock *sk = ctx->sk;
	struct conn_stats *s;
	__u32 op = ctx->op;

	if (!sk)
		return 1;
	s = bpf_sk_storage_get(&conn_stats, sk, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!s)
		return 1;
	if (op == BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB || op == BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB) {
		s->cookie = bpf_get_socket_cookie(ctx);
		if (ctx->family == AF_INET6) {
			s->local[0] = ctx->local_ip6[0];
			s->local[1] = ctx->local_ip6[1];
			s->local[2] = ctx->local_ip6[2];
			s->local[3] = ctx->local_ip6[3];
			s->remote[0] = ctx->remote_ip6[0];
			s->remote[1] = ctx->remote_ip6[1];
			s->remote[2] = ctx->remote_ip6[2];
			s->remote[3] = ctx->remote_ip6[3];
		} else {
			s->local[0] = ctx->local_ip4;
			s->remote[0] = ctx->remote_ip4;
		}
		s->local_port = ctx->local_port;
		s->remote_port = bpf_ntohl(ctx->remote_port);
		if (bpf_sock_ops_cb_flags_set(ctx, BPF_SOCK_OPS_STATE_CB_FLAG | BPF_SOCK_OPS_RTT_CB_FLAG))
			return 1;
	}
	s->bytes_acked = ctx->bytes_acked;
	s->bytes_received = ctx->bytes_received;
	s->segs_in = ctx->segs_in;
	s->segs_out = ctx->segs_out;
	s->data_segs_in = ctx->data_segs_in;
	s->data_segs_out = ctx->data_segs_out;
	s->total_retrans = ctx->total_retrans;
	s->state = ctx->state;
	s->snd_cwnd = ctx->snd_cwnd;
	s->srtt_us = ctx->srtt_us >> 3;
	s->cb_flags = ctx->bpf_sock_ops_cb_flags;
	return 1;
}

static __always_inline void seen(__u64 cookie)
{
	__u32 one = 1;

	bpf_map_update_elem(&sock_cookies, &cookie, &one, BPF_NOEXIST);
}

SEC("tc")
int tc_cookie(struct __sk_buff *skb)
{
	seen(bpf_get_socket_cookie(skb));
	return 0;
}

SEC("socket")
int socket_cookie(struct __sk_buff *skb)
{
	seen(bpf_get_socket_cookie(skb));
	return -1;
}

SEC("cgroup_skb/egress")
int cgroup_skb_cookie(struct __sk_buff *skb)
{
	seen(bpf_get_socket_cookie(skb));
	return 1;
}

SEC("sk_skb/stream_verdict")
int sk_skb_cookie(struct __sk_buff *skb)
{
	seen(bpf_get_socket_cookie(skb));
	return 1;
}

SEC("cgroup/sock_create")
int cgroup_sock_cookie(struct bpf_sock *sk)
{
	seen(bpf_get_socket_cookie(sk));
	return 1;
}

SEC("cgroup/connect4")
int connect4_cookie(struct bpf_sock_addr *ctx)
{
	seen(bpf_get_socket_cookie(ctx));
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
