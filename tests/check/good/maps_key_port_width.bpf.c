// bpfgen-test: XDP TCP port blocklist in a hash keyed by __u32, looked up with a __u32 copy of the destination port (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/tcp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} blocked_ports SEC(".maps");

SEC("xdp")
int xdp_port_blocklist(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph;
	struct tcphdr *tcp;
	__u64 *hits;
	__u32 port;

	if ((void *)(eth + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = (struct iphdr *)(eth + 1);
	if ((void *)(iph + 1) > data_end || iph->protocol != IPPROTO_TCP)
		return XDP_PASS;
	if (iph->ihl != 5)
		return XDP_PASS;
	tcp = (struct tcphdr *)(iph + 1);
	if ((void *)(tcp + 1) > data_end)
		return XDP_PASS;

	port = bpf_ntohs(tcp->dest);
	hits = bpf_map_lookup_elem(&blocked_ports, &port);
	if (!hits)
		return XDP_PASS;
	__sync_fetch_and_add(hits, 1);
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
