// bpfgen-test: cgroup_skb/egress classifier that tags bulk traffic through skb->tc_index, which cgroup_skb programs may not write (on any attach type) (linux/bpf.h)
// kernel: refuses "invalid bpf_context access off=44 size=4"
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define BULK_PRIO 6
#define BULK_BYTES 1000

__u64 tagged = 0;

SEC("cgroup_skb/egress")
int tag_bulk(struct __sk_buff *skb)
{
	if (skb->len < BULK_BYTES)
		return 1;
	skb->tc_index = BULK_PRIO; // expect: error ctx-access
	__sync_fetch_and_add(&tagged, 1);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
