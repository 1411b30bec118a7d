// bpfgen-test: sockops copies the remote IPv6 address into a two-word buffer with bpfgen_sock_ops_remote_ip6 (vmlinux.h)
// class: value-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

#define AF_INET6 10

BPFGEN_HASH(peers_v6, __u64, __u64, 1024);

BPFGEN_SOCK_OPS(sockops_v6_peers)
{
	__u64 one = 1;

	if (bpfgen_sock_ops_op(ctx) != BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB ||
	    bpfgen_sock_ops_family(ctx) != AF_INET6)
		return BPFGEN_VERDICT_PASS;
#ifdef BPFGEN_TEST_BAD
	__u32 addr[2];

	bpfgen_sock_ops_remote_ip6(ctx, &addr); // BAD
	if (peers_v6_update((__u64 *)addr, &one, BPF_ANY))
		return BPFGEN_VERDICT_PASS;
#else
	__u32 addr[4];

	bpfgen_sock_ops_remote_ip6(ctx, &addr);
	if (peers_v6_update((__u64 *)addr, &one, BPF_ANY))
		return BPFGEN_VERDICT_PASS;
#endif
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
