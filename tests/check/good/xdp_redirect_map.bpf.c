// bpfgen-test: XDP forwarder redirecting through a devmap, logging with bpf_printk under a GPL license (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u32);
} tx_port SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u32);
} egress_for SEC(".maps");

const volatile bool debug = false;

SEC("xdp")
int xdp_redirect_map_prog(struct xdp_md *ctx)
{
	__u32 ingress = ctx->ingress_ifindex;
	__u32 *egress;

	egress = bpf_map_lookup_elem(&egress_for, &ingress);
	if (!egress)
		return XDP_PASS;

	if (debug)
		bpf_printk("redirect %u -> %u", ingress, *egress);
	return bpf_redirect_map(&tx_port, *egress, XDP_ABORTED);
}

SEC("xdp/devmap")
int xdp_devmap_egress(struct xdp_md *ctx)
{
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
