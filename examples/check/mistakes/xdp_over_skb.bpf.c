// SPDX-License-Identifier: GPL-2.0
/* Mistake: an XDP program declared over struct __sk_buff. It compiles and loads;
 * skb->protocol silently reads xdp_md.rx_queue_index. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("xdp")
int drop_arp(struct __sk_buff *skb)
{
	if (skb->protocol == bpf_htons(0x0806))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
