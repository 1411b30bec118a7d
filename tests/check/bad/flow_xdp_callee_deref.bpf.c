// bpfgen-test: the lookup result handed unchecked to a helper function of the file that writes through its parameter (linux/bpf.h)
// kernel: refuses "invalid mem access 'map_value_or_null'"
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct rate {
	__u64 tokens;
	__u64 last_ns;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, struct rate);
} rates SEC(".maps");

static __noinline int take_token(struct rate *r)
{
	if (r->tokens == 0)
		return 0;
	r->tokens--;
	return 1;
}

SEC("xdp")
int xdp_rate_limit(struct xdp_md *ctx)
{
	__u32 key = ctx->ingress_ifindex;
	struct rate *r = bpf_map_lookup_elem(&rates, &key);

	return take_token(r) ? XDP_PASS : XDP_DROP;	// expect: error null-deref
}

char LICENSE[] SEC("license") = "GPL";
