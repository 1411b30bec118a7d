// bpfgen-test: socket filter reporting UDP/53 packets through a perf event array (vmlinux.h, license "GPL v2")
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_HLEN	14
#define ETH_P_IP	0x0800
#define IPPROTO_UDP	17

struct dns_event {
	__u32 saddr;
	__u32 daddr;
	__u32 len;
	__u16 sport;
	__u16 dport;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} events SEC(".maps");

SEC("socket")
int dns_snoop(struct __sk_buff *skb)
{
	struct dns_event ev = {};
	struct iphdr iph;
	struct udphdr udph;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return 0;
	if (bpf_skb_load_bytes(skb, ETH_HLEN, &iph, sizeof(iph)) < 0)
		return 0;
	if (iph.protocol != IPPROTO_UDP || iph.ihl != 5)
		return 0;
	if (bpf_skb_load_bytes(skb, ETH_HLEN + sizeof(iph), &udph, sizeof(udph)) < 0)
		return 0;
	if (udph.dest != bpf_htons(53) && udph.source != bpf_htons(53))
		return 0;

	ev.saddr = iph.saddr;
	ev.daddr = iph.daddr;
	ev.sport = bpf_ntohs(udph.source);
	ev.dport = bpf_ntohs(udph.dest);
	ev.len = skb->len;
	bpf_perf_event_output(skb, &events, BPF_F_CURRENT_CPU, &ev, sizeof(ev));
	return 0;
}

char LICENSE[] SEC("license") = "GPL v2";
