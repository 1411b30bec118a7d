// bpfgen-test: cgroup_skb egress accounting: a copy-pasted check tests the total's pointer again instead of the per-cgroup lookup result (linux/bpf.h)
// kernel: refuses "invalid mem access 'map_value_or_null'"
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct counters {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct counters);
} totals SEC(".maps");

/* One entry per cgroup id, created by user space for the cgroups it watches. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 1024);
	__type(key, __u64);
	__type(value, struct counters);
} per_cgroup SEC(".maps");

SEC("cgroup_skb/egress")
int cgroup_egress_acct(struct __sk_buff *skb)
{
	__u64 cgid = bpf_skb_cgroup_id(skb);
	struct counters *tot, *cg;
	__u32 zero = 0;

	tot = bpf_map_lookup_elem(&totals, &zero);
	if (!tot)
		return 1;
	tot->packets++;
	tot->bytes += skb->len;

	cg = bpf_map_lookup_elem(&per_cgroup, &cgid);
	if (!tot)
		return 1;
	cg->bytes += skb->len; // expect: error null-deref
	return 1;
}

char _license[] SEC("license") = "GPL";
