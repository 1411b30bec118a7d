// bpfgen-test: connect4 denies ports in a bloom filter of __u16, peeked with a __u32 (vmlinux.h)
// class: lookup-type
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_endian.h>
#include <bpfgen/bpf.h>

BPFGEN_BLOOM_FILTER(banned_ports, __u16, 512, 3);

BPFGEN_CGROUP_SOCK_ADDR(connect4_ports, "connect4")
{
#ifdef BPFGEN_TEST_BAD
	__u32 port = bpf_ntohs(bpfgen_cgroup_sock_addr_user_port(ctx));

	if (banned_ports_peek(&port) == 0) // BAD
#else
	__u16 port = bpf_ntohs(bpfgen_cgroup_sock_addr_user_port(ctx));

	if (banned_ports_peek(&port) == 0)
#endif
		return BPFGEN_VERDICT_DROP;
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
