// bpfgen-test: sk_msg program declared over struct __sk_buff (family at offset 88 is past the end of struct sk_msg_md)
// kernel: refuses "invalid bpf_context access off=88 size=4"
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
int msg_policy(struct __sk_buff *msg) // expect: error ctx-type
{
	__u32 port;
	__u64 *bytes;

	if (msg->family != AF_INET)
		return SK_PASS;

	port = bpf_ntohl(msg->remote_port);
	bytes = bpf_map_lookup_elem(&denied_ports, &port);
	if (!bytes)
		return SK_PASS;

	__sync_fetch_and_add(bytes, msg->len);
	return SK_DROP;
}

char LICENSE[] SEC("license") = "GPL";
