// bpfgen-test: cgroup/bind4 program letting listed services bind privileged ports without CAP_NET_BIND_SERVICE (returns 3) (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define BIND_ALLOW		1
#define BIND_NO_CAP_CHECK	2	/* bit 1: skip the CAP_NET_BIND_SERVICE check */

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 128);
	__type(key, __u16);	/* port, host byte order */
	__type(value, __u32);	/* uid allowed to bind it */
} priv_ports SEC(".maps");

SEC("cgroup/bind4")
int bind4_ports(struct bpf_sock_addr *ctx)
{
	__u16 port = bpf_ntohs(ctx->user_port);
	__u32 uid = (__u32)bpf_get_current_uid_gid();
	__u32 *owner;

	if (port >= 1024)
		return BIND_ALLOW;

	owner = bpf_map_lookup_elem(&priv_ports, &port);
	if (!owner)
		return BIND_ALLOW;	/* the usual capability check applies */
	if (*owner != uid)
		return 0;
	return BIND_ALLOW | BIND_NO_CAP_CHECK;
}

char LICENSE[] SEC("license") = "GPL";
