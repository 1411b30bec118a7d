// bpfgen-test: cgroup_skb program in section "cgroup_skb" without the /ingress or /egress direction
// kernel: refuses "missing BPF prog type, check ELF section name 'cgroup_skb'"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

enum dir { DIR_INGRESS, DIR_EGRESS, DIR_MAX };

struct traffic {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, DIR_MAX);
	__type(key, __u32);
	__type(value, struct traffic);
} traffic_map SEC(".maps");

static __always_inline void account(__u32 dir, __u32 len)
{
	struct traffic *t = bpf_map_lookup_elem(&traffic_map, &dir);

	if (t) {
		t->packets++;
		t->bytes += len;
	}
}

SEC("cgroup_skb") // expect: error section-name
int cgroup_ingress(struct __sk_buff *skb)
{
	account(DIR_INGRESS, skb->len);
	return 1;
}

SEC("cgroup_skb/egress")
int cgroup_egress(struct __sk_buff *skb)
{
	account(DIR_EGRESS, skb->len);
	return 1;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
