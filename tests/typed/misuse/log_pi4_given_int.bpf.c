// bpfgen-test: cgroup connect4 logs the destination with %pI4 given the __u32 value, not its address (vmlinux.h)
// class: log-format
// kernel: loads
// stages: cc check
#include "vmlinux.h"
#include <bpf/bpf_endian.h>
#include <bpfgen/bpf.h>
#include <bpfgen/log.h>

BPFGEN_CGROUP_SOCK_ADDR(log_connect, "connect4")
{
	__u32 ip = bpfgen_cgroup_sock_addr_user_ip4(ctx);
	__u16 port = bpf_ntohs(bpfgen_cgroup_sock_addr_user_port(ctx));

#ifdef BPFGEN_TEST_BAD
	bpfgen_info(ctx, "connect to %pI4:%u", ip, port); // BAD
#else
	bpfgen_info(ctx, "connect to %pI4:%u", &ip, port);
#endif
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
