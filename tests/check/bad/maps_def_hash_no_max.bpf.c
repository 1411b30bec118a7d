// bpfgen-test: cgroup_skb/ingress per-peer accounting in a hash declared without max_entries
// kernel: refuses "map 'ingress_peers': failed to create: Invalid argument(-22)"
// bpfgen-flags: -Wmap-max-entries
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define AF_INET 2

struct peer_stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, struct peer_stats);
} ingress_peers SEC(".maps"); // expect: warning map-max-entries

SEC("cgroup_skb/ingress")
int account_ingress(struct __sk_buff *skb)
{
	struct peer_stats *st, init = {};
	__u32 peer;

	if (skb->family != AF_INET)
		return 1;

	peer = skb->remote_ip4;
	st = bpf_map_lookup_elem(&ingress_peers, &peer);
	if (st) {
		__sync_fetch_and_add(&st->packets, 1);
		__sync_fetch_and_add(&st->bytes, skb->len);
		return 1;
	}
	init.packets = 1;
	init.bytes = skb->len;
	if (bpf_map_update_elem(&ingress_peers, &peer, &init, BPF_NOEXIST) < 0)
		bpf_printk("peer table full, %x not tracked", peer);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
