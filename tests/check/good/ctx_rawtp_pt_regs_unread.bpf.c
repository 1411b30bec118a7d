// bpfgen-test: raw_tp sys_enter sampling user stacks, its context declared as the raw tracepoint arguments it is (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
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
} hits SEC(".maps");

SEC("raw_tp/sys_enter")
int rawtp_stacks(struct bpf_raw_tracepoint_args *ctx)
{
	__u64 one = 1, *n;
	__u32 id;
	long r = bpf_get_stackid(ctx, &stacks, BPF_F_USER_STACK);

	if (r < 0)
		return 0;
	id = (__u32)r;
	n = bpf_map_lookup_elem(&hits, &id);
	if (n)
		__sync_fetch_and_add(n, 1);
	else
		(void)bpf_map_update_elem(&hits, &id, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
