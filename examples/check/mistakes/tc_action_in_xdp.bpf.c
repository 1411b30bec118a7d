// SPDX-License-Identifier: GPL-2.0
/* Mistake: a tc action returned from XDP. TC_ACT_SHOT is 2, which XDP reads as
 * XDP_PASS: the packet meant to be dropped goes through. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int drop_all(struct xdp_md *ctx)
{
	return TC_ACT_SHOT;
}

SEC("cgroup_skb/ingress")
int ingress(struct __sk_buff *skb)
{
	return skb->len > 1500 ? 0 : 2;
}

char LICENSE[] SEC("license") = "GPL";
