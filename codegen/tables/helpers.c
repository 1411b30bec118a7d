// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The kernel's helpers (enum bpf_func_id, uapi linux/bpf.h __BPF_FUNC_MAPPER)
 * with the restrictions measured on Linux 6.18 by loading `call N; exit` for
 * each helper: GPL-only ("cannot call GPL-restricted function from non-GPL
 * compatible program") and sleepable-only ("helper call might sleep in a
 * non-sleepable prog").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tables.h"

static const struct bg_helper helpers[] = {
	{   1, "map_lookup_elem", 0 },
	{   2, "map_update_elem", 0 },
	{   3, "map_delete_elem", 0 },
	{   4, "probe_read", BG_HELPER_GPL },
	{   5, "ktime_get_ns", 0 },
	{   6, "trace_printk", BG_HELPER_GPL },
	{   7, "get_prandom_u32", 0 },
	{   8, "get_smp_processor_id", 0 },
	{   9, "skb_store_bytes", 0 },
	{  10, "l3_csum_replace", 0 },
	{  11, "l4_csum_replace", 0 },
	{  12, "tail_call", 0 },
	{  13, "clone_redirect", 0 },
	{  14, "get_current_pid_tgid", 0 },
	{  15, "get_current_uid_gid", 0 },
	{  16, "get_current_comm", 0 },
	{  17, "get_cgroup_classid", 0 },
	{  18, "skb_vlan_push", 0 },
	{  19, "skb_vlan_pop", 0 },
	{  20, "skb_get_tunnel_key", 0 },
	{  21, "skb_set_tunnel_key", 0 },
	{  22, "perf_event_read", BG_HELPER_GPL },
	{  23, "redirect", 0 },
	{  24, "get_route_realm", 0 },
	{  25, "perf_event_output", BG_HELPER_GPL },
	{  26, "skb_load_bytes", 0 },
	{  27, "get_stackid", BG_HELPER_GPL },
	{  28, "csum_diff", 0 },
	{  29, "skb_get_tunnel_opt", 0 },
	{  30, "skb_set_tunnel_opt", 0 },
	{  31, "skb_change_proto", 0 },
	{  32, "skb_change_type", 0 },
	{  33, "skb_under_cgroup", 0 },
	{  34, "get_hash_recalc", 0 },
	{  35, "get_current_task", BG_HELPER_GPL },
	{  36, "probe_write_user", 0 },
	{  37, "current_task_under_cgroup", 0 },
	{  38, "skb_change_tail", 0 },
	{  39, "skb_pull_data", 0 },
	{  40, "csum_update", 0 },
	{  41, "set_hash_invalid", 0 },
	{  42, "get_numa_node_id", 0 },
	{  43, "skb_change_head", 0 },
	{  44, "xdp_adjust_head", 0 },
	{  45, "probe_read_str", BG_HELPER_GPL },
	{  46, "get_socket_cookie", 0 },
	{  47, "get_socket_uid", 0 },
	{  48, "set_hash", 0 },
	{  49, "setsockopt", 0 },
	{  50, "skb_adjust_room", 0 },
	{  51, "redirect_map", 0 },
	{  52, "sk_redirect_map", 0 },
	{  53, "sock_map_update", 0 },
	{  54, "xdp_adjust_meta", 0 },
	{  55, "perf_event_read_value", BG_HELPER_GPL },
	{  56, "perf_prog_read_value", BG_HELPER_GPL },
	{  57, "getsockopt", 0 },
	{  58, "override_return", 0 },
	{  59, "sock_ops_cb_flags_set", 0 },
	{  60, "msg_redirect_map", 0 },
	{  61, "msg_apply_bytes", 0 },
	{  62, "msg_cork_bytes", 0 },
	{  63, "msg_pull_data", 0 },
	{  64, "bind", 0 },
	{  65, "xdp_adjust_tail", 0 },
	{  66, "skb_get_xfrm_state", 0 },
	{  67, "get_stack", BG_HELPER_GPL },
	{  68, "skb_load_bytes_relative", 0 },
	{  69, "fib_lookup", BG_HELPER_GPL },
	{  70, "sock_hash_update", 0 },
	{  71, "msg_redirect_hash", 0 },
	{  72, "sk_redirect_hash", 0 },
	{  73, "lwt_push_encap", 0 },
	{  74, "lwt_seg6_store_bytes", 0 },
	{  75, "lwt_seg6_adjust_srh", 0 },
	{  76, "lwt_seg6_action", 0 },
	{  77, "rc_repeat", 0 },
	{  78, "rc_keydown", 0 },
	{  79, "skb_cgroup_id", 0 },
	{  80, "get_current_cgroup_id", 0 },
	{  81, "get_local_storage", 0 },
	{  82, "sk_select_reuseport", 0 },
	{  83, "skb_ancestor_cgroup_id", 0 },
	{  84, "sk_lookup_tcp", 0 },
	{  85, "sk_lookup_udp", 0 },
	{  86, "sk_release", 0 },
	{  87, "map_push_elem", 0 },
	{  88, "map_pop_elem", 0 },
	{  89, "map_peek_elem", 0 },
	{  90, "msg_push_data", 0 },
	{  91, "msg_pop_data", 0 },
	{  92, "rc_pointer_rel", 0 },
	{  93, "spin_lock", 0 },
	{  94, "spin_unlock", 0 },
	{  95, "sk_fullsock", 0 },
	{  96, "tcp_sock", 0 },
	{  97, "skb_ecn_set_ce", 0 },
	{  98, "get_listener_sock", 0 },
	{  99, "skc_lookup_tcp", 0 },
	{ 100, "tcp_check_syncookie", BG_HELPER_GPL },
	{ 101, "sysctl_get_name", 0 },
	{ 102, "sysctl_get_current_value", 0 },
	{ 103, "sysctl_get_new_value", 0 },
	{ 104, "sysctl_set_new_value", 0 },
	{ 105, "strtol", 0 },
	{ 106, "strtoul", 0 },
	{ 107, "sk_storage_get", 0 },
	{ 108, "sk_storage_delete", 0 },
	{ 109, "send_signal", 0 },
	{ 110, "tcp_gen_syncookie", BG_HELPER_GPL },
	{ 111, "skb_output", BG_HELPER_GPL },
	{ 112, "probe_read_user", BG_HELPER_GPL },
	{ 113, "probe_read_kernel", BG_HELPER_GPL },
	{ 114, "probe_read_user_str", BG_HELPER_GPL },
	{ 115, "probe_read_kernel_str", BG_HELPER_GPL },
	{ 116, "tcp_send_ack", 0 },
	{ 117, "send_signal_thread", 0 },
	{ 118, "jiffies64", 0 },
	{ 119, "read_branch_records", BG_HELPER_GPL },
	{ 120, "get_ns_current_pid_tgid", 0 },
	{ 121, "xdp_output", BG_HELPER_GPL },
	{ 122, "get_netns_cookie", 0 },
	{ 123, "get_current_ancestor_cgroup_id", 0 },
	{ 124, "sk_assign", 0 },
	{ 125, "ktime_get_boot_ns", 0 },
	{ 126, "seq_printf", 0 },
	{ 127, "seq_write", 0 },
	{ 128, "sk_cgroup_id", 0 },
	{ 129, "sk_ancestor_cgroup_id", 0 },
	{ 130, "ringbuf_output", 0 },
	{ 131, "ringbuf_reserve", 0 },
	{ 132, "ringbuf_submit", 0 },
	{ 133, "ringbuf_discard", 0 },
	{ 134, "ringbuf_query", 0 },
	{ 135, "csum_level", 0 },
	{ 136, "skc_to_tcp6_sock", 0 },
	{ 137, "skc_to_tcp_sock", 0 },
	{ 138, "skc_to_tcp_timewait_sock", 0 },
	{ 139, "skc_to_tcp_request_sock", 0 },
	{ 140, "skc_to_udp6_sock", 0 },
	{ 141, "get_task_stack", 0 },
	{ 142, "load_hdr_opt", 0 },
	{ 143, "store_hdr_opt", 0 },
	{ 144, "reserve_hdr_opt", 0 },
	{ 145, "inode_storage_get", 0 },
	{ 146, "inode_storage_delete", 0 },
	{ 147, "d_path", 0 },
	{ 148, "copy_from_user", BG_HELPER_SLEEPABLE },
	{ 149, "snprintf_btf", 0 },
	{ 150, "seq_printf_btf", 0 },
	{ 151, "skb_cgroup_classid", 0 },
	{ 152, "redirect_neigh", 0 },
	{ 153, "per_cpu_ptr", 0 },
	{ 154, "this_cpu_ptr", 0 },
	{ 155, "redirect_peer", 0 },
	{ 156, "task_storage_get", 0 },
	{ 157, "task_storage_delete", 0 },
	{ 158, "get_current_task_btf", BG_HELPER_GPL },
	{ 159, "bprm_opts_set", 0 },
	{ 160, "ktime_get_coarse_ns", 0 },
	{ 161, "ima_inode_hash", 0 },
	{ 162, "sock_from_file", 0 },
	{ 163, "check_mtu", BG_HELPER_GPL },
	{ 164, "for_each_map_elem", 0 },
	{ 165, "snprintf", BG_HELPER_GPL },
	{ 166, "sys_bpf", 0 },
	{ 167, "btf_find_by_name_kind", 0 },
	{ 168, "sys_close", 0 },
	{ 169, "timer_init", BG_HELPER_GPL },
	{ 170, "timer_set_callback", BG_HELPER_GPL },
	{ 171, "timer_start", BG_HELPER_GPL },
	{ 172, "timer_cancel", BG_HELPER_GPL },
	{ 173, "get_func_ip", BG_HELPER_GPL },
	{ 174, "get_attach_cookie", 0 },
	{ 175, "task_pt_regs", BG_HELPER_GPL },
	{ 176, "get_branch_snapshot", BG_HELPER_GPL },
	{ 177, "trace_vprintk", BG_HELPER_GPL },
	{ 178, "skc_to_unix_sock", 0 },
	{ 179, "kallsyms_lookup_name", 0 },
	{ 180, "find_vma", 0 },
	{ 181, "loop", 0 },
	{ 182, "strncmp", 0 },
	{ 183, "get_func_arg", 0 },
	{ 184, "get_func_ret", 0 },
	{ 185, "get_func_arg_cnt", 0 },
	{ 186, "get_retval", 0 },
	{ 187, "set_retval", 0 },
	{ 188, "xdp_get_buff_len", 0 },
	{ 189, "xdp_load_bytes", 0 },
	{ 190, "xdp_store_bytes", 0 },
	{ 191, "copy_from_user_task", BG_HELPER_GPL | BG_HELPER_SLEEPABLE },
	{ 192, "skb_set_tstamp", 0 },
	{ 193, "ima_file_hash", 0 },
	{ 194, "kptr_xchg", 0 },
	{ 195, "map_lookup_percpu_elem", 0 },
	{ 196, "skc_to_mptcp_sock", 0 },
	{ 197, "dynptr_from_mem", 0 },
	{ 198, "ringbuf_reserve_dynptr", 0 },
	{ 199, "ringbuf_submit_dynptr", 0 },
	{ 200, "ringbuf_discard_dynptr", 0 },
	{ 201, "dynptr_read", 0 },
	{ 202, "dynptr_write", 0 },
	{ 203, "dynptr_data", 0 },
	{ 204, "tcp_raw_gen_syncookie_ipv4", BG_HELPER_GPL },
	{ 205, "tcp_raw_gen_syncookie_ipv6", BG_HELPER_GPL },
	{ 206, "tcp_raw_check_syncookie_ipv4", BG_HELPER_GPL },
	{ 207, "tcp_raw_check_syncookie_ipv6", BG_HELPER_GPL },
	{ 208, "ktime_get_tai_ns", 0 },
	{ 209, "user_ringbuf_drain", 0 },
	{ 210, "cgrp_storage_get", 0 },
	{ 211, "cgrp_storage_delete", 0 },
};

const struct bg_helper *bg_helper__find(const char *name)
{
	size_t i;

	if (!strncmp(name, "bpf_", 4))
		name += 4;
	for (i = 0; i < sizeof(helpers) / sizeof(helpers[0]); i++)
		if (!strcmp(helpers[i].name, name))
			return &helpers[i];
	return NULL;
}

const struct bg_helper *bg_helper__by_id(int id)
{
	size_t i;

	for (i = 0; i < sizeof(helpers) / sizeof(helpers[0]); i++)
		if (helpers[i].id == id)
			return &helpers[i];
	return NULL;
}

/*
 * Helpers whose GPL restriction depends on the program type: the kernel gives
 * them another prototype there (bpf_get_stackid_proto_pe for perf_event).
 */
static const struct {
	const char *name;
	enum bg_prog_type type;
	const char *attach;	/* NULL: every attach type */
} not_gpl_in[] = {
	{ "get_stackid", BG_PROG_PERF_EVENT, NULL },
	{ "get_func_ip", BG_PROG_KPROBE, "TRACE_KPROBE_MULTI" },
};

bool bg_helper__gpl_only(const struct bg_helper *h, enum bg_prog_type type, const char *attach)
{
	size_t i;

	if (!(h->flags & BG_HELPER_GPL))
		return false;
	for (i = 0; i < sizeof(not_gpl_in) / sizeof(not_gpl_in[0]); i++)
		if (!strcmp(not_gpl_in[i].name, h->name) && not_gpl_in[i].type == type &&
		    (!not_gpl_in[i].attach || (attach && !strcmp(not_gpl_in[i].attach, attach))))
			return false;
	return true;
}

/*
 * The verifier's view of return values and references (bpf_func_proto's
 * ret_type and the release flags), and bpf_helper_changes_pkt_data().
 */
static const struct {
	const char *name;
	enum bg_helper_flow flow;
} flows[] = {
	{ "map_lookup_elem",		BG_FLOW_OR_NULL },
	{ "map_lookup_percpu_elem",	BG_FLOW_OR_NULL },
	{ "sk_storage_get",		BG_FLOW_OR_NULL },
	{ "task_storage_get",		BG_FLOW_OR_NULL },
	{ "inode_storage_get",		BG_FLOW_OR_NULL },
	{ "cgrp_storage_get",		BG_FLOW_OR_NULL },
	{ "sk_fullsock",		BG_FLOW_OR_NULL },
	{ "tcp_sock",			BG_FLOW_OR_NULL },
	{ "get_listener_sock",		BG_FLOW_OR_NULL },
	{ "skc_to_tcp_sock",		BG_FLOW_OR_NULL },
	{ "skc_to_tcp6_sock",		BG_FLOW_OR_NULL },
	{ "skc_to_udp6_sock",		BG_FLOW_OR_NULL },
	{ "skc_to_tcp_timewait_sock",	BG_FLOW_OR_NULL },
	{ "skc_to_tcp_request_sock",	BG_FLOW_OR_NULL },
	{ "skc_to_unix_sock",		BG_FLOW_OR_NULL },
	{ "skc_to_mptcp_sock",		BG_FLOW_OR_NULL },
	{ "kptr_xchg",			BG_FLOW_KREF },
	{ "ringbuf_reserve",		BG_FLOW_RINGBUF },
	{ "ringbuf_submit",		BG_FLOW_RINGBUF_RELEASE },
	{ "ringbuf_discard",		BG_FLOW_RINGBUF_RELEASE },
	{ "sk_lookup_tcp",		BG_FLOW_SOCK },
	{ "sk_lookup_udp",		BG_FLOW_SOCK },
	{ "skc_lookup_tcp",		BG_FLOW_SOCK },
	{ "sk_release",			BG_FLOW_SOCK_RELEASE },
	{ "skb_store_bytes",		BG_FLOW_PKT_CHANGE },
	{ "l3_csum_replace",		BG_FLOW_PKT_CHANGE },
	{ "l4_csum_replace",		BG_FLOW_PKT_CHANGE },
	{ "clone_redirect",		BG_FLOW_PKT_CHANGE },
	{ "skb_vlan_push",		BG_FLOW_PKT_CHANGE },
	{ "skb_vlan_pop",		BG_FLOW_PKT_CHANGE },
	{ "skb_change_proto",		BG_FLOW_PKT_CHANGE },
	{ "skb_change_tail",		BG_FLOW_PKT_CHANGE },
	{ "skb_change_head",		BG_FLOW_PKT_CHANGE },
	{ "skb_pull_data",		BG_FLOW_PKT_CHANGE },
	{ "skb_adjust_room",		BG_FLOW_PKT_CHANGE },
	{ "xdp_adjust_head",		BG_FLOW_PKT_CHANGE },
	{ "xdp_adjust_meta",		BG_FLOW_PKT_CHANGE },
	{ "xdp_adjust_tail",		BG_FLOW_PKT_CHANGE },
	{ "msg_pull_data",		BG_FLOW_PKT_CHANGE },
	{ "msg_push_data",		BG_FLOW_PKT_CHANGE },
	{ "msg_pop_data",		BG_FLOW_PKT_CHANGE },
	{ "lwt_push_encap",		BG_FLOW_PKT_CHANGE },
	{ "lwt_seg6_store_bytes",	BG_FLOW_PKT_CHANGE },
	{ "lwt_seg6_adjust_srh",	BG_FLOW_PKT_CHANGE },
	{ "lwt_seg6_action",		BG_FLOW_PKT_CHANGE },
};

enum bg_helper_flow bg_helper__flow(const char *name)
{
	size_t i;

	if (strncmp(name, "bpf_", 4))
		return BG_FLOW_NONE;
	name += 4;
	for (i = 0; i < sizeof(flows) / sizeof(flows[0]); i++)
		if (!strcmp(flows[i].name, name))
			return flows[i].flow;
	return BG_FLOW_NONE;
}

/*
 * Arguments the verifier requires to be memory (a map value, a buffer, a
 * reference), never a pointer that may still be NULL: an _or_null register
 * there is refused ("R3 type=map_value_or_null expected=fp, ..."). Bit N is
 * argument N. Arguments that take NULL or anything (probe_read's source,
 * storage initial values, callback contexts) are not listed. The compiler's
 * memory builtins access memory through the pointers they are given.
 */
static const struct {
	const char *name;
	unsigned args;
} nonnull_args[] = {
	{ "bpf_map_lookup_elem",	1u << 1 },
	{ "bpf_map_update_elem",	1u << 1 | 1u << 2 },
	{ "bpf_map_delete_elem",	1u << 1 },
	{ "bpf_map_push_elem",		1u << 1 },
	{ "bpf_map_pop_elem",		1u << 1 },
	{ "bpf_map_peek_elem",		1u << 1 },
	{ "bpf_probe_read",		1u << 0 },
	{ "bpf_probe_read_kernel",	1u << 0 },
	{ "bpf_probe_read_user",	1u << 0 },
	{ "bpf_probe_read_str",		1u << 0 },
	{ "bpf_probe_read_kernel_str",	1u << 0 },
	{ "bpf_probe_read_user_str",	1u << 0 },
	{ "bpf_copy_from_user",		1u << 0 },
	{ "bpf_get_current_comm",	1u << 0 },
	{ "bpf_ringbuf_output",		1u << 1 },
	{ "bpf_perf_event_output",	1u << 3 },
	{ "bpf_ringbuf_submit",		1u << 0 },
	{ "bpf_ringbuf_discard",	1u << 0 },
	{ "bpf_sk_release",		1u << 0 },
	{ "bpf_spin_lock",		1u << 0 },
	{ "bpf_spin_unlock",		1u << 0 },
	{ "bpf_skb_load_bytes",		1u << 2 },
	{ "bpf_skb_store_bytes",	1u << 2 },
	{ "bpf_xdp_load_bytes",		1u << 2 },
	{ "bpf_xdp_store_bytes",	1u << 2 },
	{ "bpf_get_stack",		1u << 1 },
	{ "bpf_sk_lookup_tcp",		1u << 1 },
	{ "bpf_sk_lookup_udp",		1u << 1 },
	{ "bpf_skc_lookup_tcp",		1u << 1 },
	{ "bpf_setsockopt",		1u << 3 },
	{ "bpf_getsockopt",		1u << 3 },
	{ "__builtin_memcpy",		1u << 0 | 1u << 1 },
	{ "__builtin_memmove",		1u << 0 | 1u << 1 },
	{ "__builtin_memcmp",		1u << 0 | 1u << 1 },
	{ "__builtin_memset",		1u << 0 },
};

bool bg_helper__arg_nonnull(const char *name, unsigned arg)
{
	size_t i;

	if (arg >= 32)
		return false;
	/* __sync_fetch_and_add(p, 1), __atomic_load_n(p, ...): through argument 0 */
	if (!strncmp(name, "__sync_", 7) || !strncmp(name, "__atomic_", 9))
		return arg == 0;
	for (i = 0; i < sizeof(nonnull_args) / sizeof(nonnull_args[0]); i++)
		if (!strcmp(nonnull_args[i].name, name))
			return nonnull_args[i].args & (1u << arg);
	return false;
}

static int kfunc_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct bg_kfunc *)elem)->name);
}

const struct bg_kfunc *bg_kfunc__find(const char *name)
{
	const struct bg_kfunc *k;
	char impl[128];

	if (!name)
		return NULL;
	k = bsearch(name, bg_kfuncs, bg_nkfuncs, sizeof(bg_kfuncs[0]), kfunc_cmp);
	/* bpf_obj_drop(p), a macro of bpf_experimental.h, calls bpf_obj_drop_impl(p, NULL) */
	if (!k && snprintf(impl, sizeof(impl), "%s_impl", name) < (int)sizeof(impl))
		k = bsearch(impl, bg_kfuncs, bg_nkfuncs, sizeof(bg_kfuncs[0]), kfunc_cmp);
	return k;
}

bool bg_kfunc__arg_nonnull(const struct bg_kfunc *k, unsigned arg)
{
	if (!k || arg >= 8 || !(k->ptr & (1u << arg)) || (k->nullable & (1u << arg)))
		return false;
	return k->flags & (BG_KF_TRUSTED_ARGS | BG_KF_RCU | BG_KF_RELEASE);
}

int bg_kfunc__consumes(const char *name)
{
	static const char *const takes_node[] = {
		"bpf_list_push_front", "bpf_list_push_back", "bpf_rbtree_add",
	};
	size_t i, n;

	for (i = 0; i < sizeof(takes_node) / sizeof(takes_node[0]); i++) {
		n = strlen(takes_node[i]);
		if (!strncmp(name, takes_node[i], n) && (!name[n] || !strcmp(name + n, "_impl")))
			return 1;
	}
	return -1;
}
