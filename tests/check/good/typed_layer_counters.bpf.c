// bpfgen-test: XDP program on the typed layer (bpfgen/bpf.h): the lookup is checked and the reservation submitted
// kernel: loads
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

	if (!count)
		return BPFGEN_XDP_PASS;
	*count += 1;
	e = pkt_events_reserve();
	if (!e)
		return BPFGEN_XDP_PASS;
	e->ifindex = key;
	e->len = 0;
	pkt_events_submit(e);
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
