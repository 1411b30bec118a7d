// bpfgen-test: sockops adds established sockets to a sockhash keyed by struct sock_key with a bare __u32 port (linux/bpf.h)
// class: key-type
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

struct sock_key {
	__u32 remote_ip4;
	__u32 local_port;
};

BPFGEN_SOCKHASH(established, struct sock_key, 1024);

#define PASSIVE_ESTABLISHED 5

BPFGEN_SOCK_OPS(sockops_track)
{
	struct sock_key key = {
		.remote_ip4 = bpfgen_sock_ops_remote_ip4(ctx),
		.local_port = bpfgen_sock_ops_local_port(ctx),
	};
	__u32 port = key.local_port;

	if (bpfgen_sock_ops_op(ctx) != PASSIVE_ESTABLISHED)
		return BPFGEN_VERDICT_PASS;
	(void)port;
#ifdef BPFGEN_TEST_BAD
	if (established_sock_ops_update(ctx, &port, BPF_NOEXIST) < 0) // BAD
#else
	if (established_sock_ops_update(ctx, &key, BPF_NOEXIST) < 0)
#endif
		return BPFGEN_VERDICT_PASS;
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
