// bpfgen-test: XDP forwarder calling bpf_redirect_map on a port table declared as a HASH instead of a DEVMAP
// kernel: refuses "cannot pass map_type 1 into func bpf_redirect_map#51"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 32);
	__type(key, __u32);
	__type(value, __u32);
} tx_ports SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u32);
} route_port SEC(".maps");

SEC("xdp")
int xdp_route_redirect(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (struct iphdr *)(eth + 1);
	__u32 daddr, *port;

	if ((void *)(iph + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	if (iph->ttl <= 1)
		return XDP_PASS;

	daddr = iph->daddr;
	port = bpf_map_lookup_elem(&route_port, &daddr);
	if (!port)
		return XDP_PASS;
	return bpf_redirect_map(&tx_ports, *port, XDP_PASS); // expect: error map-kind
}

char LICENSE[] SEC("license") = "GPL";
