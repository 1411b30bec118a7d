// bpfgen-test: XDP program still declared over struct __sk_buff after a port from tc: skb->data is outside struct xdp_md
// kernel: refuses "invalid bpf_context access off=80 size=4"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u8);
} min_ttl SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} dropped SEC(".maps");

SEC("xdp")
int xdp_ttl_guard(struct __sk_buff *ctx) // expect: error ctx-type
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	__u32 zero = 0;
	__u8 *limit;
	__u64 *cnt;

	if ((void *)(ip + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;

	limit = bpf_map_lookup_elem(&min_ttl, &zero);
	if (!limit || ip->ttl >= *limit)
		return XDP_PASS;

	cnt = bpf_map_lookup_elem(&dropped, &zero);
	if (cnt)
		(*cnt)++;
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
