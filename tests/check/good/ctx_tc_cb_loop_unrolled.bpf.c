// bpfgen-test: tc program clearing the five skb->cb[] words one constant index at a time (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int tc_cb_clear(struct __sk_buff *skb)
{
	skb->cb[0] = 0;
	skb->cb[1] = 0;
	skb->cb[2] = 0;
	skb->cb[3] = 0;
	skb->cb[4] = 0;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
