// bpfgen-test: tc program in a section iproute2 names (libbpf alone cannot type it): a warning, not an error
// kernel: refuses "missing BPF prog type"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK	0

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} pkts SEC(".maps");

SEC("encap_vxlan") // expect: warning section-unknown
int tc_count(struct __sk_buff *skb)
{
	__u32 key = 0;
	__u64 *n = bpf_map_lookup_elem(&pkts, &key);

	if (n)
		__sync_fetch_and_add(n, 1);
	return TC_ACT_OK;
}

char __license[] SEC("license") = "GPL";
