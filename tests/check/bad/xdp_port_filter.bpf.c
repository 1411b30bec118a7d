// bpfgen-test: XDP program in a misspelled section "xpd" (libbpf cannot guess the program type)
// kernel: refuses "missing BPF prog type, check ELF section name 'xpd'"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define IPPROTO_UDP 17

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u16);
	__type(value, __u64);
} blocked_ports SEC(".maps");

static __always_inline struct udphdr *parse_udp(void *data, void *data_end)
{
	struct ethhdr *eth = data;
	struct iphdr *iph;

	if ((void *)(eth + 1) > data_end)
		return NULL;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return NULL;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end)
		return NULL;
	if (iph->protocol != IPPROTO_UDP || iph->ihl != 5)
		return NULL;
	if ((void *)(iph + 1) + sizeof(struct udphdr) > data_end)
		return NULL;
	return (void *)(iph + 1);
}

SEC("xpd") // expect: error section-name
int xdp_port_filter(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct udphdr *udp;
	__u16 port;
	__u64 *hits;

	udp = parse_udp(data, data_end);
	if (!udp)
		return XDP_PASS;

	port = bpf_ntohs(udp->dest);
	hits = bpf_map_lookup_elem(&blocked_ports, &port);
	if (!hits)
		return XDP_PASS;

	__sync_fetch_and_add(hits, 1);
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
