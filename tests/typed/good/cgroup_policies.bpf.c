// bpfgen-test: the cgroup program types with their typed contexts: sock_create, connect4, getsockopt, sysctl, device; queue, stack and bloom filter maps (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_endian.h>
#include <bpfgen/bpf.h>

BPFGEN_BLOOM_FILTER(denied_ports, __u16, 256, 3);
BPFGEN_QUEUE(recent_denials, __u32, 64);
BPFGEN_STACK(sysctl_writers, __u32, 64);

BPFGEN_CGROUP_SOCK(sock_create_policy)
{
	/* raw sockets only for priority-marked sockets */
	if (bpfgen_cgroup_sock_type(ctx) == 3 /* SOCK_RAW */ && bpfgen_cgroup_sock_mark(ctx) == 0)
		return BPFGEN_VERDICT_DROP;
	bpfgen_cgroup_sock_set_priority(ctx, 1);
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_CGROUP_SOCK_ADDR(connect4_policy, "connect4")
{
	__u16 port = bpf_ntohs(bpfgen_cgroup_sock_addr_user_port(ctx));
	__u32 dst = bpfgen_cgroup_sock_addr_user_ip4(ctx);

	if (denied_ports_peek(&port) == 0) {
		if (recent_denials_push(&dst, BPF_EXIST))
			return BPFGEN_VERDICT_DROP;
		return BPFGEN_VERDICT_DROP;
	}
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_CGROUP_SOCKOPT(getsockopt_policy, "getsockopt")
{
	/* hide nothing, but let the kernel's answer stand */
	if (bpfgen_cgroup_sockopt_level(ctx) == 6 /* SOL_TCP */ && bpfgen_cgroup_sockopt_retval(ctx) < 0)
		bpfgen_cgroup_sockopt_set_retval(ctx, 0);
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_CGROUP_SYSCTL(sysctl_policy)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;

	if (!bpfgen_cgroup_sysctl_write(ctx))
		return BPFGEN_VERDICT_PASS;
	if (sysctl_writers_push(&pid, BPF_EXIST))
		return BPFGEN_VERDICT_DROP;
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_CGROUP_DEVICE(device_policy)
{
	__u32 type = bpfgen_cgroup_device_access_type(ctx) & 0xFFFF;

	/* character devices 1:* (mem, null, zero, ...) only */
	if (type == 2 /* BPF_DEVCG_DEV_CHAR */ && bpfgen_cgroup_device_major(ctx) == 1)
		return BPFGEN_VERDICT_PASS;
	return BPFGEN_VERDICT_DROP;
}

char LICENSE[] SEC("license") = "GPL";
