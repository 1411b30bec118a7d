// bpfgen-test: sockops tracking established IPv4 connections and per-peer counts, two hashes keyed by two 16-byte structs (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define AF_INET 2

struct conn_key {
	__u32 saddr;
	__u32 daddr;
	__u32 sport;
	__u32 dport;
};

struct peer_key {
	__u32 family;
	__u32 daddr;
	__u32 dport;
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, struct conn_key);
	__type(value, __u64);
} conn_start SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct peer_key);
	__type(value, __u64);
} peer_conns SEC(".maps");

SEC("sockops")
int track_peers(struct bpf_sock_ops *skops)
{
	struct conn_key conn = {};
	struct peer_key peer = {};
	__u64 now, one = 1, *cnt;

	if (skops->family != AF_INET)
		return 1;
	if (skops->op != BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB &&
	    skops->op != BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB)
		return 1;

	conn.saddr = skops->local_ip4;
	conn.daddr = skops->remote_ip4;
	conn.sport = skops->local_port;
	conn.dport = bpf_ntohl(skops->remote_port);
	now = bpf_ktime_get_ns();
	if (bpf_map_update_elem(&conn_start, &conn, &now, BPF_ANY) < 0)
		return 1;

	peer.family = AF_INET;
	peer.daddr = conn.daddr;
	peer.dport = conn.dport;
	cnt = bpf_map_lookup_elem(&peer_conns, &peer);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		(void)bpf_map_update_elem(&peer_conns, &peer, &one, BPF_NOEXIST);
	return 1;
}

char _license[] SEC("license") = "GPL";
