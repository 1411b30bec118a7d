// bpfgen-test: one IPv4 source blocklist enforced by an XDP and a tc program in the same file (linux/bpf.h + pkt_cls.h)
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} blocklist SEC(".maps");

static __always_inline int is_blocked(void *data, void *data_end)
{
	struct ethhdr *eth = data;
	struct iphdr *iph = data + sizeof(struct ethhdr);
	__u64 *hits;
	__u32 saddr;

	if ((void *)(iph + 1) > data_end)
		return 0;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return 0;

	saddr = iph->saddr;
	hits = bpf_map_lookup_elem(&blocklist, &saddr);
	if (!hits)
		return 0;
	__sync_fetch_and_add(hits, 1);
	return 1;
}

SEC("xdp")
int xdp_blocklist(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;

	if (is_blocked(data, data_end))
		return XDP_DROP;
	return XDP_PASS;
}

SEC("tc")
int tc_blocklist(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;

	if (is_blocked(data, data_end))
		return TC_ACT_SHOT;
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
