// bpfgen-test: a per-interface policy struct copied out of the lookup result (struct copy) after the NULL test (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct policy {
	__u32 allow;
	__u32 max_len;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, struct policy);
} egress_policy SEC(".maps");

SEC("cgroup_skb/egress")
int egress_len_cap(struct __sk_buff *skb)
{
	__u32 ifindex = skb->ifindex;
	struct policy *p = bpf_map_lookup_elem(&egress_policy, &ifindex);
	struct policy cur;

	if (!p)
		return 1;
	cur = *p;
	if (!cur.allow)
		return 0;
	return skb->len <= cur.max_len;
}

char LICENSE[] SEC("license") = "GPL";
