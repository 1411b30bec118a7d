// bpfgen-test: sockops program declared over struct __sk_buff: family/remote_ip4/... land on state, rtt_min, ... of struct bpf_sock_ops
// kernel: loads
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define AF_INET 2

struct flow_key {
	__u32 saddr;
	__u32 daddr;
	__u32 sport;
	__u32 dport;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, struct flow_key);
	__type(value, __u64);
} flow_callbacks SEC(".maps");

SEC("sockops")
int count_flow_callbacks(struct __sk_buff *skops) // expect: error ctx-type
{
	struct flow_key key = {};
	__u64 one = 1, *cnt;

	if (skops->family != AF_INET)
		return 1;

	key.saddr = skops->local_ip4;
	key.daddr = skops->remote_ip4;
	key.sport = skops->local_port;
	key.dport = bpf_ntohl(skops->remote_port);

	cnt = bpf_map_lookup_elem(&flow_callbacks, &key);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&flow_callbacks, &key, &one, BPF_NOEXIST);
	return 1;
}

char _license[] SEC("license") = "GPL";
