// bpfgen-test: tc ingress counting IPv4 bytes per ingress interface, testing the address family through skb->family, which tc programs may not read (linux/bpf.h)
// kernel: refuses "invalid bpf_context access off=88 size=4"
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define AF_INET 2

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} ipv4_bytes SEC(".maps");

SEC("tc")
int tc_ipv4_bytes(struct __sk_buff *skb)
{
	__u32 ifindex = skb->ingress_ifindex;
	__u64 *bytes, len = skb->len;

	if (skb->family != AF_INET) // expect: error ctx-access
		return TC_ACT_OK;

	bytes = bpf_map_lookup_elem(&ipv4_bytes, &ifindex);
	if (bytes)
		*bytes += len;
	else
		(void)bpf_map_update_elem(&ipv4_bytes, &ifindex, &len, BPF_NOEXIST);
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
