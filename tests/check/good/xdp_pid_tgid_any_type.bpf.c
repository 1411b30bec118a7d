// bpfgen-test: xdp program sampling by bpf_get_current_pid_tgid(), a helper every program type may call since Linux 6.10 (6.1 keeps it to tracing and cgroup types)
// kernel: loads
// kernel 6.1: refuses "unknown func bpf_get_current_pid_tgid"
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} sampled SEC(".maps");

SEC("xdp")
int sample_softirq_owner(struct xdp_md *ctx)
{
	__u32 k = 0;
	__u64 *n;

	/* the task the softirq interrupted: a cheap, if rough, sampling key */
	if (bpf_get_current_pid_tgid() & 1)
		return XDP_PASS;
	n = bpf_map_lookup_elem(&sampled, &k);
	if (n)
		__sync_fetch_and_add(n, 1);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
