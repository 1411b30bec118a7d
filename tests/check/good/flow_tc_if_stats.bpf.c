// bpfgen-test: tc per-interface byte counters: an __always_inline helper looks the entry up, creates it when missing and returns NULL or the pointer; the caller checks the result (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0
#define EEXIST 17

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 512);
	__type(key, __u32);
	__type(value, __u64);
} if_bytes SEC(".maps");

static __always_inline __u64 *get_if_counter(__u32 ifindex)
{
	__u64 zero = 0;
	__u64 *cnt;
	long err;

	cnt = bpf_map_lookup_elem(&if_bytes, &ifindex);
	if (cnt)
		return cnt;
	err = bpf_map_update_elem(&if_bytes, &ifindex, &zero, BPF_NOEXIST);
	if (err && err != -EEXIST)
		return NULL;
	cnt = bpf_map_lookup_elem(&if_bytes, &ifindex);
	if (!cnt)
		return NULL;
	return cnt;
}

SEC("tc")
int tc_if_stats(struct __sk_buff *skb)
{
	__u64 *cnt;

	cnt = get_if_counter(skb->ifindex);
	if (!cnt)
		return TC_ACT_OK;
	*cnt += skb->len;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
