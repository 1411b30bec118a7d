// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <criterion/criterion.h>

#include "tables/tables.h"

Test(contexts, fixed_contexts)
{
	cr_assert_str_eq(bg_prog_type__info(BG_PROG_XDP)->ctx, "struct xdp_md");
	cr_assert_str_eq(bg_prog_type__info(BG_PROG_SCHED_CLS)->ctx, "struct __sk_buff");
	cr_assert_str_eq(bg_prog_type__info(BG_PROG_SOCK_OPS)->ctx, "struct bpf_sock_ops");
	cr_assert_str_eq(bg_prog_type__info(BG_PROG_CGROUP_SOCK_ADDR)->ctx, "struct bpf_sock_addr");
	cr_assert_str_eq(bg_prog_type__info(BG_PROG_SK_MSG)->ctx, "struct sk_msg_md");
	cr_assert_str_eq(bg_prog_type__info(BG_PROG_KPROBE)->ctx, "struct pt_regs");
	cr_assert_str_eq(bg_prog_type__info(BG_PROG_PERF_EVENT)->ctx, "struct bpf_perf_event_data");
	cr_assert_null(bg_prog_type__info(BG_PROG_TRACEPOINT)->ctx);
	cr_assert_null(bg_prog_type__info(BG_PROG_TRACING)->ctx);
	cr_assert(bg_prog_type__info(BG_PROG_RAW_TRACEPOINT)->ctx_u64_array);
}

Test(contexts, every_program_type_has_a_row)
{
	int t;

	for (t = BG_PROG_SOCKET_FILTER; t < BG_PROG__MAX; t++)
		cr_assert_not_null(bg_prog_type__info(t), "type %d", t);
}

Test(contexts, owner_of_a_context)
{
	cr_assert_eq(bg_prog_type__by_ctx("struct xdp_md"), BG_PROG_XDP);
	cr_assert_eq(bg_prog_type__by_ctx("struct bpf_sock"), BG_PROG_CGROUP_SOCK);
	cr_assert_eq(bg_prog_type__by_ctx("struct trace_event_raw_sys_enter"), BG_PROG_UNSPEC);
}

Test(contexts, actions)
{
	cr_assert_eq(bg_action__find("TC_ACT_SHOT")->value, 2);
	cr_assert_eq(bg_action__find("TC_ACT_SHOT")->family, BG_ACT_TC);
	cr_assert_eq(bg_action__find("XDP_REDIRECT")->value, 4);
	cr_assert_eq(bg_action__find("SK_PASS")->family, BG_ACT_SK);
	cr_assert_null(bg_action__find("XDP_PASS_COUNT"));
}

Test(returns, enforced_ranges)
{
	const struct bg_return_range *r;

	r = bg_return_range__find(BG_PROG_CGROUP_SKB, "CGROUP_INET_INGRESS");
	cr_assert(r && r->min == 0 && r->max == 1);
	r = bg_return_range__find(BG_PROG_CGROUP_SKB, "CGROUP_INET_EGRESS");
	cr_assert(r && r->min == 0 && r->max == 3);
	r = bg_return_range__find(BG_PROG_CGROUP_SKB, NULL);
	cr_assert(r && r->max == 1);
	r = bg_return_range__find(BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_INET4_BIND");
	cr_assert(r && r->max == 3);
	r = bg_return_range__find(BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_UDP6_RECVMSG");
	cr_assert(r && r->min == 1 && r->max == 1);
	r = bg_return_range__find(BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_INET4_CONNECT");
	cr_assert(r && r->min == 0 && r->max == 1);
	r = bg_return_range__find(BG_PROG_TRACING, "TRACE_FEXIT");
	cr_assert(r && r->min == 0 && r->max == 0);
	cr_assert_null(bg_return_range__find(BG_PROG_TRACING, "TRACE_RAW_TP"));
	cr_assert_null(bg_return_range__find(BG_PROG_XDP, "XDP"));
	cr_assert_null(bg_return_range__find(BG_PROG_KPROBE, NULL));
}

Test(licenses, exact_strings_only)
{
	cr_assert(bg_license__gpl_compatible("GPL"));
	cr_assert(bg_license__gpl_compatible("Dual BSD/GPL"));
	cr_assert(bg_license__gpl_compatible("GPL and additional rights"));
	cr_assert_not(bg_license__gpl_compatible("GPL-2.0"));
	cr_assert_not(bg_license__gpl_compatible("gpl"));
	cr_assert_not(bg_license__gpl_compatible("GPL "));
	cr_assert_not(bg_license__gpl_compatible(""));
	cr_assert_str_eq(bg_license__suggest("GPL-2.0"), "GPL v2");
	cr_assert_str_eq(bg_license__suggest("gpl"), "GPL");
	cr_assert_null(bg_license__suggest("MIT"));
}

Test(helpers, gpl_and_sleepable_flags)
{
	cr_assert_eq(bg_helper__find("bpf_map_lookup_elem")->id, 1);
	cr_assert(bg_helper__find("bpf_probe_read_kernel")->flags & BG_HELPER_GPL);
	cr_assert(bg_helper__find("trace_printk")->flags & BG_HELPER_GPL);
	cr_assert_not(bg_helper__find("bpf_ktime_get_ns")->flags & BG_HELPER_GPL);
	cr_assert(bg_helper__find("bpf_copy_from_user")->flags & BG_HELPER_SLEEPABLE);
	cr_assert_null(bg_helper__find("bpf_no_such_helper"));
}
