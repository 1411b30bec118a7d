// bpfgen-test: hand-written libbpf twin of good/sock_steering.bpf.c
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct sock_key {
	__u32 remote_ip4;
	__u32 local_ip4;
	__u32 remote_port;
	__u32 local_port;
};

struct {
	__uint(type, BPF_MAP_TYPE_SOCKHASH);
	__uint(max_entries, 1024);
	__type(key, struct sock_key);
	__type(value, __u64);
} socks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} listeners SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u32);
} tx_ports SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u32);
} jump_table SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_SK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} established_at SEC(".maps");

SEC("sockops")
int track_established(struct bpf_sock_ops *skops)
{
	struct bpf_sock *sk = skops->sk;
	struct sock_key key;
	__u32 op = skops->op;
	__u64 *since;

	if (op != BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB && op != BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB)
		return 1;
	if (skops->family != 2 /* AF_INET */)
		return 1;
	if (sk) {
		since = bpf_sk_storage_get(&established_at, sk, NULL, BPF_SK_STORAGE_GET_F_CREATE);
		if (since)
			*since = bpf_ktime_get_ns();
	}
	key.remote_ip4 = skops->remote_ip4;
	key.local_ip4 = skops->local_ip4;
	key.remote_port = skops->remote_port;
	key.local_port = skops->local_port;
	if (bpf_sock_hash_update(skops, &socks, &key, BPF_ANY))
		return 1;
	return 1;
}

SEC("sk_msg")
int msg_redirect(struct sk_msg_md *msg)
{
	struct sock_key key = {
		.remote_ip4 = msg->local_ip4,
		.local_ip4 = msg->remote_ip4,
		.remote_port = msg->local_port << 16,
		.local_port = msg->remote_port >> 16,
	};

	return bpf_msg_redirect_hash(msg, &socks, &key, BPF_F_INGRESS);
}

SEC("sk_skb/stream_verdict")
int skb_verdict(struct __sk_buff *skb)
{
	__u32 idx = 0;

	if (skb->len < 4)
		return SK_DROP;
	return bpf_sk_redirect_map(skb, &listeners, idx, 0);
}

SEC("sk_lookup")
int lookup_any(struct bpf_sk_lookup *ctx)
{
	if (ctx->protocol != 6 /* IPPROTO_TCP */)
		return SK_PASS;
	return ctx->local_port == 7 ? SK_DROP : SK_PASS;
}

SEC("xdp")
int xdp_forward(struct xdp_md *ctx)
{
	bpf_tail_call(ctx, &jump_table, ctx->rx_queue_index & 7);
	return bpf_redirect_map(&tx_ports, ctx->ingress_ifindex & 63, XDP_PASS);
}

char LICENSE[] SEC("license") = "GPL";
