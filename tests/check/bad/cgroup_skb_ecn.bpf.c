// bpfgen-test: cgroup_skb/ingress program returning 2 (congestion notification is egress-only; ingress allows [0, 1])
// kernel: refuses "should have been in [0, 1]"
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define NS_PER_SEC 1000000000ULL

struct bucket {
	__u64 window_start;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct bucket);
} bucket_map SEC(".maps");

const volatile __u64 bytes_per_sec = 10 * 1024 * 1024;

static __always_inline int over_limit(__u32 len)
{
	__u64 now = bpf_ktime_get_ns();
	struct bucket *b;
	__u32 zero = 0;

	b = bpf_map_lookup_elem(&bucket_map, &zero);
	if (!b)
		return 0;
	if (now - b->window_start > NS_PER_SEC) {
		b->window_start = now;
		b->bytes = 0;
	}
	b->bytes += len;
	return b->bytes > bytes_per_sec;
}

SEC("cgroup_skb/egress")
int limit_egress(struct __sk_buff *skb)
{
	if (over_limit(skb->len))
		return 2;	/* drop, and tell TCP to back off */
	return 1;
}

SEC("cgroup_skb/ingress")
int limit_ingress(struct __sk_buff *skb)
{
	if (over_limit(skb->len))
		return 2;	/* drop, and tell TCP to back off */ // expect: error return-range
	return 1;
}

char _license[] SEC("license") = "GPL";
