// SPDX-License-Identifier: GPL-2.0
/*
 * bpfgen gen input: every map kind without a plain key/value (queue, stack,
 * bloom filter, devmap, cpumap, xskmap, sockmap, sockhash, program array)
 * and every program type the kernel can test-run beyond xdp/tc/socket
 * (cgroup_skb, flow dissector, raw_tp, syscall, sk_lookup), plus a uprobe,
 * in plain libbpf style.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_QUEUE);
	__uint(max_entries, 4);
	__type(value, __u32);
} lens SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_STACK);
	__uint(max_entries, 4);
	__type(value, __u64);
} stk SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_BLOOM_FILTER);
	__uint(max_entries, 64);
	__uint(map_extra, 3);
	__type(value, __u32);
} seen SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} devs SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CPUMAP);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u32);	/* the queue size: struct bpf_cpumap_val's first member */
} cpus SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_XSKMAP);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u32);
} xsks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} socks SEC(".maps");

struct sock_key {
	__u32 id;
	__u16 port;
	__u16 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_SOCKHASH);
	__uint(max_entries, 2);
	__type(key, struct sock_key);
	__type(value, __u32);
} sockh SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u32);
} jmp SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} hits SEC(".maps");

/* the packet's length into the queue; then to program 0 of jmp, if any */
SEC("xdp")
int xdp_len(struct xdp_md *ctx)
{
	__u32 len = ctx->data_end - ctx->data;

	bpf_map_push_elem(&lens, &len, BPF_EXIST);
	bpf_tail_call(ctx, &jmp, 0);
	return XDP_PASS;
}

/* what xdp_len tail-calls: drops */
SEC("xdp")
int xdp_drop(struct xdp_md *ctx)
{
	return XDP_DROP;
}

/* drops packets whose length the bloom filter may hold */
SEC("tc")
int tc_bloom(struct __sk_buff *skb)
{
	__u32 len = skb->len;

	return bpf_map_peek_elem(&seen, &len) ? TC_ACT_OK : TC_ACT_SHOT;
}

/* allows packets up to 1000 bytes */
SEC("cgroup_skb/egress")
int cg_small(struct __sk_buff *skb)
{
	return skb->len <= 1000;
}

/* IPv4 only: the offsets of its network and transport headers */
SEC("flow_dissector")
int dissect(struct __sk_buff *skb)
{
	struct bpf_flow_keys *keys = skb->flow_keys;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = (void *)(long)skb->data;

	if ((void *)(eth + 1) > data_end)
		return BPF_DROP;
	keys->n_proto = eth->h_proto;
	if (eth->h_proto != __builtin_bswap16(ETH_P_IP))
		return BPF_DROP;
	keys->nhoff = ETH_HLEN;
	keys->thoff = ETH_HLEN + 20;
	return BPF_OK;
}

/* its first argument plus one */
SEC("raw_tp/sys_enter")
int raw_args(struct bpf_raw_tracepoint_args *ctx)
{
	return ctx->args[0] + 1;
}

struct sum_args {
	__u32 a;
	__u32 b;
	__u64 sum;
};

/* writes a + b into the argument struct */
SEC("syscall")
int sum(struct sum_args *args)
{
	args->sum = (__u64)args->a + args->b;
	return args->a > args->b ? 1 : 0;
}

/* refuses lookups for local port 7777 */
SEC("sk_lookup")
int lookup(struct bpf_sk_lookup *ctx)
{
	return ctx->local_port == 7777 ? SK_DROP : SK_PASS;
}

/* counts the calls of a function of the test binary */
SEC("uprobe")
int count_calls(void *ctx)
{
	__u32 k = 0;
	__u64 *v = bpf_map_lookup_elem(&hits, &k);

	if (v)
		__sync_fetch_and_add(v, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
