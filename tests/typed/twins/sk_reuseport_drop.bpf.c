// bpfgen-test: hand-written libbpf twin of good/sk_reuseport_drop.bpf.c
// kernel: run
// kernel-run: reuseport . reuseport_filter
#include <linux/bpf.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} runs SEC(".maps");

SEC("sk_reuseport")
int reuseport_filter(struct sk_reuseport_md *md)
{
	__u32 zero = 0;
	__u64 *n = bpf_map_lookup_elem(&runs, &zero);
	__u8 first;

	if (n)
		__sync_fetch_and_add(n, 1);
	if (md->ip_protocol != 17 /* IPPROTO_UDP */)
		return SK_PASS;
	if (bpf_skb_load_bytes(md, sizeof(struct udphdr), &first, sizeof(first)))
		return SK_PASS;
	return first == 'd' ? SK_DROP : SK_PASS;
}

char LICENSE[] SEC("license") = "GPL";
