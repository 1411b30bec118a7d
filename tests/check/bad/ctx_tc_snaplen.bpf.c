// bpfgen-test: tc program trimming mirrored packets to a snap length by writing skb->len, which is read-only in tc (the skb->mark write is allowed) (vmlinux.h)
// kernel: refuses "invalid bpf_context access off=0 size=4"
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

	skb->len = SNAPLEN; // expect: error ctx-access
	skb->mark = MARK_TRUNCATED;
	__sync_fetch_and_add(&trimmed, 1);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
