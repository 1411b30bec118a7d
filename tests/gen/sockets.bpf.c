// SPDX-License-Identifier: GPL-2.0
/*
 * bpfgen gen input: an LPM trie, an LRU per-CPU hash with an array value (the
 * generator names it with a typedef), a hash keyed by a typedef of an
 * anonymous struct, a socket filter, a cgroup skb program and a raw tracepoint, in plain
 * libbpf style. No --types: the header defines the types from BTF.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct lpm_v4_key {
	__u32 prefixlen;
	__u8 addr[4];
};

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 64);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct lpm_v4_key);
	__type(value, __u32);
} allow_v4 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_PERCPU_HASH);
	__uint(max_entries, 32);
	__type(key, __u32);
	__type(value, char[12]);
} labels SEC(".maps");

typedef struct {
	__u32 ifindex;
	__u16 port;
	__u16 pad;
} port_key_t;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, port_key_t);
	__type(value, __s64);
} ports SEC(".maps");

/* keep at most the first 64 bytes of each packet */
SEC("socket")
int trim(struct __sk_buff *skb)
{
	return skb->len > 64 ? 64 : skb->len;
}

SEC("cgroup_skb/ingress")
int cg_allow(struct __sk_buff *skb)
{
	port_key_t key = { .ifindex = skb->ifindex };
	__s64 *v = bpf_map_lookup_elem(&ports, &key);

	if (v)
		__sync_fetch_and_add(v, 1);
	return 1;
}

SEC("raw_tp/sched_process_exit")
int on_exit_raw(void *ctx)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
