// bpfgen-test: tc program looking up the listening socket of IPv4 and IPv6 TCP packets in one switch, reading its state through a helper function of its own, releasing it on every path: a function that only reads the socket keeps the reference the caller's to release (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define ETH_P_IPV6 0x86DD
#define TC_ACT_OK 0

__u64 listening = 0;
/* the service to look for, set by user space (network byte order) */
__u32 service_ip4 = 0;
__u16 service_port = 0;

static __always_inline bool is_listener(const struct bpf_sock *sk)
{
	return sk->state == BPF_TCP_LISTEN;
}

static __always_inline void count_listener(struct __sk_buff *skb)
{
	struct bpf_sock_tuple tup = {};
	struct bpf_sock *sk;

	switch (bpf_ntohs(skb->protocol)) {
	case ETH_P_IP:
		tup.ipv4.daddr = service_ip4;
		tup.ipv4.dport = service_port;
		sk = bpf_skc_lookup_tcp(skb, &tup, sizeof(tup.ipv4), BPF_F_CURRENT_NETNS, 0);
		if (!sk)
			return;
		if (!is_listener(sk))
			goto release;
		break;
	case ETH_P_IPV6:
		tup.ipv6.dport = service_port;
		sk = bpf_skc_lookup_tcp(skb, &tup, sizeof(tup.ipv6), BPF_F_CURRENT_NETNS, 0);
		if (!sk)
			return;
		if (!is_listener(sk))
			goto release;
		break;
	default:
		return;
	}
	__sync_fetch_and_add(&listening, 1);
release:
	bpf_sk_release(sk);
}

SEC("tc")
int listener_count(struct __sk_buff *skb)
{
	count_listener(skb);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
