// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * libbpf's section_defs[] (src/libbpf.c): the SEC() names libbpf knows and the
 * program type and expected attach type each one gives. A pattern without '+'
 * or '/' matches exactly; "type+" matches "type" or "type/anything"; "type/"
 * needs the "/anything". Rows marked BG_SEC_NEW are missing in libbpf 1.1.
 */
#include <stdio.h>
#include <string.h>

#include "tables.h"

#define NEW BG_SEC_NEW
#define SLP BG_SEC_SLEEPABLE

const struct bg_section_def bg_section_defs[] = {
	{ "socket",			BG_PROG_SOCKET_FILTER,	NULL, 0 },
	{ "sk_reuseport/migrate",	BG_PROG_SK_REUSEPORT,	"SK_REUSEPORT_SELECT_OR_MIGRATE", 0 },
	{ "sk_reuseport",		BG_PROG_SK_REUSEPORT,	"SK_REUSEPORT_SELECT", 0 },
	{ "kprobe+",			BG_PROG_KPROBE,		NULL, 0 },
	{ "uprobe+",			BG_PROG_KPROBE,		NULL, 0 },
	{ "uprobe.s+",			BG_PROG_KPROBE,		NULL, SLP },
	{ "kretprobe+",			BG_PROG_KPROBE,		NULL, 0 },
	{ "uretprobe+",			BG_PROG_KPROBE,		NULL, 0 },
	{ "uretprobe.s+",		BG_PROG_KPROBE,		NULL, SLP },
	{ "kprobe.multi+",		BG_PROG_KPROBE,		"TRACE_KPROBE_MULTI", 0 },
	{ "kretprobe.multi+",		BG_PROG_KPROBE,		"TRACE_KPROBE_MULTI", 0 },
	{ "kprobe.session+",		BG_PROG_KPROBE,		"TRACE_KPROBE_SESSION", NEW },
	{ "uprobe.multi+",		BG_PROG_KPROBE,		"TRACE_UPROBE_MULTI", NEW },
	{ "uretprobe.multi+",		BG_PROG_KPROBE,		"TRACE_UPROBE_MULTI", NEW },
	{ "uprobe.session+",		BG_PROG_KPROBE,		"TRACE_UPROBE_SESSION", NEW },
	{ "uprobe.multi.s+",		BG_PROG_KPROBE,		"TRACE_UPROBE_MULTI", NEW | SLP },
	{ "uretprobe.multi.s+",		BG_PROG_KPROBE,		"TRACE_UPROBE_MULTI", NEW | SLP },
	{ "uprobe.session.s+",		BG_PROG_KPROBE,		"TRACE_UPROBE_SESSION", NEW | SLP },
	{ "ksyscall+",			BG_PROG_KPROBE,		NULL, 0 },
	{ "kretsyscall+",		BG_PROG_KPROBE,		NULL, 0 },
	{ "usdt+",			BG_PROG_KPROBE,		NULL, 0 },
	{ "usdt.s+",			BG_PROG_KPROBE,		NULL, NEW | SLP },
	{ "tc/ingress",			BG_PROG_SCHED_CLS,	"TCX_INGRESS", NEW },
	{ "tc/egress",			BG_PROG_SCHED_CLS,	"TCX_EGRESS", NEW },
	{ "tcx/ingress",		BG_PROG_SCHED_CLS,	"TCX_INGRESS", NEW },
	{ "tcx/egress",			BG_PROG_SCHED_CLS,	"TCX_EGRESS", NEW },
	{ "tc",				BG_PROG_SCHED_CLS,	NULL, 0 },
	{ "classifier",			BG_PROG_SCHED_CLS,	NULL, 0 },
	{ "action",			BG_PROG_SCHED_ACT,	NULL, 0 },
	{ "netkit/primary",		BG_PROG_SCHED_CLS,	"NETKIT_PRIMARY", NEW },
	{ "netkit/peer",		BG_PROG_SCHED_CLS,	"NETKIT_PEER", NEW },
	{ "tracepoint+",		BG_PROG_TRACEPOINT,	NULL, 0 },
	{ "tp+",			BG_PROG_TRACEPOINT,	NULL, 0 },
	{ "tracepoint.s+",		BG_PROG_TRACEPOINT,	NULL, NEW | SLP },
	{ "tp.s+",			BG_PROG_TRACEPOINT,	NULL, NEW | SLP },
	{ "raw_tracepoint+",		BG_PROG_RAW_TRACEPOINT,	NULL, 0 },
	{ "raw_tp+",			BG_PROG_RAW_TRACEPOINT,	NULL, 0 },
	{ "raw_tracepoint.w+",		BG_PROG_RAW_TRACEPOINT_WRITABLE, NULL, 0 },
	{ "raw_tp.w+",			BG_PROG_RAW_TRACEPOINT_WRITABLE, NULL, 0 },
	{ "raw_tracepoint.s+",		BG_PROG_RAW_TRACEPOINT,	NULL, NEW | SLP },
	{ "raw_tp.s+",			BG_PROG_RAW_TRACEPOINT,	NULL, NEW | SLP },
	{ "tp_btf+",			BG_PROG_TRACING,	"TRACE_RAW_TP", 0 },
	{ "fentry+",			BG_PROG_TRACING,	"TRACE_FENTRY", 0 },
	{ "fmod_ret+",			BG_PROG_TRACING,	"MODIFY_RETURN", 0 },
	{ "fexit+",			BG_PROG_TRACING,	"TRACE_FEXIT", 0 },
	{ "fentry.s+",			BG_PROG_TRACING,	"TRACE_FENTRY", SLP },
	{ "fmod_ret.s+",		BG_PROG_TRACING,	"MODIFY_RETURN", SLP },
	{ "fexit.s+",			BG_PROG_TRACING,	"TRACE_FEXIT", SLP },
	{ "freplace+",			BG_PROG_EXT,		NULL, 0 },
	{ "lsm+",			BG_PROG_LSM,		"LSM_MAC", 0 },
	{ "lsm.s+",			BG_PROG_LSM,		"LSM_MAC", SLP },
	{ "lsm_cgroup+",		BG_PROG_LSM,		"LSM_CGROUP", 0 },
	{ "iter+",			BG_PROG_TRACING,	"TRACE_ITER", 0 },
	{ "iter.s+",			BG_PROG_TRACING,	"TRACE_ITER", SLP },
	{ "syscall",			BG_PROG_SYSCALL,	NULL, SLP },
	{ "xdp.frags/devmap",		BG_PROG_XDP,		"XDP_DEVMAP", 0 },
	{ "xdp/devmap",			BG_PROG_XDP,		"XDP_DEVMAP", 0 },
	{ "xdp.frags/cpumap",		BG_PROG_XDP,		"XDP_CPUMAP", 0 },
	{ "xdp/cpumap",			BG_PROG_XDP,		"XDP_CPUMAP", 0 },
	{ "xdp.frags",			BG_PROG_XDP,		"XDP", 0 },
	{ "xdp",			BG_PROG_XDP,		"XDP", 0 },
	{ "perf_event",			BG_PROG_PERF_EVENT,	NULL, 0 },
	{ "lwt_in",			BG_PROG_LWT_IN,		NULL, 0 },
	{ "lwt_out",			BG_PROG_LWT_OUT,	NULL, 0 },
	{ "lwt_xmit",			BG_PROG_LWT_XMIT,	NULL, 0 },
	{ "lwt_seg6local",		BG_PROG_LWT_SEG6LOCAL,	NULL, 0 },
	{ "sockops",			BG_PROG_SOCK_OPS,	"CGROUP_SOCK_OPS", 0 },
	{ "sk_skb/stream_parser",	BG_PROG_SK_SKB,		"SK_SKB_STREAM_PARSER", 0 },
	{ "sk_skb/stream_verdict",	BG_PROG_SK_SKB,		"SK_SKB_STREAM_VERDICT", 0 },
	{ "sk_skb/verdict",		BG_PROG_SK_SKB,		"SK_SKB_VERDICT", NEW },
	{ "sk_skb",			BG_PROG_SK_SKB,		NULL, 0 },
	{ "sk_msg",			BG_PROG_SK_MSG,		"SK_MSG_VERDICT", 0 },
	{ "lirc_mode2",			BG_PROG_LIRC_MODE2,	"LIRC_MODE2", 0 },
	{ "flow_dissector",		BG_PROG_FLOW_DISSECTOR,	"FLOW_DISSECTOR", 0 },
	{ "cgroup_skb/ingress",		BG_PROG_CGROUP_SKB,	"CGROUP_INET_INGRESS", 0 },
	{ "cgroup_skb/egress",		BG_PROG_CGROUP_SKB,	"CGROUP_INET_EGRESS", 0 },
	{ "cgroup/skb",			BG_PROG_CGROUP_SKB,	NULL, 0 },
	{ "cgroup/sock_create",		BG_PROG_CGROUP_SOCK,	"CGROUP_INET_SOCK_CREATE", 0 },
	{ "cgroup/sock_release",	BG_PROG_CGROUP_SOCK,	"CGROUP_INET_SOCK_RELEASE", 0 },
	{ "cgroup/sock",		BG_PROG_CGROUP_SOCK,	"CGROUP_INET_SOCK_CREATE", 0 },
	{ "cgroup/post_bind4",		BG_PROG_CGROUP_SOCK,	"CGROUP_INET4_POST_BIND", 0 },
	{ "cgroup/post_bind6",		BG_PROG_CGROUP_SOCK,	"CGROUP_INET6_POST_BIND", 0 },
	{ "cgroup/bind4",		BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_INET4_BIND", 0 },
	{ "cgroup/bind6",		BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_INET6_BIND", 0 },
	{ "cgroup/connect4",		BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_INET4_CONNECT", 0 },
	{ "cgroup/connect6",		BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_INET6_CONNECT", 0 },
	{ "cgroup/connect_unix",	BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_UNIX_CONNECT", NEW },
	{ "cgroup/sendmsg4",		BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_UDP4_SENDMSG", 0 },
	{ "cgroup/sendmsg6",		BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_UDP6_SENDMSG", 0 },
	{ "cgroup/sendmsg_unix",	BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_UNIX_SENDMSG", NEW },
	{ "cgroup/recvmsg4",		BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_UDP4_RECVMSG", 0 },
	{ "cgroup/recvmsg6",		BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_UDP6_RECVMSG", 0 },
	{ "cgroup/recvmsg_unix",	BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_UNIX_RECVMSG", NEW },
	{ "cgroup/getpeername4",	BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_INET4_GETPEERNAME", 0 },
	{ "cgroup/getpeername6",	BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_INET6_GETPEERNAME", 0 },
	{ "cgroup/getpeername_unix",	BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_UNIX_GETPEERNAME", NEW },
	{ "cgroup/getsockname4",	BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_INET4_GETSOCKNAME", 0 },
	{ "cgroup/getsockname6",	BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_INET6_GETSOCKNAME", 0 },
	{ "cgroup/getsockname_unix",	BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_UNIX_GETSOCKNAME", NEW },
	{ "cgroup/sysctl",		BG_PROG_CGROUP_SYSCTL,	"CGROUP_SYSCTL", 0 },
	{ "cgroup/getsockopt",		BG_PROG_CGROUP_SOCKOPT,	"CGROUP_GETSOCKOPT", 0 },
	{ "cgroup/setsockopt",		BG_PROG_CGROUP_SOCKOPT,	"CGROUP_SETSOCKOPT", 0 },
	{ "cgroup/dev",			BG_PROG_CGROUP_DEVICE,	"CGROUP_DEVICE", 0 },
	{ "struct_ops+",		BG_PROG_STRUCT_OPS,	NULL, 0 },
	{ "struct_ops.s+",		BG_PROG_STRUCT_OPS,	NULL, SLP },
	{ "sk_lookup",			BG_PROG_SK_LOOKUP,	"SK_LOOKUP", 0 },
	{ "netfilter",			BG_PROG_NETFILTER,	"NETFILTER", NEW },
};

const size_t bg_section_defs_cnt = sizeof(bg_section_defs) / sizeof(bg_section_defs[0]);

static bool sec_matches(const char *pat, const char *sec)
{
	size_t len = strlen(pat);

	if (pat[len - 1] == '/')
		return !strncmp(sec, pat, len);
	if (pat[len - 1] == '+') {
		len--;
		return !strncmp(sec, pat, len) && (sec[len] == '\0' || sec[len] == '/');
	}
	return !strcmp(sec, pat);
}

const struct bg_section_def *bg_section__find(const char *sec)
{
	size_t i;

	if (sec[0] == '?')
		sec++;
	for (i = 0; i < bg_section_defs_cnt; i++)
		if (sec_matches(bg_section_defs[i].sec, sec))
			return &bg_section_defs[i];
	return NULL;
}

const struct bg_section_def *bg_section__find_legacy(const char *sec)
{
	size_t i, len;

	if (sec[0] == '?')
		sec++;
	for (i = 0; i < bg_section_defs_cnt; i++) {
		const struct bg_section_def *d = &bg_section_defs[i];

		len = strlen(d->sec);
		if ((d->flags & BG_SEC_NEW) || d->sec[len - 1] == '+' || d->sec[len - 1] == '/')
			continue;
		/* "xdp_foo", "socket/x": a word boundary, not "cgroup/device" */
		if (!strncmp(sec, d->sec, len) && sec[len] && strchr("_/.-", sec[len]))
			return d;
	}
	return NULL;
}

unsigned bg_edit_distance(const char *a, size_t alen, const char *b, size_t blen)
{
	/* optimal string alignment: a transposition costs one, like a typo */
	unsigned rows[3][65], *prev2 = rows[0], *prev = rows[1], *cur = rows[2], *t;
	size_t i, j;

	if (alen > 64 || blen > 64)
		return 1000;
	for (j = 0; j <= blen; j++)
		prev[j] = j;
	for (i = 1; i <= alen; i++) {
		cur[0] = i;
		for (j = 1; j <= blen; j++) {
			unsigned cost = a[i - 1] != b[j - 1];
			unsigned v = prev[j] + 1;

			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (prev[j - 1] + cost < v)
				v = prev[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[blen];
}

const char *bg_section__suggest(const char *sec, char *buf, size_t size)
{
	const char *best = NULL, *rest = "";
	size_t i, head_len, best_base = 0;
	unsigned best_d = 1000;

	if (sec[0] == '?')
		sec++;
	/* "cgroup_skb" -> "cgroup_skb/ingress": a section that needs its suffix */
	for (i = 0; i < bg_section_defs_cnt; i++) {
		const char *pat = bg_section_defs[i].sec;

		if (!(bg_section_defs[i].flags & BG_SEC_NEW) && !strncmp(pat, sec, strlen(sec)) &&
		    pat[strlen(sec)] == '/' && !strchr(pat, '+')) {
			snprintf(buf, size, "%s", pat);
			return buf;
		}
	}
	head_len = strcspn(sec, "/");
	for (i = 0; i < bg_section_defs_cnt; i++) {
		const char *pat = bg_section_defs[i].sec;
		size_t len = strlen(pat);
		bool open = pat[len - 1] == '+' || pat[len - 1] == '/';
		unsigned d;

		if (bg_section_defs[i].flags & BG_SEC_NEW)
			continue;
		if (open) {
			/* compare the part before the first '/' and keep the rest */
			d = bg_edit_distance(sec, head_len, pat, len - 1);
			if (d < best_d) {
				best_d = d;
				best = pat;
				best_base = len - 1;
				rest = sec + head_len;
			}
		} else {
			d = bg_edit_distance(sec, strlen(sec), pat, len);
			if (d < best_d) {
				best_d = d;
				best = pat;
				best_base = len;
				rest = "";
			}
		}
	}
	/* a typo is at most two edits, and fewer than a third of the name */
	if (best && best_d > 0 && best_d <= 2 && best_d * 3 <= best_base) {
		snprintf(buf, size, "%.*s%s", (int)best_base, best, rest);
		return buf;
	}
	/* "xdp_pass" -> "xdp": extra text after an exact name */
	for (i = 0; i < bg_section_defs_cnt; i++) {
		const char *pat = bg_section_defs[i].sec;
		size_t len = strlen(pat);

		if (pat[len - 1] == '+' || pat[len - 1] == '/')
			len--;
		if (!(bg_section_defs[i].flags & BG_SEC_NEW) && len >= 2 && !strncmp(pat, sec, len) &&
		    (sec[len] == '_' || sec[len] == '-' || sec[len] == '.')) {
			snprintf(buf, size, "%.*s", (int)len, pat);
			return buf;
		}
	}
	return NULL;
}
