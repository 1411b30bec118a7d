// bpfgen-test: XDP per-protocol packet counters: the per-CPU array lookup result is dereferenced with no NULL check (vmlinux.h)
// kernel: refuses "invalid mem access 'map_value_or_null'"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} proto_pkts SEC(".maps");

__u64 lookup_failures = 0;

SEC("xdp")
int xdp_proto_stats(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	struct iphdr *iph;
	__u64 *pkts;
	__u32 key;

	if ((void *)(eth + 1) > data_end)
		return XDP_DROP;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;

	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end)
		return XDP_DROP;

	key = iph->protocol;
	pkts = bpf_map_lookup_elem(&proto_pkts, &key);
	*pkts += 1; // expect: error null-deref
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
