// bpfgen-test: tc accounting of watched IPv4 flows: the lookup result is NULL-checked only on the TCP branch, then dereferenced on every path (linux/bpf.h)
// kernel: refuses "invalid mem access 'map_value_or_null'"
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct flow_key {
	__u32 saddr;
	__u32 daddr;
	__u8 proto;
	__u8 pad[3];
};

struct flow_val {
	__u64 bytes;
	__u64 tcp_packets;
};

/* Filled by user space with the flows to watch. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 8192);
	__type(key, struct flow_key);
	__type(value, struct flow_val);
} watched_flows SEC(".maps");

SEC("tc")
int tc_flow_bytes(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	struct ethhdr *eth = data;
	struct flow_key key = {};
	struct flow_val *val;
	struct iphdr *iph;

	if ((void *)(eth + 1) > data_end)
		goto out;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		goto out;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end)
		goto out;

	key.saddr = iph->saddr;
	key.daddr = iph->daddr;
	key.proto = iph->protocol;

	val = bpf_map_lookup_elem(&watched_flows, &key);
	if (key.proto == IPPROTO_TCP) {
		if (val == NULL)
			goto out;
		val->tcp_packets++;
	}
	val->bytes += skb->len; // expect: error null-deref
out:
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
