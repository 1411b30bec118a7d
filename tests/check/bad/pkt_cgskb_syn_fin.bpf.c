// bpfgen-test: cgroup_skb ingress dropping TCP segments with both SYN and FIN set: the bounds check covers the IPv4 header only, the TCP flags are read beyond it (vmlinux.h)
// kernel: refuses "offset is outside of the packet"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP	0x0800
#define IPPROTO_TCP	6

__u64 bogus_syn_fin = 0;

SEC("cgroup_skb/ingress")
int cgskb_drop_syn_fin(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	struct iphdr *iph = data;
	struct tcphdr *tcp = data + sizeof(*iph);

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return 1;
	if (data + sizeof(*iph) > data_end)
		return 1;
	if (iph->protocol != IPPROTO_TCP || iph->ihl != 5)
		return 1;

	if (tcp->syn && tcp->fin) { // expect: error pkt-bounds
		__sync_fetch_and_add(&bogus_syn_fin, 1);
		return 0;
	}
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
