// bpfgen-test: xdp per-protocol packet counter bumps ->packets of an array lookup without a NULL test (linux/bpf.h)
// class: null
// kernel: loads
// stages: check
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpfgen/bpf.h>

struct proto_stats {
	__u64 packets;
	__u64 bytes;
};

BPFGEN_ARRAY(proto_stats, struct proto_stats, 256);

BPFGEN_XDP(xdp_proto_count)
{
	struct ethhdr *eth = bpfgen_ptr_at(ctx, 0, struct ethhdr);
	__u32 slot;

	if (!eth)
		return BPFGEN_XDP_PASS;
	slot = eth->h_proto & 0xff;
	struct proto_stats *s = proto_stats_lookup(&slot);
#ifdef BPFGEN_TEST_BAD
	s->packets++; // BAD
#else
	if (!s)
		return BPFGEN_XDP_PASS;
	s->packets++;
#endif
	s->bytes += bpfgen_xdp_len(ctx);
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
