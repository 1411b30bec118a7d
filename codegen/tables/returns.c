// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Return values the kernel enforces at load (check_return_code() in the
 * verifier), by program type and expected attach type. Linux 6.18: a program
 * that can exit with a value outside the range is refused ("At program exit
 * the register R0 has smin=2 smax=2 should have been in [0, 1]").
 */
#include <string.h>

#include "tables.h"

static const struct bg_return_range ranges[] = {
	{ BG_PROG_CGROUP_SKB,	"CGROUP_INET_EGRESS",	0, 3, "bit 0 allows the packet, bit 1 signals congestion" },
	{ BG_PROG_CGROUP_SKB,	NULL,			0, 1, "0 drops the packet, 1 allows it" },
	{ BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_INET4_BIND",	0, 3, "0 refuses, 1 allows, bit 1 skips the port capability check" },
	{ BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_INET6_BIND",	0, 3, "0 refuses, 1 allows, bit 1 skips the port capability check" },
	{ BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_UDP4_RECVMSG",	1, 1, "the hook cannot refuse: return 1" },
	{ BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_UDP6_RECVMSG",	1, 1, "the hook cannot refuse: return 1" },
	{ BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_UNIX_RECVMSG",	1, 1, "the hook cannot refuse: return 1" },
	{ BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_INET4_GETPEERNAME", 1, 1, "the hook cannot refuse: return 1" },
	{ BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_INET6_GETPEERNAME", 1, 1, "the hook cannot refuse: return 1" },
	{ BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_UNIX_GETPEERNAME", 1, 1, "the hook cannot refuse: return 1" },
	{ BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_INET4_GETSOCKNAME", 1, 1, "the hook cannot refuse: return 1" },
	{ BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_INET6_GETSOCKNAME", 1, 1, "the hook cannot refuse: return 1" },
	{ BG_PROG_CGROUP_SOCK_ADDR, "CGROUP_UNIX_GETSOCKNAME", 1, 1, "the hook cannot refuse: return 1" },
	{ BG_PROG_CGROUP_SOCK_ADDR, NULL,		0, 1, "0 refuses the call, 1 allows it" },
	{ BG_PROG_CGROUP_SOCK,	NULL,			0, 1, "0 refuses, 1 allows" },
	{ BG_PROG_SOCK_OPS,	NULL,			0, 1, "0 or 1; results go in skops->reply" },
	{ BG_PROG_CGROUP_DEVICE, NULL,			0, 1, "0 refuses access to the device, 1 allows it" },
	{ BG_PROG_CGROUP_SYSCTL, NULL,			0, 1, "0 refuses the sysctl access, 1 allows it" },
	{ BG_PROG_CGROUP_SOCKOPT, NULL,			0, 1, "0 refuses with EPERM, 1 continues" },
	{ BG_PROG_SK_LOOKUP,	NULL,			0, 1, "SK_DROP (0) or SK_PASS (1)" },
	{ BG_PROG_NETFILTER,	NULL,			0, 1, "NF_DROP (0) or NF_ACCEPT (1)" },
	{ BG_PROG_TRACING,	"TRACE_FENTRY",		0, 0, "fentry programs must return 0" },
	{ BG_PROG_TRACING,	"TRACE_FEXIT",		0, 0, "fexit programs must return 0" },
	{ BG_PROG_TRACING,	"TRACE_ITER",		0, 1, "0 continues, 1 restarts the element" },
	{ BG_PROG_KPROBE,	"TRACE_KPROBE_SESSION",	0, 1, "0 runs the return probe, 1 skips it" },
};

const struct bg_return_range *bg_return_range__find(enum bg_prog_type type, const char *attach)
{
	size_t i;

	for (i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++) {
		if (ranges[i].type != type)
			continue;
		if (!ranges[i].attach || (attach && !strcmp(ranges[i].attach, attach)))
			return &ranges[i];
	}
	return NULL;
}
