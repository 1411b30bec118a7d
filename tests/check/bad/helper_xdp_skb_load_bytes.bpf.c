// bpfgen-test: XDP program copying the Ethernet header with bpf_skb_load_bytes, a helper only skb programs may call
// kernel: refuses "program of this type cannot use helper bpf_skb_load_bytes#26"
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} vlan_frames SEC(".maps");

SEC("xdp")
int count_vlan(struct xdp_md *ctx)
{
	struct ethhdr eth;
	__u32 key = 0;
	__u64 *cnt;

	if (bpf_skb_load_bytes(ctx, 0, &eth, sizeof(eth)) < 0) // expect: error helper-type
		return XDP_PASS;
	if (eth.h_proto != bpf_htons(ETH_P_8021Q))
		return XDP_PASS;
	cnt = bpf_map_lookup_elem(&vlan_frames, &key);
	if (cnt)
		*cnt += 1;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
