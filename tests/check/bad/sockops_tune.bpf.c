// bpfgen-test: sockops program returning -1 for peers it does not tune (sockops must return 0 or 1; -1 belongs in skops->reply)
// kernel: refuses "should have been in [0, 1]"
// kernel 6.1: loads "Linux 6.1 loads it: the return-value check that refuses it is newer"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define SOL_TCP		6
#define TCP_CONGESTION	13
#define AF_INET		2

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u32);	/* remote /24, network order */
	__type(value, __u8);
} dc_subnets SEC(".maps");

static __always_inline bool is_dc_peer(struct bpf_sock_ops *skops)
{
	__u32 net = skops->remote_ip4 & bpf_htonl(0xffffff00);

	return bpf_map_lookup_elem(&dc_subnets, &net) != NULL;
}

SEC("sockops")
int tcp_tune(struct bpf_sock_ops *skops)
{
	char cc[] = "dctcp";
	int rv = -1;

	if (skops->family != AF_INET || !is_dc_peer(skops))
		return -1; // expect: error return-range

	switch (skops->op) {
	case BPF_SOCK_OPS_TIMEOUT_INIT:
		rv = 10;	/* jiffies */
		break;
	case BPF_SOCK_OPS_TCP_CONNECT_CB:
	case BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB:
		rv = bpf_setsockopt(skops, SOL_TCP, TCP_CONGESTION, cc, sizeof(cc));
		break;
	default:
		rv = -1;
	}
	skops->reply = rv;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
