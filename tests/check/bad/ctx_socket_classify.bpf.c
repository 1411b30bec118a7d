// bpfgen-test: socket filter classifying packets by IP protocol and tail-calling a per-class program, passing the class in skb->mark, which a socket filter may not write (linux/bpf.h)
// kernel: refuses "invalid bpf_context access off=8 size=4"
#include <stddef.h>
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>

enum pkt_class { CLASS_OTHER = 0, CLASS_TCP = 1, CLASS_UDP = 2, NR_CLASSES };

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, NR_CLASSES);
	__type(key, __u32);
	__type(value, __u32);
} class_progs SEC(".maps");

SEC("socket")
int socket_classify(struct __sk_buff *skb)
{
	__u32 class = CLASS_OTHER;
	__u8 proto;

	if (skb->protocol != __constant_htons(ETH_P_IP))
		return skb->len;
	if (bpf_skb_load_bytes(skb, ETH_HLEN + offsetof(struct iphdr, protocol), &proto, 1) < 0)
		return skb->len;

	if (proto == IPPROTO_TCP)
		class = CLASS_TCP;
	else if (proto == IPPROTO_UDP)
		class = CLASS_UDP;

	skb->mark = class; // expect: error ctx-access
	bpf_tail_call(skb, &class_progs, class);
	/* no program for this class: keep the packet */
	return skb->len;
}

char _license[] SEC("license") = "GPL";
