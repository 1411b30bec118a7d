// bpfgen-test: XDP forwarder choosing an egress port per IPv4 destination and redirecting through a DEVMAP (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP);
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
	return bpf_redirect_map(&tx_ports, *port, XDP_PASS);
}

char LICENSE[] SEC("license") = "GPL";
