// bpfgen-test: source-address pinning for UDP to a service VIP attached as cgroup/connect4, where ctx->msg_src_ip4 may not be written (only sendmsg4 may) (vmlinux.h)
// kernel: refuses "invalid bpf_context access off=40 size=4"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

/* Both in network byte order, set by user space at run time (0: off). */
__u32 service_vip = 0;
__u32 pinned_src = 0;

__u64 pinned = 0;

SEC("cgroup/connect4")
int pin_udp_source(struct bpf_sock_addr *ctx)
{
	if (ctx->type != SOCK_DGRAM)
		return 1;
	if (!pinned_src || ctx->user_ip4 != service_vip)
		return 1;

	ctx->msg_src_ip4 = pinned_src; // expect: error ctx-access
	__sync_fetch_and_add(&pinned, 1);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
