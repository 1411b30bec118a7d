// bpfgen-test: sockops inserting established sockets into a sockhash and sk_msg redirecting between local peers (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define AF_INET 2

struct sock_key {
	__u32 sip4;
	__u32 dip4;
	__u32 sport;	/* host order */
	__u32 dport;	/* host order */
};

struct {
	__uint(type, BPF_MAP_TYPE_SOCKHASH);
	__uint(max_entries, 65535);
	__type(key, struct sock_key);
	__type(value, int);
} sock_ops_map SEC(".maps");

SEC("sockops")
int bpf_sockops_v4(struct bpf_sock_ops *skops)
{
	struct sock_key key = {};

	if (skops->family != AF_INET)
		return 1;
	if (skops->op != BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB &&
	    skops->op != BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB)
		return 1;

	key.sip4 = skops->local_ip4;
	key.dip4 = skops->remote_ip4;
	key.sport = skops->local_port;
	key.dport = bpf_ntohl(skops->remote_port);
	bpf_sock_hash_update(skops, &sock_ops_map, &key, BPF_NOEXIST);
	return 1;
}

SEC("sk_msg")
int bpf_redir(struct sk_msg_md *msg)
{
	struct sock_key peer = {};

	if (msg->family != AF_INET)
		return SK_PASS;

	/* the peer's socket is keyed from its own point of view */
	peer.sip4 = msg->remote_ip4;
	peer.dip4 = msg->local_ip4;
	peer.sport = bpf_ntohl(msg->remote_port);
	peer.dport = msg->local_port;
	return bpf_msg_redirect_hash(msg, &sock_ops_map, &peer, BPF_F_INGRESS);
}

char _license[] SEC("license") = "GPL";
