// bpfgen-test: XDP counters migrated to a per-CPU map that keeps a distinct ELF name through an asm label (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

/* Old layout, still read by deployed user space. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 5);
	__type(key, __u32);
	__type(value, __u64);
} action_count SEC(".maps");

/* New per-CPU layout; the asm label sets the name user space looks up. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 5);
	__type(key, __u32);
	__type(value, __u64);
} action_count_v2 __asm__("action_count_pcpu") SEC(".maps");

SEC("xdp")
int xdp_count_actions(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u32 action = data + sizeof(struct ethhdr) > data_end ? XDP_DROP : XDP_PASS;
	__u64 *old, *cnt;

	old = bpf_map_lookup_elem(&action_count, &action);
	if (old)
		__sync_fetch_and_add(old, 1);
	cnt = bpf_map_lookup_elem(&action_count_v2, &action);
	if (cnt)
		*cnt += 1;
	return action;
}

char LICENSE[] SEC("license") = "GPL";
