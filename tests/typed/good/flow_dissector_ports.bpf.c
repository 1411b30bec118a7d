// bpfgen-test: flow dissector: IPv4 TCP/UDP flow keys, other IP protocols dropped (linux/bpf.h style)
// kernel: run
// kernel-run: flow . flow_ports tcp4 0 ip_proto=6 sport=1234 dport=80 thoff=34
// kernel-run: flow . flow_ports udp4 0 ip_proto=17 sport=5353 dport=53
// kernel-run: flow . flow_ports icmp4 2
// kernel-run: flow . flow_ports arp 129
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <bpf/bpf_endian.h>
#include <bpfgen/bpf.h>

/* the first 4 bytes of TCP and UDP headers: the ports */
struct ports {
	__be16 source;
	__be16 dest;
};

BPFGEN_ARRAY(dissected, __u64, 1);

BPFGEN_FLOW_DISSECTOR(flow_ports)
{
	struct bpf_flow_keys *keys = bpfgen_flow_dissector_keys(ctx);
	__u32 zero = 0, nhoff, thoff;
	struct iphdr *ip;
	struct ports *p;
	__u64 *n;

	/* anything but IPv4: the kernel's own dissector does it */
	if (keys->n_proto != bpf_htons(ETH_P_IP))
		return BPFGEN_FLOW_CONTINUE;
	/*
	 * direct packet access: bpf_skb_load_bytes() has no skb to read in a
	 * test run, whose context is the packet alone; the verifier takes a
	 * variable offset into the packet only when it is bounded
	 */
	nhoff = keys->nhoff;
	if (nhoff > 256)
		return BPFGEN_FLOW_DROP;
	ip = bpfgen_ptr_at(ctx, nhoff, struct iphdr);
	if (!ip)
		return BPFGEN_FLOW_DROP;
	if (ip->protocol != IPPROTO_TCP && ip->protocol != IPPROTO_UDP)
		return BPFGEN_FLOW_DROP;
	keys->addr_proto = ETH_P_IP;
	keys->ip_proto = ip->protocol;
	keys->ipv4_src = ip->saddr;
	keys->ipv4_dst = ip->daddr;
	thoff = nhoff + ip->ihl * 4;
	keys->thoff = thoff;
	p = bpfgen_ptr_at(ctx, thoff, struct ports);
	if (!p)
		return BPFGEN_FLOW_DROP;
	keys->sport = p->source;
	keys->dport = p->dest;

	n = dissected_lookup(&zero);
	if (n)
		__sync_fetch_and_add(n, 1);
	return BPFGEN_FLOW_OK;
}

char LICENSE[] SEC("license") = "GPL";
