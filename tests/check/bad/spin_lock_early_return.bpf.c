// bpfgen-test: XDP program that keeps per-source packet and byte counts in a hash map whose value has a bpf_spin_lock, and returns from inside the locked region when the byte count would overflow: the verifier refuses an exit with the lock held (vmlinux.h)
// kernel: refuses "BPF_EXIT instruction in main prog cannot be used inside bpf_spin_lock-ed region"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct src_stats {
	struct bpf_spin_lock lock;
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, struct src_stats);
} stats SEC(".maps");

SEC("xdp")
int xdp_src_stats(struct xdp_md *ctx)
{
	__u32 len = ctx->data_end - ctx->data;
	__u32 key = ctx->rx_queue_index;
	struct src_stats *st;

	st = bpf_map_lookup_elem(&stats, &key);
	if (!st)
		return XDP_PASS;
	bpf_spin_lock(&st->lock);
	st->packets++;
	if (st->bytes + len < st->bytes)
		return XDP_PASS;	// expect: error lock-region
	st->bytes += len;
	bpf_spin_unlock(&st->lock);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
