// bpfgen-test: cgroup/sysctl program whose deny verdict is an enum constant of -1 (sysctl programs must return 0 or 1)
// kernel: refuses "should have been in [0, 1]"
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

enum sysctl_verdict {
	SYSCTL_DENY = -1,
	SYSCTL_ALLOW = 1,
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} denied_writes SEC(".maps");

static __always_inline int is_ip_forward(struct bpf_sysctl *ctx)
{
	const char want[] = "net/ipv4/ip_forward";
	char name[sizeof(want)];
	int i;

	if (bpf_sysctl_get_name(ctx, name, sizeof(name), 0) != sizeof(want) - 1)
		return 0;
	for (i = 0; i < sizeof(want); i++)
		if (name[i] != want[i])
			return 0;
	return 1;
}

SEC("cgroup/sysctl")
int sysctl_guard(struct bpf_sysctl *ctx)
{
	__u32 zero = 0;
	__u64 *cnt;

	if (!ctx->write || !is_ip_forward(ctx))
		return SYSCTL_ALLOW;

	cnt = bpf_map_lookup_elem(&denied_writes, &zero);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return SYSCTL_DENY; // expect: error return-range
}

char _license[] SEC("license") = "GPL";
