// bpfgen-test: tc program that disables preemption around two updates of a shared array of counters and returns early, still in that region, when the packet is too short: the verifier refuses a program that exits with preemption disabled (vmlinux.h)
// kernel: refuses "BPF_EXIT instruction in main prog cannot be used inside bpf_preempt_disable-ed region"
// kernel 6.1: refuses "'bpf_preempt_disable': not found in kernel or module BTFs"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern void bpf_preempt_disable(void) __ksym;
extern void bpf_preempt_enable(void) __ksym;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} sizes SEC(".maps");

SEC("tc")
int count_sizes(struct __sk_buff *skb)
{
	__u32 small = 0, big = 1;
	__u64 *n;

	bpf_preempt_disable();
	if (skb->len < 64)
		return 0;	/* TC_ACT_OK */	// expect: error lock-region
	n = bpf_map_lookup_elem(&sizes, skb->len < 1024 ? &small : &big);
	if (n)
		*n += 1;
	bpf_preempt_enable();
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
