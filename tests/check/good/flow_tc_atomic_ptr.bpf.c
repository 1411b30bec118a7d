// bpfgen-test: a per-mark drop counter incremented with __atomic_fetch_add through the checked lookup pointer (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} mark_hits SEC(".maps");

SEC("tc")
int tc_mark_hits(struct __sk_buff *skb)
{
	__u32 slot = skb->mark & 63;
	__u64 *hits;

	hits = bpf_map_lookup_elem(&mark_hits, &slot);
	if (hits)
		__atomic_fetch_add(hits, 1, __ATOMIC_RELAXED);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
