// bpfgen-test: tc ingress: per-source IPv4 packet counts in a hash, marks known sources (linux/bpf.h style)
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_endian.h>
#include <bpfgen/bpf.h>

struct src_stats {
	__u64 packets;
	__u64 bytes;
};

BPFGEN_HASH(src_stats, __u32, struct src_stats, 4096);

BPFGEN_TC(tc_flow_mark)
{
	struct ethhdr *eth = bpfgen_ptr_at(ctx, 0, struct ethhdr);
	struct iphdr *iph;
	struct src_stats *st, init = {};
	__u32 saddr;

	if (!eth || eth->h_proto != bpf_htons(ETH_P_IP))
		return BPFGEN_TC_OK;
	iph = bpfgen_ptr_at(ctx, sizeof(*eth), struct iphdr);
	if (!iph)
		return BPFGEN_TC_SHOT;

	saddr = iph->saddr;
	st = src_stats_lookup(&saddr);
	if (!st) {
		init.packets = 1;
		init.bytes = bpfgen_tc_len(ctx);
		if (src_stats_update(&saddr, &init, BPF_NOEXIST))
			return BPFGEN_TC_OK;
		return BPFGEN_TC_OK;
	}
	__sync_fetch_and_add(&st->packets, 1);
	__sync_fetch_and_add(&st->bytes, bpfgen_tc_len(ctx));
	bpfgen_tc_set_mark(ctx, bpfgen_tc_mark(ctx) | 0x1);
	return BPFGEN_TC_OK;
}

char LICENSE[] SEC("license") = "GPL";
