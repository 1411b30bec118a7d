// bpfgen-test: sk_skb stream parser + stream verdict dropping stream data on blocked local ports (linux/bpf.h, sockmap)
// kernel: loads
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define AF_INET 2

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 128);
	__type(key, __u32);
	__type(value, __u64);
} sock_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, __u64);	/* bytes dropped */
} blocked_local_ports SEC(".maps");

SEC("sk_skb/stream_parser")
int stream_parser(struct __sk_buff *skb)
{
	return skb->len;
}

SEC("sk_skb/stream_verdict")
int stream_verdict(struct __sk_buff *skb)
{
	__u32 port = skb->local_port;	/* host byte order */
	__u64 *dropped;

	if (skb->family != AF_INET)
		return SK_PASS;

	dropped = bpf_map_lookup_elem(&blocked_local_ports, &port);
	if (!dropped || !*dropped)
		return SK_PASS;

	__sync_fetch_and_add(dropped, skb->len);
	return SK_DROP;
}

char _license[] SEC("license") = "GPL";
