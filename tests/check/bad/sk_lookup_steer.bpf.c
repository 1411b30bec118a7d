// bpfgen-test: sk_lookup program returning -ENOENT when the listener is missing (sk_lookup must return SK_DROP or SK_PASS)
// kernel: refuses "should have been in [0, 1]"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define IPPROTO_TCP 6
#define ENOENT 2

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} listener SEC(".maps");

const volatile __u16 port_lo = 7000;
const volatile __u16 port_hi = 7999;

SEC("sk_lookup")
int steer_port_range(struct bpf_sk_lookup *ctx)
{
	struct bpf_sock *sk;
	__u32 zero = 0;
	long err;

	if (ctx->protocol != IPPROTO_TCP)
		return SK_PASS;
	if (ctx->local_port < port_lo || ctx->local_port > port_hi)
		return SK_PASS;

	sk = bpf_map_lookup_elem(&listener, &zero);
	if (!sk)
		return -ENOENT; // expect: error return-range

	err = bpf_sk_assign(ctx, sk, 0);
	bpf_sk_release(sk);
	return err ? SK_DROP : SK_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
