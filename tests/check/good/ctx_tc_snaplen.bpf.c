// bpfgen-test: tc program trimming mirrored packets to a snap length with bpf_skb_change_tail and tagging them through skb->mark, both allowed in tc (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK	0
#define TC_ACT_SHOT	2

#define SNAPLEN		128
#define MARK_TRUNCATED	0x7e

__u64 trimmed = 0;

SEC("tc")
int tc_snaplen(struct __sk_buff *skb)
{
	if (skb->len <= SNAPLEN)
		return TC_ACT_OK;

	if (bpf_skb_change_tail(skb, SNAPLEN, 0))
		return TC_ACT_SHOT;
	skb->mark = MARK_TRUNCATED;
	__sync_fetch_and_add(&trimmed, 1);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
