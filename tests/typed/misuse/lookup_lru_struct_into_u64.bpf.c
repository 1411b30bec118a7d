// bpfgen-test: xdp connection table in an LRU hash: the struct value copied into a __u64 (vmlinux.h)
// class: lookup-type
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_endian.h>
#include <bpfgen/bpf.h>

struct conn_state {
	__u64 last_seen_ns;
	__u32 packets;
	__u32 flags;
};

BPFGEN_LRU_HASH(conns, __u32, struct conn_state, 65536);

static __always_inline __u32 src_of(bpfgen_xdp_ctx ctx)
{
	struct iphdr *ip = bpfgen_ptr_at(ctx, sizeof(struct ethhdr), struct iphdr);

	return ip ? ip->saddr : 0;
}

BPFGEN_XDP(xdp_conn_age)
{
	__u32 src = src_of(ctx);
	struct conn_state *st;

	if (!src)
		return BPFGEN_XDP_PASS;
	st = conns_lookup(&src);
	if (!st)
		return BPFGEN_XDP_PASS;
#ifdef BPFGEN_TEST_BAD
	__u64 last = *st; // BAD
#else
	__u64 last = st->last_seen_ns;
#endif
	if (bpf_ktime_get_ns() - last < 1000000)
		return BPFGEN_XDP_DROP;
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
