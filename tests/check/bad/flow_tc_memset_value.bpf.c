// bpfgen-test: a flow record reset with __builtin_memset on the lookup result before the NULL test (linux/bpf.h)
// kernel: refuses "invalid mem access 'map_value_or_null'"
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct flow_rec {
	__u64 first_ns;
	__u64 last_ns;
	__u32 packets;
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, struct flow_rec);
} flows SEC(".maps");

static __always_inline void reset_flow(__u32 hash)
{
	struct flow_rec *r = bpf_map_lookup_elem(&flows, &hash);

	__builtin_memset(r, 0, sizeof(*r));	// expect: error null-deref
	r->first_ns = bpf_ktime_get_ns();
}

SEC("tc")
int tc_flow_reset(struct __sk_buff *skb)
{
	if (skb->len < 64)
		reset_flow(skb->hash);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
