// bpfgen-test: sk_lookup steering to a server socket from a sockmap, but the exit after a pointer comparison (ctx->sk != sk) returns without releasing it (vmlinux.h)
// kernel: refuses "Unreleased reference"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} redir_map SEC(".maps");

static const __u32 KEY_SERVER_B = 1;

SEC("sk_lookup")
int sk_assign_null(struct bpf_sk_lookup *ctx)
{
	struct bpf_sock *sk = NULL;
	int err, ret;

	ret = SK_DROP;
	err = bpf_sk_assign(ctx, NULL, 0);
	if (err)
		goto out;
	sk = bpf_map_lookup_elem(&redir_map, &KEY_SERVER_B);	// expect: error sk-release
	if (!sk)
		goto out;
	err = bpf_sk_assign(ctx, sk, BPF_SK_LOOKUP_F_REPLACE);
	if (err)
		goto out;
	if (ctx->sk != sk)
		return SK_DROP;
	ret = SK_PASS;
out:
	if (sk)
		bpf_sk_release(sk);
	return ret;
}

char LICENSE[] SEC("license") = "GPL";
