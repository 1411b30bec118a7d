// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <criterion/criterion.h>

#include "tables/tables.h"

static enum bg_prog_type type_of(const char *sec)
{
	const struct bg_section_def *d = bg_section__find(sec);

	return d ? d->type : BG_PROG_UNSPEC;
}

Test(sections, exact_names_match_only_exactly)
{
	cr_assert_eq(type_of("xdp"), BG_PROG_XDP);
	cr_assert_eq(type_of("socket"), BG_PROG_SOCKET_FILTER);
	cr_assert_eq(type_of("sockops"), BG_PROG_SOCK_OPS);
	cr_assert_eq(type_of("xdp_pass"), BG_PROG_UNSPEC);
	cr_assert_eq(type_of("xdp/foo"), BG_PROG_UNSPEC);
	cr_assert_eq(type_of("socket/x"), BG_PROG_UNSPEC);
	cr_assert_eq(type_of("cgroup_skb"), BG_PROG_UNSPEC);
}

Test(sections, plus_matches_bare_or_slash)
{
	cr_assert_eq(type_of("kprobe"), BG_PROG_KPROBE);
	cr_assert_eq(type_of("kprobe/do_unlinkat"), BG_PROG_KPROBE);
	cr_assert_eq(type_of("kprobe_do_unlinkat"), BG_PROG_UNSPEC);
	cr_assert_eq(type_of("kprobe.multi/tcp_*"), BG_PROG_KPROBE);
	cr_assert_eq(type_of("tracepoint/syscalls/sys_enter_execve"), BG_PROG_TRACEPOINT);
	cr_assert_eq(type_of("tp/sched/sched_switch"), BG_PROG_TRACEPOINT);
	cr_assert_eq(type_of("raw_tp/sched_switch"), BG_PROG_RAW_TRACEPOINT);
	cr_assert_eq(type_of("raw_tp.w/x"), BG_PROG_RAW_TRACEPOINT_WRITABLE);
	cr_assert_eq(type_of("tp_btf/sched_switch"), BG_PROG_TRACING);
	cr_assert_eq(type_of("fentry/do_unlinkat"), BG_PROG_TRACING);
	cr_assert_eq(type_of("lsm/file_open"), BG_PROG_LSM);
	cr_assert_eq(type_of("uprobe.s//bin/bash:readline"), BG_PROG_KPROBE);
}

Test(sections, attach_types_follow_the_name)
{
	cr_assert_str_eq(bg_section__find("cgroup_skb/egress")->attach, "CGROUP_INET_EGRESS");
	cr_assert_str_eq(bg_section__find("cgroup_skb/ingress")->attach, "CGROUP_INET_INGRESS");
	cr_assert_str_eq(bg_section__find("cgroup/recvmsg4")->attach, "CGROUP_UDP4_RECVMSG");
	cr_assert_str_eq(bg_section__find("fexit/x")->attach, "TRACE_FEXIT");
	cr_assert_str_eq(bg_section__find("xdp/devmap")->attach, "XDP_DEVMAP");
	cr_assert(bg_section__find("uprobe.s/x")->flags & BG_SEC_SLEEPABLE);
	cr_assert_not(bg_section__find("uprobe/x")->flags & BG_SEC_SLEEPABLE);
}

Test(sections, question_mark_is_ignored)
{
	cr_assert_eq(type_of("?xdp"), BG_PROG_XDP);
	cr_assert_eq(type_of("?tp/sched/sched_switch"), BG_PROG_TRACEPOINT);
	cr_assert_eq(type_of("?xpd"), BG_PROG_UNSPEC);
}

Test(sections, suggest_typos)
{
	char buf[128];

	cr_assert_str_eq(bg_section__suggest("xpd", buf, sizeof(buf)), "xdp");
	cr_assert_str_eq(bg_section__suggest("tracepiont/syscalls/sys_enter_open", buf, sizeof(buf)),
			 "tracepoint/syscalls/sys_enter_open");
	cr_assert_str_eq(bg_section__suggest("kprob/do_unlinkat", buf, sizeof(buf)),
			 "kprobe/do_unlinkat");
	cr_assert_str_eq(bg_section__suggest("classifer", buf, sizeof(buf)), "classifier");
	cr_assert_str_eq(bg_section__suggest("cgroup_skb", buf, sizeof(buf)), "cgroup_skb/ingress");
	cr_assert_str_eq(bg_section__suggest("xdp_pass", buf, sizeof(buf)), "xdp");
	cr_assert_str_eq(bg_section__suggest("?sokcet", buf, sizeof(buf)), "socket");
	cr_assert_null(bg_section__suggest("completely_unrelated_name", buf, sizeof(buf)));
}

Test(sections, edit_distance_counts_transpositions_once)
{
	cr_assert_eq(bg_edit_distance("xpd", 3, "xdp", 3), 1);
	cr_assert_eq(bg_edit_distance("kprob", 5, "kprobe", 6), 1);
	cr_assert_eq(bg_edit_distance("", 0, "tc", 2), 2);
	cr_assert_eq(bg_edit_distance("same", 4, "same", 4), 0);
}

Test(sections, every_row_is_well_formed)
{
	size_t i;

	for (i = 0; i < bg_section_defs_cnt; i++) {
		const struct bg_section_def *d = &bg_section_defs[i];

		cr_assert(d->type > BG_PROG_UNSPEC && d->type < BG_PROG__MAX, "%s", d->sec);
		cr_assert_not_null(bg_prog_type__info(d->type), "%s", d->sec);
	}
}
