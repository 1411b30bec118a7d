// bpfgen-test: cgroup/getsockopt program masking SO_MARK and refusing SO_PEERCRED inside the cgroup (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SOL_SOCKET	1
#define SO_PEERCRED	17
#define SO_MARK		36
#define EPERM		1

SEC("cgroup/getsockopt")
int getsockopt_mask(struct bpf_sockopt *ctx)
{
	__u8 *optval_end = ctx->optval_end;
	__u8 *optval = ctx->optval;

	if (ctx->level != SOL_SOCKET)
		return 1;

	if (ctx->optname == SO_PEERCRED) {
		ctx->retval = -EPERM;
		return 0;
	}

	if (ctx->optname == SO_MARK) {
		if (optval + sizeof(__u32) > optval_end)
			return 0;
		*(__u32 *)optval = 0;
		ctx->optlen = sizeof(__u32);
		ctx->retval = 0;
	}
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
