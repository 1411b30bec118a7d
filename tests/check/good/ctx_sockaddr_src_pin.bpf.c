// bpfgen-test: cgroup/sendmsg4 program pinning the source address of UDP datagrams sent to a service VIP by writing ctx->msg_src_ip4, which sendmsg4 allows (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

/* Both in network byte order, set by user space at run time (0: off). */
__u32 service_vip = 0;
__u32 pinned_src = 0;

__u64 pinned = 0;

SEC("cgroup/sendmsg4")
int pin_udp_source(struct bpf_sock_addr *ctx)
{
	if (ctx->type != SOCK_DGRAM)
		return 1;
	if (!pinned_src || ctx->user_ip4 != service_vip)
		return 1;

	ctx->msg_src_ip4 = pinned_src;
	__sync_fetch_and_add(&pinned, 1);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
