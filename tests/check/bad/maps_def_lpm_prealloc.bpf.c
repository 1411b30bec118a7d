// bpfgen-test: XDP IPv4 prefix blocklist in an LPM trie declared without BPF_F_NO_PREALLOC (the kernel requires the flag)
// kernel: refuses "map 'deny_prefixes': failed to create: Invalid argument(-22)"
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct ipv4_lpm_key {
	__u32 prefixlen;
	__u32 addr;
};

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 10000);
	__type(key, struct ipv4_lpm_key);
	__type(value, __u64);
} deny_prefixes SEC(".maps"); // expect: error map-def

SEC("xdp")
int xdp_prefix_filter(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = data + sizeof(*eth);
	struct ipv4_lpm_key key;
	__u64 *drops;

	if ((void *)(iph + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;

	key.prefixlen = 32;
	key.addr = iph->saddr;
	drops = bpf_map_lookup_elem(&deny_prefixes, &key);
	if (!drops)
		return XDP_PASS;
	__sync_fetch_and_add(drops, 1);
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
