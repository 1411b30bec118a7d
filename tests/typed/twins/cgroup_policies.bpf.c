// bpfgen-test: hand-written libbpf twin of good/cgroup_policies.bpf.c
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_BLOOM_FILTER);
	__uint(max_entries, 256);
	__uint(map_extra, 3);
	__type(value, __u16);
} denied_ports SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_QUEUE);
	__uint(max_entries, 64);
	__type(value, __u32);
} recent_denials SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_STACK);
	__uint(max_entries, 64);
	__type(value, __u32);
} sysctl_writers SEC(".maps");

SEC("cgroup/sock_create")
int sock_create_policy(struct bpf_sock *sk)
{
	/* raw sockets only for priority-marked sockets */
	if (sk->type == 3 /* SOCK_RAW */ && sk->mark == 0)
		return 0;
	sk->priority = 1;
	return 1;
}

SEC("cgroup/connect4")
int connect4_policy(struct bpf_sock_addr *ctx)
{
	__u16 port = bpf_ntohs(ctx->user_port);
	__u32 dst = ctx->user_ip4;

	if (bpf_map_peek_elem(&denied_ports, &port) == 0) {
		if (bpf_map_push_elem(&recent_denials, &dst, BPF_EXIST))
			return 0;
		return 0;
	}
	return 1;
}

SEC("cgroup/getsockopt")
int getsockopt_policy(struct bpf_sockopt *ctx)
{
	/* hide nothing, but let the kernel's answer stand */
	if (ctx->level == 6 /* SOL_TCP */ && ctx->retval < 0)
		ctx->retval = 0;
	return 1;
}

SEC("cgroup/sysctl")
int sysctl_policy(struct bpf_sysctl *ctx)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;

	if (!ctx->write)
		return 1;
	if (bpf_map_push_elem(&sysctl_writers, &pid, BPF_EXIST))
		return 0;
	return 1;
}

SEC("cgroup/dev")
int device_policy(struct bpf_cgroup_dev_ctx *ctx)
{
	__u32 type = ctx->access_type & 0xFFFF;

	/* character devices 1:* (mem, null, zero, ...) only */
	if (type == 2 /* BPF_DEVCG_DEV_CHAR */ && ctx->major == 1)
		return 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
