// bpfgen-test: tc program returning -EFAULT on a parse error (-14 is not a TC_ACT_* verdict)
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <linux/errno.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct vlan_hdr {
	__be16 h_vlan_TCI;
	__be16 h_vlan_encapsulated_proto;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u8);
} vlan_allowed SEC(".maps");

static __always_inline int read_vid(struct __sk_buff *skb, __u32 *vid)
{
	struct vlan_hdr vh;

	if (skb->vlan_present) {
		*vid = skb->vlan_tci & 0x0fff;
		return 0;
	}
	if (skb->protocol != bpf_htons(ETH_P_8021Q))
		return -ENOENT;
	if (bpf_skb_load_bytes(skb, ETH_HLEN, &vh, sizeof(vh)) < 0)
		return -EFAULT;
	*vid = bpf_ntohs(vh.h_vlan_TCI) & 0x0fff;
	return 0;
}

SEC("tc")
int vlan_filter(struct __sk_buff *skb)
{
	__u8 *allowed;
	__u32 vid = 0;
	int err;

	err = read_vid(skb, &vid);
	if (err == -ENOENT)
		return TC_ACT_OK;	/* untagged */
	if (err)
		return -EFAULT; // expect: warning return-action

	allowed = bpf_map_lookup_elem(&vlan_allowed, &vid);
	if (!allowed || !*allowed)
		return TC_ACT_SHOT;
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
