// bpfgen-test: a UDP service-VIP pair of sock_addr hooks: sendmsg4 rewrites the destination, recvmsg4 rewrites only the address the reply seems to come from, as recvmsg4 allows (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

/* In network byte order, set by user space at run time (0: off). */
__u32 service_vip = 0;
__u32 backend_ip = 0;
__u16 backend_port = 0;

__u64 rewritten = 0;

SEC("cgroup/sendmsg4")
int vip_sendmsg4(struct bpf_sock_addr *ctx)
{
	if (ctx->type != SOCK_DGRAM || !backend_ip || ctx->user_ip4 != service_vip)
		return 1;
	ctx->user_ip4 = backend_ip;
	ctx->user_port = backend_port;
	__sync_fetch_and_add(&rewritten, 1);
	return 1;
}

/* replies from the backend must look as if they came from the VIP */
SEC("cgroup/recvmsg4")
int vip_recvmsg4(struct bpf_sock_addr *ctx)
{
	if (ctx->type != SOCK_DGRAM || !backend_ip || ctx->user_ip4 != backend_ip)
		return 1;
	ctx->user_ip4 = service_vip;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
