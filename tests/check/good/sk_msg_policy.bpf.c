// bpfgen-test: sk_msg verdict program dropping sendmsg() data to denied local ports and counting bytes (vmlinux.h, sockhash)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define AF_INET 2

struct {
	__uint(type, BPF_MAP_TYPE_SOCKHASH);
	__uint(max_entries, 1024);
	__type(key, __u64);
	__type(value, __u64);
} sock_hash SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);	/* bytes seen */
} denied_ports SEC(".maps");

SEC("sk_msg")
int msg_policy(struct sk_msg_md *msg)
{
	__u32 port;
	__u64 *bytes;

	if (msg->family != AF_INET)
		return SK_PASS;

	port = bpf_ntohl(msg->remote_port);
	bytes = bpf_map_lookup_elem(&denied_ports, &port);
	if (!bytes)
		return SK_PASS;

	__sync_fetch_and_add(bytes, msg->size);
	return SK_DROP;
}

char LICENSE[] SEC("license") = "GPL";
