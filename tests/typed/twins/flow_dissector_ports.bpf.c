// bpfgen-test: hand-written libbpf twin of good/flow_dissector_ports.bpf.c
// kernel: run
// kernel-run: flow . flow_ports tcp4 0 ip_proto=6 sport=1234 dport=80 thoff=34
// kernel-run: flow . flow_ports udp4 0 ip_proto=17 sport=5353 dport=53
// kernel-run: flow . flow_ports icmp4 2
// kernel-run: flow . flow_ports arp 129
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct ports {
	__be16 source;
	__be16 dest;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} dissected SEC(".maps");

SEC("flow_dissector")
int flow_ports(struct __sk_buff *skb)
{
	struct bpf_flow_keys *keys = skb->flow_keys;
	void *data = (void *)(long)skb->data, *data_end = (void *)(long)skb->data_end;
	__u32 zero = 0, nhoff, thoff;
	struct iphdr *ip;
	struct ports *p;
	__u64 *n;

	if (keys->n_proto != bpf_htons(ETH_P_IP))
		return BPF_FLOW_DISSECTOR_CONTINUE;
	nhoff = keys->nhoff;
	if (nhoff > 256)
		return BPF_DROP;
	ip = data + nhoff;
	if ((void *)(ip + 1) > data_end)
		return BPF_DROP;
	if (ip->protocol != IPPROTO_TCP && ip->protocol != IPPROTO_UDP)
		return BPF_DROP;
	keys->addr_proto = ETH_P_IP;
	keys->ip_proto = ip->protocol;
	keys->ipv4_src = ip->saddr;
	keys->ipv4_dst = ip->daddr;
	thoff = nhoff + ip->ihl * 4;
	keys->thoff = thoff;
	p = data + thoff;
	if ((void *)(p + 1) > data_end)
		return BPF_DROP;
	keys->sport = p->source;
	keys->dport = p->dest;

	n = bpf_map_lookup_elem(&dissected, &zero);
	if (n)
		__sync_fetch_and_add(n, 1);
	return BPF_OK;
}

char LICENSE[] SEC("license") = "GPL";
