// bpfgen-test: skb/kfree_skb tracepoint summing dropped bytes per drop reason: the sk_buff behind the skbaddr field is dereferenced directly (vmlinux.h)
// kernel: refuses "invalid mem access 'scalar'"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

#define MAX_REASONS 512

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, MAX_REASONS);
	__type(key, __u32);
	__type(value, __u64);
} dropped_bytes SEC(".maps");

SEC("tracepoint/skb/kfree_skb")
int trace_kfree_skb(struct trace_event_raw_kfree_skb *ctx)
{
	struct sk_buff *skb = ctx->skbaddr;
	__u32 reason = ctx->reason;
	__u64 *bytes;
	__u32 len;

	if (reason >= MAX_REASONS)
		return 0;
	len = skb->len; // expect: warning kernel-deref

	bytes = bpf_map_lookup_elem(&dropped_bytes, &reason);
	if (bytes)
		*bytes += len;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
