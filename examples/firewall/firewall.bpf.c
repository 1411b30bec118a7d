// SPDX-License-Identifier: GPL-2.0
/*
 * An XDP firewall written with bpfgen's typed layer: drops IPv4 packets whose
 * source address (and, for a port rule, UDP or TCP destination port) is in
 * the 'rules' map, counts them per rule and reports each drop on 'events'.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include <bpfgen/bpf.h>

#include "firewall.h"

#define IP_OFFSET_MASK 0x1fff

/*
 * UDP and TCP headers both begin with the two ports: one bounds check at the
 * variable offset after the IP options reads either. (Two checks, one per
 * protocol, let clang 14 recompute the pointer after its check, which the
 * verifier refuses.)
 */
struct l4_ports {
	__be16 source;
	__be16 dest;
};

/* rule key -> index of the rule on the command line */
BPFGEN_HASH(rules, struct fw_key, __u32, FW_MAX_RULES);
BPFGEN_ARRAY(counters, struct fw_counter, FW_MAX_RULES);
BPFGEN_RINGBUF(events, struct fw_event, 256 * 1024);

/* The rule that drops a packet from saddr to dport, if any: a port rule first. */
static __always_inline __u32 *match(__u32 saddr, __u16 dport)
{
	struct fw_key key = { .saddr = saddr, .dport = dport };
	__u32 *rule;

	if (dport) {
		rule = rules_lookup(&key);
		if (rule)
			return rule;
		key.dport = 0;
	}
	return rules_lookup(&key);
}

BPFGEN_XDP(filter)
{
	struct ethhdr *eth = bpfgen_ptr_at(ctx, 0, struct ethhdr);
	struct fw_counter *counter;
	struct fw_event *event;
	struct iphdr *ip;
	__u32 l4, len;
	__u16 dport = 0;
	__u32 *rule;

	if (!eth || eth->h_proto != bpf_htons(ETH_P_IP))
		return BPFGEN_XDP_PASS;
	ip = bpfgen_ptr_at(ctx, sizeof(*eth), struct iphdr);
	if (!ip || ip->ihl < 5)
		return BPFGEN_XDP_PASS;
	len = bpf_ntohs(ip->tot_len) + sizeof(*eth);

	/* Only the first fragment carries the ports; later ones match address rules. */
	l4 = sizeof(*eth) + ip->ihl * 4;
	if (!(ip->frag_off & bpf_htons(IP_OFFSET_MASK))) {
		if (ip->protocol == IPPROTO_UDP || ip->protocol == IPPROTO_TCP) {
			struct l4_ports *ports = bpfgen_ptr_at(ctx, l4, struct l4_ports);

			if (ports)
				dport = ports->dest;
		}
	}

	rule = match(ip->saddr, dport);
	if (!rule)
		return BPFGEN_XDP_PASS;

	counter = counters_lookup(rule);
	if (counter) {
		__sync_fetch_and_add(&counter->packets, 1);
		__sync_fetch_and_add(&counter->bytes, len);
	}
	event = events_reserve();
	if (event) {
		event->ts_ns = bpf_ktime_get_ns();
		event->saddr = ip->saddr;
		event->rule = *rule;
		event->len = len;
		event->dport = dport;
		event->protocol = ip->protocol;
		event->pad = 0;
		events_submit(event);
	}
	return BPFGEN_XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
