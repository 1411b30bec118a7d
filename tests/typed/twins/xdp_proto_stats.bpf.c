// bpfgen-test: hand-written libbpf twin of good/xdp_proto_stats.bpf.c
// kernel: loads
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
	if (!pkts)
		return XDP_ABORTED;
	*pkts += 1;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
