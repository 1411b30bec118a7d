// bpfgen-test: every context accessor and setter of the loadable program types, where the kernel allows it (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

/* The sum of everything read, so that no read is optimized away. */
BPFGEN_ARRAY(sink, __u64, 1);

static __always_inline void keep(__u64 v)
{
	__u32 k = 0;
	__u64 *p = sink_lookup(&k);

	if (p)
		*p += v;
}

BPFGEN_XDP(xdp_all)
{
	__u8 *first = bpfgen_xdp_data(ctx);
	void *end = bpfgen_xdp_data_end(ctx);

	keep(bpfgen_xdp_ingress_ifindex(ctx) + bpfgen_xdp_rx_queue_index(ctx) + bpfgen_xdp_len(ctx));
	if ((void *)(first + 1) <= end)
		keep(*first);
	return BPFGEN_XDP_PASS;
}

BPFGEN_TC(tc_all)
{
	keep(bpfgen_tc_len(ctx) + bpfgen_tc_pkt_type(ctx) + bpfgen_tc_protocol(ctx) +
	     bpfgen_tc_vlan_present(ctx) + bpfgen_tc_vlan_tci(ctx) + bpfgen_tc_ifindex(ctx) +
	     bpfgen_tc_ingress_ifindex(ctx) + bpfgen_tc_hash(ctx) + bpfgen_tc_gso_size(ctx));
	bpfgen_tc_set_mark(ctx, bpfgen_tc_mark(ctx) + 1);
	bpfgen_tc_set_priority(ctx, bpfgen_tc_priority(ctx) + 1);
	bpfgen_tc_set_queue_mapping(ctx, bpfgen_tc_queue_mapping(ctx));
	bpfgen_tc_set_tc_index(ctx, bpfgen_tc_tc_index(ctx) + 1);
	bpfgen_tc_set_tc_classid(ctx, bpfgen_tc_tc_classid(ctx) + 1);
	bpfgen_tc_set_tstamp(ctx, bpfgen_tc_tstamp(ctx));
	if (bpfgen_tc_len(ctx) > 1500)
		return bpfgen_tc_redirect(bpfgen_tc_ifindex(ctx), 0);
	return BPFGEN_TC_OK;
}

BPFGEN_SOCKET_FILTER(socket_all)
{
	keep(bpfgen_socket_filter_len(ctx) + bpfgen_socket_filter_pkt_type(ctx) +
	     bpfgen_socket_filter_protocol(ctx) + bpfgen_socket_filter_ifindex(ctx) +
	     bpfgen_socket_filter_mark(ctx) + bpfgen_socket_filter_priority(ctx));
	return BPFGEN_SOCKET_KEEP(bpfgen_socket_filter_len(ctx));
}

BPFGEN_CGROUP_SKB_INGRESS(cgroup_skb_all)
{
	struct iphdr *iph = bpfgen_ptr_at(ctx, 0, struct iphdr);
	__u8 ttl;

	keep(bpfgen_cgroup_skb_len(ctx) + bpfgen_cgroup_skb_pkt_type(ctx) +
	     bpfgen_cgroup_skb_protocol(ctx) + bpfgen_cgroup_skb_ifindex(ctx) +
	     bpfgen_cgroup_skb_family(ctx) + bpfgen_cgroup_skb_remote_ip4(ctx) +
	     bpfgen_cgroup_skb_local_ip4(ctx) + bpfgen_cgroup_skb_remote_port(ctx) +
	     bpfgen_cgroup_skb_local_port(ctx));
	bpfgen_cgroup_skb_set_mark(ctx, bpfgen_cgroup_skb_mark(ctx) + 1);
	bpfgen_cgroup_skb_set_priority(ctx, bpfgen_cgroup_skb_priority(ctx) + 1);
	if (iph)
		keep(iph->ttl);
	if (bpfgen_load_bytes(ctx, 8, &ttl) == 0)
		keep(ttl);
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_SK_SKB(sk_skb_all, "stream_verdict")
{
	__u8 *first = bpfgen_ptr_at(ctx, 0, __u8);

	keep(bpfgen_sk_skb_len(ctx) + bpfgen_sk_skb_protocol(ctx) + bpfgen_sk_skb_family(ctx) +
	     bpfgen_sk_skb_remote_ip4(ctx) + bpfgen_sk_skb_local_ip4(ctx) +
	     bpfgen_sk_skb_remote_port(ctx) + bpfgen_sk_skb_local_port(ctx));
	bpfgen_sk_skb_set_priority(ctx, bpfgen_sk_skb_priority(ctx));
	bpfgen_sk_skb_set_tc_index(ctx, bpfgen_sk_skb_tc_index(ctx));
	if (first)
		keep(*first);
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_SK_SKB_PARSER(sk_skb_parser)
{
	return bpfgen_sk_skb_len(ctx);
}

BPFGEN_CGROUP_SOCK(sock_all)
{
	keep(bpfgen_cgroup_sock_family(ctx) + bpfgen_cgroup_sock_type(ctx) +
	     bpfgen_cgroup_sock_protocol(ctx));
	bpfgen_cgroup_sock_set_bound_dev_if(ctx, bpfgen_cgroup_sock_bound_dev_if(ctx));
	bpfgen_cgroup_sock_set_mark(ctx, bpfgen_cgroup_sock_mark(ctx) + 1);
	bpfgen_cgroup_sock_set_priority(ctx, bpfgen_cgroup_sock_priority(ctx) + 1);
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_CGROUP_SOCK_ADDR(connect4_all, "connect4")
{
	keep(bpfgen_cgroup_sock_addr_user_family(ctx) + bpfgen_cgroup_sock_addr_family(ctx) +
	     bpfgen_cgroup_sock_addr_type(ctx) + bpfgen_cgroup_sock_addr_protocol(ctx));
	bpfgen_cgroup_sock_addr_set_user_ip4(ctx, bpfgen_cgroup_sock_addr_user_ip4(ctx));
	bpfgen_cgroup_sock_addr_set_user_port(ctx, bpfgen_cgroup_sock_addr_user_port(ctx));
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_CGROUP_SOCK_ADDR(sendmsg4_all, "sendmsg4")
{
	bpfgen_cgroup_sock_addr_set_msg_src_ip4(ctx, bpfgen_cgroup_sock_addr_msg_src_ip4(ctx));
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_CGROUP_SOCKOPT(getsockopt_all, "getsockopt")
{
	__u8 *optval = bpfgen_cgroup_sockopt_optval(ctx);

	keep(bpfgen_cgroup_sockopt_level(ctx) + bpfgen_cgroup_sockopt_optname(ctx));
	if (optval + 1 <= (__u8 *)bpfgen_cgroup_sockopt_optval_end(ctx))
		keep(*optval);
	bpfgen_cgroup_sockopt_set_optlen(ctx, bpfgen_cgroup_sockopt_optlen(ctx));
	bpfgen_cgroup_sockopt_set_retval(ctx, bpfgen_cgroup_sockopt_retval(ctx));
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_CGROUP_SYSCTL(sysctl_all)
{
	keep(bpfgen_cgroup_sysctl_write(ctx));
	bpfgen_cgroup_sysctl_set_file_pos(ctx, bpfgen_cgroup_sysctl_file_pos(ctx));
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_CGROUP_DEVICE(device_all)
{
	keep(bpfgen_cgroup_device_access_type(ctx) + bpfgen_cgroup_device_major(ctx) +
	     bpfgen_cgroup_device_minor(ctx));
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_SOCK_OPS(sock_ops_all)
{
	keep(bpfgen_sock_ops_op(ctx) + bpfgen_sock_ops_family(ctx) + bpfgen_sock_ops_remote_ip4(ctx) +
	     bpfgen_sock_ops_local_ip4(ctx) + bpfgen_sock_ops_remote_port(ctx) +
	     bpfgen_sock_ops_local_port(ctx) + bpfgen_sock_ops_srtt_us(ctx));
	bpfgen_sock_ops_set_reply(ctx, bpfgen_sock_ops_reply(ctx));
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_SK_MSG(sk_msg_all)
{
	keep(bpfgen_sk_msg_family(ctx) + bpfgen_sk_msg_remote_ip4(ctx) + bpfgen_sk_msg_local_ip4(ctx) +
	     bpfgen_sk_msg_remote_port(ctx) + bpfgen_sk_msg_local_port(ctx) + bpfgen_sk_msg_size(ctx));
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_SK_LOOKUP(sk_lookup_all)
{
	keep(bpfgen_sk_lookup_family(ctx) + bpfgen_sk_lookup_protocol(ctx) +
	     bpfgen_sk_lookup_remote_ip4(ctx) + bpfgen_sk_lookup_local_ip4(ctx) +
	     bpfgen_sk_lookup_remote_port(ctx) + bpfgen_sk_lookup_local_port(ctx) +
	     bpfgen_sk_lookup_ingress_ifindex(ctx));
	return BPFGEN_VERDICT_PASS;
}

BPFGEN_PERF_EVENT(perf_all)
{
	keep(bpfgen_perf_event_sample_period(ctx) + bpfgen_perf_event_addr(ctx));
	return 0;
}

BPFGEN_KPROBE(kprobe_all, "do_unlinkat", int dfd)
{
	keep(dfd + PT_REGS_IP(bpfgen_kprobe_raw(ctx)));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
