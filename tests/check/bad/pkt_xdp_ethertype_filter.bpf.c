// bpfgen-test: XDP filter dropping frames whose EtherType is on a deny list: the bounds check is one byte short (sizeof(*eth) - 1) for the EtherType read (vmlinux.h)
// kernel: refuses "offset is outside of the packet"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u16);
	__type(value, __u64);
} denied_ethertypes SEC(".maps");

SEC("xdp")
int xdp_ethertype_filter(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	__u64 *drops;
	__u16 proto;

	if (data + sizeof(*eth) - 1 > data_end)
		return XDP_DROP;

	proto = bpf_ntohs(eth->h_proto); // expect: error pkt-bounds
	drops = bpf_map_lookup_elem(&denied_ethertypes, &proto);
	if (!drops)
		return XDP_PASS;
	__sync_fetch_and_add(drops, 1);
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
