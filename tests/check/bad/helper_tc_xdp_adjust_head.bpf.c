// bpfgen-test: tc program stripping an outer VLAN tag with bpf_xdp_adjust_head, a helper only XDP programs may call (helper reached through a static function)
// kernel: refuses "program of this type cannot use helper bpf_xdp_adjust_head#44"
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

static __attribute__((noinline)) int pop_vlan(struct __sk_buff *skb)
{
	return bpf_xdp_adjust_head(skb, 4); // expect: error helper-type
}

SEC("tc")
int strip_vlan(struct __sk_buff *skb)
{
	if (skb->protocol != bpf_htons(ETH_P_8021Q))
		return TC_ACT_OK;
	if (pop_vlan(skb))
		return TC_ACT_SHOT;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
