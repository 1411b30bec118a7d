// bpfgen-test: tc program clearing the five skb->cb[] words in a for loop of constant bounds: clang -O2 unrolls it and the verifier sees constant offsets, but only because clang chose to: a warning (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int tc_cb_clear(struct __sk_buff *skb)
{
	for (int i = 0; i < 5; i++)
		skb->cb[i] = 0;	// expect: warning ctx-var-offset
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
