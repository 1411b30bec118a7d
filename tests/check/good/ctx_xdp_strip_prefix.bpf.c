// bpfgen-test: XDP program removing an 8-byte prefix a capture card puts before the Ethernet header, with bpf_xdp_adjust_head (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define MAX_PORTS 16

struct hw_prefix {
	__u32 tstamp;
	__u32 port;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, MAX_PORTS);
	__type(key, __u32);
	__type(value, __u64);
} port_pkts SEC(".maps");

SEC("xdp")
int xdp_strip_prefix(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct hw_prefix *pfx = data;
	__u64 *cnt;
	__u32 port;

	if ((void *)(pfx + 1) > data_end)
		return XDP_DROP;
	port = pfx->port;
	if (port >= MAX_PORTS)
		return XDP_DROP;
	cnt = bpf_map_lookup_elem(&port_pkts, &port);
	if (cnt)
		*cnt += 1;

	if (bpf_xdp_adjust_head(ctx, sizeof(*pfx)))
		return XDP_ABORTED;
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
