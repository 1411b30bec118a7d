// bpfgen-test: XDP program on the typed layer (bpfgen/bpf.h): the checker sees through the typed accessors, a lookup used unchecked and a reservation never submitted
// kernel: refuses "invalid mem access 'map_value_or_null'"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpfgen/bpf.h>

struct pkt_event {
	__u32 ifindex;
	__u32 len;
};

BPFGEN_HASH(pkt_count, __u32, __u64, 64);
BPFGEN_RINGBUF(pkt_events, struct pkt_event, 64 * 4096);

BPFGEN_XDP(count_packets)
{
	__u32 key = bpfgen_xdp_ingress_ifindex(ctx);
	__u64 *count = pkt_count_lookup(&key);
	struct pkt_event *e;

	*count += 1; // expect: error null-deref
	e = pkt_events_reserve(); // expect: error ringbuf-leak
	if (!e)
		return BPFGEN_XDP_PASS;
	e->ifindex = key;
	e->len = 0;
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
