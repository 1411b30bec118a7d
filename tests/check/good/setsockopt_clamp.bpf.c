// bpfgen-test: cgroup/setsockopt clamping SO_SNDBUF/SO_RCVBUF and refusing IP_TOS changes, with a pass-through getsockopt (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SOL_SOCKET	1
#define SOL_IP		0
#define SO_SNDBUF	7
#define SO_RCVBUF	8
#define IP_TOS		1
#define PAGE_SIZE	4096

const volatile int max_buf = 4 * 1024 * 1024;

SEC("cgroup/setsockopt")
int clamp_bufs(struct bpf_sockopt *ctx)
{
	int *optval = ctx->optval;
	void *optval_end = ctx->optval_end;

	if (ctx->level == SOL_IP && ctx->optname == IP_TOS)
		return 0;	/* EPERM to the caller */

	if (ctx->level != SOL_SOCKET ||
	    (ctx->optname != SO_SNDBUF && ctx->optname != SO_RCVBUF)) {
		if (ctx->optlen > PAGE_SIZE)
			ctx->optlen = 0;	/* let the kernel see the full buffer */
		return 1;
	}

	if ((void *)(optval + 1) > optval_end)
		return 1;
	if (*optval > max_buf)
		*optval = max_buf;
	return 1;
}

SEC("cgroup/getsockopt")
int getsockopt_passthrough(struct bpf_sockopt *ctx)
{
	if (ctx->optlen > PAGE_SIZE)
		ctx->optlen = 0;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
