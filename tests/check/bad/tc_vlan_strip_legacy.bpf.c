// bpfgen-test: tc classifier in a section named for iproute2 (`tc filter add dev eth0 ingress bpf da obj x.o sec tc_vlan_strip`), a name libbpf 1.x does not know: iproute2 sets the type itself, so only a warning
// kernel: refuses "missing BPF prog type"
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

__u64 stripped = 0;

SEC("tc_vlan_strip") // expect: warning section-legacy
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
