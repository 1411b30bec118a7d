// bpfgen-test: tracepoint net/netif_receive_skb over struct trace_event_raw_net_dev_template counting received bytes per CPU (vmlinux.h, "tp/" prefix)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct rx_stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct rx_stats);
} rx SEC(".maps");

SEC("tp/net/netif_receive_skb")
int handle_netif_receive(struct trace_event_raw_net_dev_template *ctx)
{
	struct rx_stats *s;
	__u32 zero = 0;

	s = bpf_map_lookup_elem(&rx, &zero);
	if (!s)
		return 0;
	s->packets++;
	s->bytes += ctx->len;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
