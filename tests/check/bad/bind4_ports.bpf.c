// bpfgen-test: cgroup/bind4 program returning 1 | 4 = 5 (the no-capability-check flag is bit 1, bind4 allows [0, 3])
// kernel: refuses "should have been in [0, 3]"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define BIND_ALLOW		1
#define BIND_NO_CAP_CHECK	4	/* skip the CAP_NET_BIND_SERVICE check */

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
	return BIND_ALLOW | BIND_NO_CAP_CHECK; // expect: error return-range
}

char LICENSE[] SEC("license") = "GPL";
