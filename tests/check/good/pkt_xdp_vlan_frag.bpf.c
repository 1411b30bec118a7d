// bpfgen-test: XDP dropping IPv4 fragments on untagged and 802.1Q-tagged frames; the IPv4 header is bounds-checked after the VLAN branches join (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define IP_MF		0x2000
#define IP_OFFSET	0x1fff

struct vlan_hdr {
	__be16 h_vlan_TCI;
	__be16 h_vlan_encapsulated_proto;
};

SEC("xdp")
int xdp_drop_frags(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	__u64 nh_off = sizeof(*eth);
	struct vlan_hdr *vh;
	struct iphdr *iph;
	__u16 proto;

	if (data + nh_off > data_end)
		return XDP_DROP;
	proto = eth->h_proto;

	if (proto == bpf_htons(ETH_P_8021Q)) {
		vh = data + nh_off;
		nh_off += sizeof(*vh);
		if (data + nh_off + sizeof(*iph) > data_end)
			return XDP_DROP;
		proto = vh->h_vlan_encapsulated_proto;
	}
	if (proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;

	iph = data + nh_off;
	if ((void *)(iph + 1) > data_end)
		return XDP_DROP;
	if (iph->frag_off & bpf_htons(IP_MF | IP_OFFSET))
		return XDP_DROP;
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
