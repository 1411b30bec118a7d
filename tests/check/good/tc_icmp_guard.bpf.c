// bpfgen-test: tc ingress dropping ICMP from sources outside an allow map, counting in a ring buffer (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TC_ACT_OK	0
#define TC_ACT_SHOT	2
#define ETH_P_IP	0x0800
#define IPPROTO_ICMP	1

struct drop_event {
	__u32 saddr;
	__u32 ifindex;
	__u64 ts;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 512);
	__type(key, __u32);
	__type(value, __u8);
} icmp_allowed SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} drops SEC(".maps");

SEC("tc")
int icmp_guard(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct iphdr *iph = data + sizeof(struct ethhdr);
	struct drop_event *e;
	__u32 saddr;

	if (skb->protocol != bpf_htons(ETH_P_IP) || (void *)(iph + 1) > data_end)
		return TC_ACT_OK;
	if (iph->protocol != IPPROTO_ICMP)
		return TC_ACT_OK;

	saddr = iph->saddr;
	if (bpf_map_lookup_elem(&icmp_allowed, &saddr))
		return TC_ACT_OK;

	e = bpf_ringbuf_reserve(&drops, sizeof(*e), 0);
	if (e) {
		e->saddr = saddr;
		e->ifindex = skb->ifindex;
		e->ts = bpf_ktime_get_ns();
		bpf_ringbuf_submit(e, 0);
	}
	return TC_ACT_SHOT;
}

char LICENSE[] SEC("license") = "GPL";
