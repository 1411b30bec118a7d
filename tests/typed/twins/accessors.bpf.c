// bpfgen-test: hand-written libbpf twin of good/accessors.bpf.c
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} sink SEC(".maps");

static __always_inline void keep(__u64 v)
{
	__u32 k = 0;
	__u64 *p = bpf_map_lookup_elem(&sink, &k);

	if (p)
		*p += v;
}

SEC("xdp")
int xdp_all(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u8 *first = data;

	keep(ctx->ingress_ifindex + ctx->rx_queue_index + (__u32)(data_end - data));
	if ((void *)(first + 1) <= data_end)
		keep(*first);
	return XDP_PASS;
}

SEC("tc")
int tc_all(struct __sk_buff *skb)
{
	keep(skb->len + skb->pkt_type + skb->protocol + skb->vlan_present + skb->vlan_tci +
	     skb->ifindex + skb->ingress_ifindex + skb->hash + skb->gso_size);
	skb->mark = skb->mark + 1;
	skb->priority = skb->priority + 1;
	skb->queue_mapping = skb->queue_mapping;
	skb->tc_index = skb->tc_index + 1;
	skb->tc_classid = skb->tc_classid + 1;
	skb->tstamp = skb->tstamp;
	if (skb->len > 1500)
		return bpf_redirect(skb->ifindex, 0);
	return 0 /* TC_ACT_OK */;
}

SEC("socket")
int socket_all(struct __sk_buff *skb)
{
	keep(skb->len + skb->pkt_type + skb->protocol + skb->ifindex + skb->mark + skb->priority);
	return skb->len;
}

SEC("cgroup_skb/ingress")
int cgroup_skb_all(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct iphdr *iph = data;
	__u8 ttl;

	keep(skb->len + skb->pkt_type + skb->protocol + skb->ifindex + skb->family +
	     skb->remote_ip4 + skb->local_ip4 + skb->remote_port + skb->local_port);
	skb->mark = skb->mark + 1;
	skb->priority = skb->priority + 1;
	if ((void *)(iph + 1) <= data_end)
		keep(iph->ttl);
	if (bpf_skb_load_bytes(skb, 8, &ttl, sizeof(ttl)) == 0)
		keep(ttl);
	return 1;
}

SEC("sk_skb/stream_verdict")
int sk_skb_all(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	__u8 *first = data;

	keep(skb->len + skb->protocol + skb->family + skb->remote_ip4 + skb->local_ip4 +
	     skb->remote_port + skb->local_port);
	skb->priority = skb->priority;
	skb->tc_index = skb->tc_index;
	if ((void *)(first + 1) <= data_end)
		keep(*first);
	return SK_PASS;
}

SEC("sk_skb/stream_parser")
int sk_skb_parser(struct __sk_buff *skb)
{
	return skb->len;
}

SEC("cgroup/sock_create")
int sock_all(struct bpf_sock *sk)
{
	keep(sk->family + sk->type + sk->protocol);
	sk->bound_dev_if = sk->bound_dev_if;
	sk->mark = sk->mark + 1;
	sk->priority = sk->priority + 1;
	return 1;
}

SEC("cgroup/connect4")
int connect4_all(struct bpf_sock_addr *ctx)
{
	keep(ctx->user_family + ctx->family + ctx->type + ctx->protocol);
	ctx->user_ip4 = ctx->user_ip4;
	ctx->user_port = ctx->user_port;
	return 1;
}

SEC("cgroup/sendmsg4")
int sendmsg4_all(struct bpf_sock_addr *ctx)
{
	ctx->msg_src_ip4 = ctx->msg_src_ip4;
	return 1;
}

SEC("cgroup/getsockopt")
int getsockopt_all(struct bpf_sockopt *ctx)
{
	__u8 *optval = ctx->optval;

	keep(ctx->level + ctx->optname);
	if (optval + 1 <= (__u8 *)ctx->optval_end)
		keep(*optval);
	ctx->optlen = ctx->optlen;
	ctx->retval = ctx->retval;
	return 1;
}

SEC("cgroup/sysctl")
int sysctl_all(struct bpf_sysctl *ctx)
{
	keep(ctx->write);
	ctx->file_pos = ctx->file_pos;
	return 1;
}

SEC("cgroup/dev")
int device_all(struct bpf_cgroup_dev_ctx *ctx)
{
	keep(ctx->access_type + ctx->major + ctx->minor);
	return 1;
}

SEC("sockops")
int sock_ops_all(struct bpf_sock_ops *skops)
{
	keep(skops->op + skops->family + skops->remote_ip4 + skops->local_ip4 +
	     skops->remote_port + skops->local_port + skops->srtt_us);
	skops->reply = skops->reply;
	return 1;
}

SEC("sk_msg")
int sk_msg_all(struct sk_msg_md *msg)
{
	keep(msg->family + msg->remote_ip4 + msg->local_ip4 + msg->remote_port +
	     msg->local_port + msg->size);
	return SK_PASS;
}

SEC("sk_lookup")
int sk_lookup_all(struct bpf_sk_lookup *ctx)
{
	keep(ctx->family + ctx->protocol + ctx->remote_ip4 + ctx->local_ip4 + ctx->remote_port +
	     ctx->local_port + ctx->ingress_ifindex);
	return SK_PASS;
}

SEC("perf_event")
int perf_all(struct bpf_perf_event_data *ctx)
{
	keep(ctx->sample_period + ctx->addr);
	return 0;
}

SEC("kprobe/do_unlinkat")
int BPF_KPROBE(kprobe_all, int dfd)
{
	keep(dfd + PT_REGS_IP(ctx));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
