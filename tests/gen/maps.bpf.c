// SPDX-License-Identifier: GPL-2.0
/*
 * bpfgen gen input: hash, array and per-CPU maps with struct and scalar keys
 * and values, an XDP program and a tc program, in plain libbpf style.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#include "maps_types.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, struct flow_key);
	__type(value, struct flow_stats);
} flows SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} verdicts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, struct proto_slot);
} proto_hits SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 64);
	__type(key, __u16);
	__type(value, __u64);
} ethertypes SEC(".maps");

/* the ethertype the XDP program drops; everything else passes */
const volatile __u16 drop_ethertype = 0x88b5;

SEC("xdp")
int xdp_filter(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	__u32 idx;
	__u64 *cnt;
	__u16 proto;

	if ((void *)(eth + 1) > data_end)
		return XDP_ABORTED;
	proto = bpf_ntohs(eth->h_proto);
	cnt = bpf_map_lookup_elem(&ethertypes, &proto);
	if (cnt)
		*cnt += 1;
	idx = proto == drop_ethertype ? XDP_DROP : XDP_PASS;
	cnt = bpf_map_lookup_elem(&verdicts, &idx);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return idx;
}

SEC("tc")
int tc_count(struct __sk_buff *skb)
{
	__u32 key = skb->protocol & 0xff;
	struct proto_slot *slot = bpf_map_lookup_elem(&proto_hits, &key);

	if (slot)
		slot->hits++;
	return skb->len > 1500 ? TC_ACT_SHOT : TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
