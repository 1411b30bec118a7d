// bpfgen-test: freplace extension of a tc classifier's global function; the extension receives the target's context, struct __sk_buff * (linux/bpf.h); libbpf loads an extension only with its target set (bpf_program__set_attach_target), which the plain loader does not do
// kernel: refuses "attach program FD is not set"
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("freplace/get_skb_len")
int new_get_skb_len(struct __sk_buff *skb)
{
	return skb->len > 1500 ? 1500 : skb->len;
}

char LICENSE[] SEC("license") = "GPL";
