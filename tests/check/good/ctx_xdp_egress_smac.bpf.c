// bpfgen-test: devmap egress program rewriting the source MAC per egress interface; ctx->egress_ifindex is readable in SEC("xdp/devmap") (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define ETH_ALEN 6

struct egress_mac {
	__u8 addr[ETH_ALEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, struct egress_mac);
} egress_macs SEC(".maps");

SEC("xdp/devmap")
int xdp_egress_smac(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	struct egress_mac *mac;
	__u32 ifindex;

	if ((void *)(eth + 1) > data_end)
		return XDP_DROP;

	ifindex = ctx->egress_ifindex;
	mac = bpf_map_lookup_elem(&egress_macs, &ifindex);
	if (!mac)
		return XDP_PASS;
	__builtin_memcpy(eth->h_source, mac->addr, ETH_ALEN);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
