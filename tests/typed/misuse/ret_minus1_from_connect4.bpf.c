// bpfgen-test: cgroup connect4 rejects loopback-bypass connects with return -1 (linux/bpf.h)
// class: return-kind
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

#define LOOPBACK_NET_BE 0x0000007f /* 127.0.0.0/8 in network order, low byte first */

static int is_loopback(__u32 ip4_be)
{
	return (ip4_be & 0xff) == LOOPBACK_NET_BE;
}

BPFGEN_CGROUP_SOCK_ADDR(connect_no_loopback, "connect4")
{
	if (!is_loopback(bpfgen_cgroup_sock_addr_user_ip4(ctx)))
		return BPFGEN_VERDICT_PASS;
#ifdef BPFGEN_TEST_BAD
	return -1; // BAD
#else
	return BPFGEN_VERDICT_DROP;
#endif
}

char LICENSE[] SEC("license") = "GPL";
