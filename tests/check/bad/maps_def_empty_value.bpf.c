// bpfgen-test: socket filter allowlist using a hash as a set with an empty struct as its value (value size 0)
// kernel: refuses "map 'allowed_sources': failed to create: Invalid argument(-22)"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_HLEN	14
#define ETH_P_IP	0x0800

struct present {
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, struct present);
} allowed_sources SEC(".maps"); // expect: error map-def

SEC("socket")
int socket_allowlist(struct __sk_buff *skb)
{
	__u32 saddr;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return 0;
	if (bpf_skb_load_bytes(skb, ETH_HLEN + offsetof(struct iphdr, saddr), &saddr, sizeof(saddr)) < 0)
		return 0;
	if (!bpf_map_lookup_elem(&allowed_sources, &saddr))
		return 0;
	return skb->len;
}

char LICENSE[] SEC("license") = "GPL";
