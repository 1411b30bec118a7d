// bpfgen-test: cgroup_skb/egress last-seen map of __u32 seconds updated from a __u64 (8 bytes given, the kernel copies the first 4)
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define NSEC_PER_SEC 1000000000ULL

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, __be32);
	__type(value, __u32);
} last_seen SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} update_errors SEC(".maps");

SEC("cgroup_skb/egress")
int egress_last_seen(struct __sk_buff *skb)
{
	struct iphdr iph;
	__u32 zero = 0;
	__u64 now;
	__u64 *errs;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return 1;
	if (bpf_skb_load_bytes(skb, 0, &iph, sizeof(iph)) < 0)
		return 1;

	now = bpf_ktime_get_ns() / NSEC_PER_SEC;
	if (bpf_map_update_elem(&last_seen, &iph.daddr, &now, BPF_ANY) == 0) // expect: warning map-value
		return 1;

	errs = bpf_map_lookup_elem(&update_errors, &zero);
	if (errs)
		*errs += 1;
	return 1;
}

char _license[] SEC("license") = "GPL";
