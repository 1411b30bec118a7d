// bpfgen-test: hand-written libbpf twin of good/freplace_xdp.bpf.c
// kernel: run
// kernel-run: freplace freplace_target.bpf.c xdp_target xdp_policy . drop_policy 2 1
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} replaced SEC(".maps");

SEC("freplace/xdp_policy")
int drop_policy(struct xdp_md *ctx)
{
	__u32 zero = 0;
	__u64 *n = bpf_map_lookup_elem(&replaced, &zero);

	if (n)
		__sync_fetch_and_add(n, 1);
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
