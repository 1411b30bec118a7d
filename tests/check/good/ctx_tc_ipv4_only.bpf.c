// bpfgen-test: tc ingress counting IPv4 bytes per ingress interface, testing the address family through skb->protocol (skb->family is not readable in tc) (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

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

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;

	bytes = bpf_map_lookup_elem(&ipv4_bytes, &ifindex);
	if (bytes)
		*bytes += len;
	else
		(void)bpf_map_update_elem(&ipv4_bytes, &ifindex, &len, BPF_NOEXIST);
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
