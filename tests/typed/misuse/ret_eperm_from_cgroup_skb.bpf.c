// bpfgen-test: cgroup_skb ingress denies a blocked port with -EPERM as a syscall hook would (vmlinux.h)
// class: return-kind
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

#define EPERM 1

BPFGEN_HASH(blocked_ports, __u32, __u8, 256);

BPFGEN_CGROUP_SKB_INGRESS(ingress_block_ports)
{
	__u32 port = bpfgen_cgroup_skb_local_port(ctx);

	if (blocked_ports_lookup(&port))
#ifdef BPFGEN_TEST_BAD
		return -EPERM; // BAD
#else
		return BPFGEN_VERDICT_DROP;
#endif
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
