// bpfgen-test: hand-written libbpf twin of good/netfilter_count.bpf.c
// kernel: run
// kernel-run: netfilter . nf_count
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} runs SEC(".maps");
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 5);
	__type(key, __u32);
	__type(value, __u64);
} per_hook SEC(".maps");

SEC("netfilter")
int nf_count(struct bpf_nf_ctx *ctx)
{
	struct sk_buff *skb = ctx->skb;
	__u32 hook = ctx->state->hook, zero = 0;
	__u64 *n = bpf_map_lookup_elem(&runs, &zero);

	if (n)
		__sync_fetch_and_add(n, 1);
	n = bpf_map_lookup_elem(&per_hook, &hook);
	if (n)
		__sync_fetch_and_add(n, 1);
	if (ctx->state->pf != 2 /* NFPROTO_IPV4 */ || !skb)
		return 1; /* NF_ACCEPT */
	return skb->len > 65535 ? 0 /* NF_DROP */ : 1;
}

char LICENSE[] SEC("license") = "GPL";
