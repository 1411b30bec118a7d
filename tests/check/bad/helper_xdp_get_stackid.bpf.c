// bpfgen-test: XDP program counting drops by kernel stack with bpf_get_stackid, which XDP programs may not call
// kernel: refuses "program of this type cannot use helper bpf_get_stackid#27"
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_STACK_TRACE);
	__uint(max_entries, 1024);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, 127 * sizeof(__u64));
} stacks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} drops SEC(".maps");

SEC("xdp")
int drop_small(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u64 one = 1, *cnt;
	__u32 id;

	if (data + 60 <= data_end)
		return XDP_PASS;
	id = bpf_get_stackid(ctx, &stacks, 0); // expect: error helper-type
	cnt = bpf_map_lookup_elem(&drops, &id);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&drops, &id, &one, BPF_NOEXIST);
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
