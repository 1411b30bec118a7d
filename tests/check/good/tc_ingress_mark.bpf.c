// bpfgen-test: tc ingress classifier setting skb->mark from a port map (vmlinux.h, own TC_ACT_* defines)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_UNSPEC	(-1)
#define TC_ACT_OK	0
#define TC_ACT_SHOT	2

#define ETH_P_IP	0x0800
#define IPPROTO_TCP	6

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u16);
	__type(value, __u32);
} port_marks SEC(".maps");

SEC("tc")
int tc_ingress(struct __sk_buff *ctx)
{
	void *data_end = (void *)(__u64)ctx->data_end;
	void *data = (void *)(__u64)ctx->data;
	struct ethhdr *l2 = data;
	struct iphdr *l3;
	struct tcphdr *l4;
	__u16 dport;
	__u32 *mark;

	if (ctx->protocol != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	if ((void *)(l2 + 1) > data_end)
		return TC_ACT_OK;

	l3 = (struct iphdr *)(l2 + 1);
	if ((void *)(l3 + 1) > data_end || l3->protocol != IPPROTO_TCP)
		return TC_ACT_OK;

	l4 = (struct tcphdr *)(l3 + 1);
	if ((void *)(l4 + 1) > data_end)
		return TC_ACT_OK;

	dport = bpf_ntohs(l4->dest);
	mark = bpf_map_lookup_elem(&port_marks, &dport);
	if (mark)
		ctx->mark = *mark;
	return TC_ACT_OK;
}

char __license[] SEC("license") = "GPL";
