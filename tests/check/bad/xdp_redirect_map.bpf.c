// bpfgen-test: XDP returning -1 (not an XDP action) and bpf_printk under "GPL-2.0"; the printk sits behind a const volatile flag the verifier prunes, so it loads until debug is enabled
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
		return -1; // expect: error return-action

	if (debug)
		bpf_printk("redirect %u -> %u", ingress, *egress);  // expect: error license-gpl
	return bpf_redirect_map(&tx_port, *egress, XDP_ABORTED);
}

SEC("xdp/devmap")
int xdp_devmap_egress(struct xdp_md *ctx)
{
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL-2.0";
