// bpfgen-test: XDP source blocklist probed from /32 down to /8 in a bounded loop, one hash lookup per prefix, each result checked with continue (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800

enum verdict { V_ALLOW = 0, V_BLOCK = 1 };

struct prefix_key {
	__u32 plen;
	__u32 addr;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct prefix_key);
	__type(value, __u32);
} src_blocklist SEC(".maps");

SEC("xdp")
int xdp_prefix_block(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	struct prefix_key key;
	struct iphdr *iph;
	__u32 *verdict;
	__u32 saddr;
	int plen;

	if (data + sizeof(*eth) > data_end)
		return XDP_DROP;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = data + sizeof(*eth);
	if ((void *)(iph + 1) > data_end)
		return XDP_DROP;
	saddr = bpf_ntohl(iph->saddr);

	for (plen = 32; plen >= 8; plen -= 8) {
		key.plen = plen;
		key.addr = bpf_htonl(saddr & (0xffffffffULL << (32 - plen)));
		verdict = bpf_map_lookup_elem(&src_blocklist, &key);
		if (!verdict)
			continue;
		if (*verdict == V_BLOCK)
			return XDP_DROP;
		break;
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
