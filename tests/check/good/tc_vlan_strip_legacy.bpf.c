// bpfgen-test: tc classifier popping the VLAN tag, in SEC("tc") as libbpf 1.x names it
// kernel: loads
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

__u64 stripped = 0;

SEC("tc")
int vlan_strip(struct __sk_buff *skb)
{
	if (!skb->vlan_present)
		return TC_ACT_OK;
	if (bpf_skb_vlan_pop(skb))
		return TC_ACT_SHOT;
	__sync_fetch_and_add(&stripped, 1);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
