// bpfgen-test: tracepoint net/netif_receive_skb declared over struct __sk_buff: skb->len is offset 0, inside the common header a tracepoint may not read
// kernel: refuses "invalid bpf_context access off=0 size=4"
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
int handle_netif_receive(struct __sk_buff *ctx) // expect: error ctx-type
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
