// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The context each program type receives: the kernel's include/linux/bpf_types.h,
 * visible on a BTF kernel as struct bpf_ctx_convert. The kernel never checks the
 * declared type of a main program's context, so this table is the only check.
 */
#include <string.h>

#include "tables.h"

static const struct bg_prog_type_info infos[] = {
	{ BG_PROG_SOCKET_FILTER,	"socket_filter",	"struct __sk_buff", NULL, false, BG_ACT_NONE },
	{ BG_PROG_KPROBE,		"kprobe",		"struct pt_regs", "struct user_pt_regs", false, BG_ACT_NONE },
	{ BG_PROG_SCHED_CLS,		"sched_cls",		"struct __sk_buff", NULL, false, BG_ACT_TC },
	{ BG_PROG_SCHED_ACT,		"sched_act",		"struct __sk_buff", NULL, false, BG_ACT_TC },
	{ BG_PROG_TRACEPOINT,		"tracepoint",		NULL, NULL, true, BG_ACT_NONE },
	{ BG_PROG_XDP,			"xdp",			"struct xdp_md", NULL, false, BG_ACT_XDP },
	{ BG_PROG_PERF_EVENT,		"perf_event",		"struct bpf_perf_event_data", NULL, false, BG_ACT_NONE },
	{ BG_PROG_CGROUP_SKB,		"cgroup_skb",		"struct __sk_buff", NULL, false, BG_ACT_NONE },
	{ BG_PROG_CGROUP_SOCK,		"cgroup_sock",		"struct bpf_sock", NULL, false, BG_ACT_NONE },
	{ BG_PROG_LWT_IN,		"lwt_in",		"struct __sk_buff", NULL, false, BG_ACT_LWT },
	{ BG_PROG_LWT_OUT,		"lwt_out",		"struct __sk_buff", NULL, false, BG_ACT_LWT },
	{ BG_PROG_LWT_XMIT,		"lwt_xmit",		"struct __sk_buff", NULL, false, BG_ACT_LWT },
	{ BG_PROG_SOCK_OPS,		"sock_ops",		"struct bpf_sock_ops", NULL, false, BG_ACT_NONE },
	{ BG_PROG_SK_SKB,		"sk_skb",		"struct __sk_buff", NULL, false, BG_ACT_SK },
	{ BG_PROG_CGROUP_DEVICE,	"cgroup_device",	"struct bpf_cgroup_dev_ctx", NULL, false, BG_ACT_NONE },
	{ BG_PROG_SK_MSG,		"sk_msg",		"struct sk_msg_md", NULL, false, BG_ACT_SK },
	{ BG_PROG_RAW_TRACEPOINT,	"raw_tracepoint",	"struct bpf_raw_tracepoint_args", NULL, true, BG_ACT_NONE },
	{ BG_PROG_CGROUP_SOCK_ADDR,	"cgroup_sock_addr",	"struct bpf_sock_addr", NULL, false, BG_ACT_NONE },
	{ BG_PROG_LWT_SEG6LOCAL,	"lwt_seg6local",	"struct __sk_buff", NULL, false, BG_ACT_LWT },
	{ BG_PROG_LIRC_MODE2,		"lirc_mode2",		NULL, NULL, true, BG_ACT_NONE },
	{ BG_PROG_SK_REUSEPORT,		"sk_reuseport",		"struct sk_reuseport_md", NULL, false, BG_ACT_SK },
	{ BG_PROG_FLOW_DISSECTOR,	"flow_dissector",	"struct __sk_buff", NULL, false, BG_ACT_NONE },
	{ BG_PROG_CGROUP_SYSCTL,	"cgroup_sysctl",	"struct bpf_sysctl", NULL, false, BG_ACT_NONE },
	{ BG_PROG_RAW_TRACEPOINT_WRITABLE, "raw_tracepoint_writable", "struct bpf_raw_tracepoint_args", NULL, true, BG_ACT_NONE },
	{ BG_PROG_CGROUP_SOCKOPT,	"cgroup_sockopt",	"struct bpf_sockopt", NULL, false, BG_ACT_NONE },
	{ BG_PROG_TRACING,		"tracing",		NULL, NULL, true, BG_ACT_NONE },
	{ BG_PROG_STRUCT_OPS,		"struct_ops",		NULL, NULL, true, BG_ACT_NONE },
	{ BG_PROG_EXT,			"ext",			NULL, NULL, true, BG_ACT_NONE },
	{ BG_PROG_LSM,			"lsm",			NULL, NULL, true, BG_ACT_NONE },
	{ BG_PROG_SK_LOOKUP,		"sk_lookup",		"struct bpf_sk_lookup", NULL, false, BG_ACT_SK },
	{ BG_PROG_SYSCALL,		"syscall",		NULL, NULL, true, BG_ACT_NONE },
	{ BG_PROG_NETFILTER,		"netfilter",		"struct bpf_nf_ctx", NULL, false, BG_ACT_NONE },
};

const struct bg_prog_type_info *bg_prog_type__info(enum bg_prog_type type)
{
	size_t i;

	for (i = 0; i < sizeof(infos) / sizeof(infos[0]); i++)
		if (infos[i].type == type)
			return &infos[i];
	return NULL;
}

enum bg_prog_type bg_prog_type__by_ctx(const char *canonical)
{
	size_t i;

	for (i = 0; i < sizeof(infos) / sizeof(infos[0]); i++)
		if ((infos[i].ctx && !strcmp(infos[i].ctx, canonical)) ||
		    (infos[i].ctx_alt && !strcmp(infos[i].ctx_alt, canonical)))
			return infos[i].type;
	return BG_PROG_UNSPEC;
}

/* uapi linux/bpf.h (xdp_action, sk_action, BPF_OK...) and linux/pkt_cls.h (TC_ACT_*) */
static const struct bg_action actions[] = {
	{ "XDP_ABORTED",	BG_ACT_XDP, 0 },
	{ "XDP_DROP",		BG_ACT_XDP, 1 },
	{ "XDP_PASS",		BG_ACT_XDP, 2 },
	{ "XDP_TX",		BG_ACT_XDP, 3 },
	{ "XDP_REDIRECT",	BG_ACT_XDP, 4 },
	{ "TC_ACT_UNSPEC",	BG_ACT_TC, -1 },
	{ "TC_ACT_OK",		BG_ACT_TC, 0 },
	{ "TC_ACT_RECLASSIFY",	BG_ACT_TC, 1 },
	{ "TC_ACT_SHOT",	BG_ACT_TC, 2 },
	{ "TC_ACT_PIPE",	BG_ACT_TC, 3 },
	{ "TC_ACT_STOLEN",	BG_ACT_TC, 4 },
	{ "TC_ACT_QUEUED",	BG_ACT_TC, 5 },
	{ "TC_ACT_REPEAT",	BG_ACT_TC, 6 },
	{ "TC_ACT_REDIRECT",	BG_ACT_TC, 7 },
	{ "TC_ACT_TRAP",	BG_ACT_TC, 8 },
	{ "SK_DROP",		BG_ACT_SK, 0 },
	{ "SK_PASS",		BG_ACT_SK, 1 },
	{ "BPF_OK",		BG_ACT_LWT, 0 },
	{ "BPF_DROP",		BG_ACT_LWT, 2 },
	{ "BPF_REDIRECT",	BG_ACT_LWT, 7 },
	{ "BPF_LWT_REROUTE",	BG_ACT_LWT, 128 },
};

const struct bg_action *bg_action__find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
		if (!strcmp(actions[i].name, name))
			return &actions[i];
	return NULL;
}

bool bg_action__range(enum bg_action_family family, long long *min, long long *max)
{
	switch (family) {
	case BG_ACT_XDP:
		*min = 0;
		*max = 4;
		return true;
	case BG_ACT_TC:
		*min = -1;
		*max = 8;
		return true;
	default:
		return false;
	}
}

const char *bg_action__family_name(enum bg_action_family family)
{
	switch (family) {
	case BG_ACT_XDP:
		return "XDP action (XDP_*)";
	case BG_ACT_TC:
		return "tc action (TC_ACT_*)";
	case BG_ACT_SK:
		return "socket verdict (SK_PASS, SK_DROP)";
	case BG_ACT_LWT:
		return "LWT verdict (BPF_OK, BPF_DROP, BPF_REDIRECT)";
	default:
		return "value";
	}
}
