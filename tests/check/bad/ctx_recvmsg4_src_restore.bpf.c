// bpfgen-test: a UDP service-VIP pair of sock_addr hooks where the recvmsg4 half also writes ctx->msg_src_ip4, which only sendmsg4/6 may write (bpfgen probe measures recvmsg4's context) (vmlinux.h)
// kernel: refuses "invalid bpf_context access off=40 size=4"
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
	ctx->msg_src_ip4 = service_vip; // expect: error ctx-access
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
