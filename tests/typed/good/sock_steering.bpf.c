// bpfgen-test: socket steering types: sockops fills a sockhash and an sk storage, sk_msg and sk_skb redirect through it, sk_lookup, an XDP devmap redirect and a tail call (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct sock_key {
	__u32 remote_ip4;
	__u32 local_ip4;
	__u32 remote_port;
	__u32 local_port;
};

BPFGEN_SOCKHASH(socks, struct sock_key, 1024);
BPFGEN_SOCKMAP(listeners, __u32, 16);
BPFGEN_DEVMAP(tx_ports, 64);
BPFGEN_PROG_ARRAY(jump_table, 8);
BPFGEN_SK_STORAGE(established_at, __u64);

BPFGEN_SOCK_OPS(track_established)
{
	struct bpf_sock *sk = bpfgen_sock_ops_raw(ctx)->sk;
	struct sock_key key;
	__u32 op = bpfgen_sock_ops_op(ctx);
	__u64 *since;

	if (op != BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB && op != BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB)
		return BPFGEN_VERDICT_PASS;
	if (bpfgen_sock_ops_family(ctx) != 2 /* AF_INET */)
		return BPFGEN_VERDICT_PASS;
	if (sk) {
		since = established_at_get(sk, NULL, BPF_SK_STORAGE_GET_F_CREATE);
		if (since)
			*since = bpf_ktime_get_ns();
	}
	key.remote_ip4 = bpfgen_sock_ops_remote_ip4(ctx);
	key.local_ip4 = bpfgen_sock_ops_local_ip4(ctx);
	key.remote_port = bpfgen_sock_ops_remote_port(ctx);
	key.local_port = bpfgen_sock_ops_local_port(ctx);
	if (socks_sock_ops_update(ctx, &key, BPF_ANY))
		return BPFGEN_VERDICT_PASS;
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_SK_MSG(msg_redirect)
{
	struct sock_key key = {
		.remote_ip4 = bpfgen_sk_msg_local_ip4(ctx),
		.local_ip4 = bpfgen_sk_msg_remote_ip4(ctx),
		.remote_port = bpfgen_sk_msg_local_port(ctx) << 16,
		.local_port = bpfgen_sk_msg_remote_port(ctx) >> 16,
	};

	return socks_msg_redirect(ctx, &key, BPF_F_INGRESS);
}

BPFGEN_SK_SKB(skb_verdict, "stream_verdict")
{
	__u32 idx = 0;

	if (bpfgen_sk_skb_len(ctx) < 4)
		return BPFGEN_VERDICT_DROP;
	return listeners_skb_redirect(ctx, &idx, 0);
}

BPFGEN_SK_LOOKUP(lookup_any)
{
	if (bpfgen_sk_lookup_protocol(ctx) != 6 /* IPPROTO_TCP */)
		return BPFGEN_VERDICT_PASS;
	return bpfgen_sk_lookup_local_port(ctx) == 7 ? BPFGEN_VERDICT_DROP : BPFGEN_VERDICT_PASS;
}

BPFGEN_XDP(xdp_forward)
{
	jump_table_tail_call(ctx, bpfgen_xdp_rx_queue_index(ctx) & 7);
	return tx_ports_redirect(bpfgen_xdp_ingress_ifindex(ctx) & 63, BPFGEN_XDP_PASS);
}

char LICENSE[] SEC("license") = "GPL";
