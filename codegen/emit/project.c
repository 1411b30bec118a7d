// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The templates of `bpfgen new` (codegen/new.c): the five files of a project
 * on the typed layer, for each program type.
 *
 * The templates are strings. "@N@" is the project's name and "@G@" its name
 * in capitals; every other character is copied as is, so the templates are
 * plain C and CMake (a '%' needs no escaping, unlike bg_codegen()'s).
 */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "emit.h"

/* How the loader attaches the program: one userspace template per kind. */
enum new_attach {
	NEW_XDP,	/* IFACE, bpf_xdp_attach */
	NEW_TC,		/* IFACE, clsact ingress */
	NEW_SOCKET,	/* a packet socket of its own */
	NEW_CGROUP,	/* [CGROUP], default /sys/fs/cgroup */
	NEW_SOCKMAP,	/* the program's sockmap 'socks' */
	NEW_NETNS,	/* [NETNS], default /proc/self/ns/net */
	NEW_AUTO,	/* the section names the target */
	NEW_UPROBE,	/* BINARY FUNCTION [PID] */
	NEW_URETPROBE,
	NEW_PERF,	/* a CPU clock event on every CPU */
	NEW_REUSEPORT,	/* [PORT]: a UDP reuseport group of its own on 127.0.0.1 */
	NEW_NETFILTER,	/* a netfilter link on IPv4 LOCAL_IN */
	NEW_SYSCALL,	/* run with BPF_PROG_TEST_RUN, on its argument struct */
	NEW_ITER,	/* the section names the target; the loader reads the iterator */
	NEW_STRUCT_OPS,	/* registers the struct_ops map 'cc' */
	NEW_FREPLACE,	/* IFACE: the XDP target NAME_target.bpf.c there, then the replacement */
};

/*
 * One row per program type of the typed layer. PROG is the program, written
 * over the helpers every project has: count(key) adds one to counts[key],
 * report(value) sends an event (only when EVENTS).
 */
static const struct new_type {
	const char *name;
	enum new_attach attach;
	bool events;
	const char *what;	/* what the program does, for the README and comments */
	const char *key;	/* what a key of 'counts' is */
	const char *decls;	/* maps beyond counts and events */
	const char *prog;
	const char *shared;	/* more of NAME.h: types both sides use */
} new_types[] = {
	{ "xdp", NEW_XDP, false,
	  "counts the IPv4 packets that arrive on an interface, per IP protocol, with XDP",
	  "IP protocol", "",
	  "BPFGEN_XDP(handle)\n"
	  "{\n"
	  "\tstruct ethhdr *eth = bpfgen_ptr_at(ctx, 0, struct ethhdr);\n"
	  "\tstruct iphdr *ip;\n"
	  "\n"
	  "\tif (!eth || eth->h_proto != bpf_htons(ETH_P_IP))\n"
	  "\t\treturn BPFGEN_XDP_PASS;\n"
	  "\tip = bpfgen_ptr_at(ctx, sizeof(*eth), struct iphdr);\n"
	  "\tif (!ip)\n"
	  "\t\treturn BPFGEN_XDP_PASS;\n"
	  "\tcount(ip->protocol);\n"
	  "\treturn BPFGEN_XDP_PASS;\n"
	  "}\n" },
	{ "classifier", NEW_TC, false,
	  "counts the IPv4 packets that arrive on an interface, per IP protocol, with a tc classifier",
	  "IP protocol", "",
	  "BPFGEN_TC(handle)\n"
	  "{\n"
	  "\tstruct ethhdr *eth = bpfgen_ptr_at(ctx, 0, struct ethhdr);\n"
	  "\tstruct iphdr *ip;\n"
	  "\n"
	  "\tif (!eth || eth->h_proto != bpf_htons(ETH_P_IP))\n"
	  "\t\treturn BPFGEN_TC_OK;\n"
	  "\tip = bpfgen_ptr_at(ctx, sizeof(*eth), struct iphdr);\n"
	  "\tif (!ip)\n"
	  "\t\treturn BPFGEN_TC_OK;\n"
	  "\tcount(ip->protocol);\n"
	  "\treturn BPFGEN_TC_OK;\n"
	  "}\n" },
	{ "socket_filter", NEW_SOCKET, false,
	  "counts the packets a packet socket sees, per packet type (host, broadcast, outgoing, ...), and keeps them all",
	  "packet type (PACKET_HOST 0, PACKET_BROADCAST 1, PACKET_OUTGOING 4, ...)", "",
	  "BPFGEN_SOCKET_FILTER(handle)\n"
	  "{\n"
	  "\tcount(bpfgen_socket_filter_pkt_type(ctx));\n"
	  "\treturn BPFGEN_SOCKET_KEEP(bpfgen_socket_filter_len(ctx));\n"
	  "}\n" },
	{ "cgroup_skb", NEW_CGROUP, false,
	  "counts the packets that the processes of a cgroup send, per size class of 64 bytes, and lets them all pass",
	  "packet size / 64", "",
	  "BPFGEN_CGROUP_SKB_EGRESS(handle)\n"
	  "{\n"
	  "\tcount(bpfgen_cgroup_skb_len(ctx) / 64);\n"
	  "\treturn BPFGEN_VERDICT_PASS;\n"
	  "}\n" },
	{ "cgroup_sock", NEW_CGROUP, false,
	  "counts the sockets that the processes of a cgroup create, per socket type, and allows them all",
	  "socket type (SOCK_STREAM 1, SOCK_DGRAM 2, SOCK_RAW 3)", "",
	  "BPFGEN_CGROUP_SOCK(handle)\n"
	  "{\n"
	  "\tcount(bpfgen_cgroup_sock_type(ctx));\n"
	  "\treturn BPFGEN_VERDICT_PASS;\n"
	  "}\n" },
	{ "cgroup_sock_addr", NEW_CGROUP, false,
	  "counts the IPv4 connect() calls of the processes of a cgroup, per destination port, and allows them all",
	  "destination port", "",
	  "BPFGEN_CGROUP_SOCK_ADDR(handle, \"connect4\")\n"
	  "{\n"
	  "\tcount(bpf_ntohs((__u16)bpfgen_cgroup_sock_addr_user_port(ctx)));\n"
	  "\treturn BPFGEN_VERDICT_PASS;\n"
	  "}\n" },
	{ "cgroup_sockopt", NEW_CGROUP, false,
	  "counts the getsockopt() calls of the processes of a cgroup, per option name, and leaves their results alone",
	  "option name (SO_TYPE 3, TCP_INFO 11, ...)", "",
	  "BPFGEN_CGROUP_SOCKOPT(handle, \"getsockopt\")\n"
	  "{\n"
	  "\tcount(bpfgen_cgroup_sockopt_optname(ctx));\n"
	  "\treturn BPFGEN_VERDICT_PASS;\n"
	  "}\n" },
	{ "cgroup_sysctl", NEW_CGROUP, false,
	  "counts the sysctl reads and writes of the processes of a cgroup, and allows them all",
	  "0 read, 1 write", "",
	  "BPFGEN_CGROUP_SYSCTL(handle)\n"
	  "{\n"
	  "\tcount(bpfgen_cgroup_sysctl_write(ctx));\n"
	  "\treturn BPFGEN_VERDICT_PASS;\n"
	  "}\n" },
	{ "cgroup_device", NEW_CGROUP, false,
	  "counts the device accesses of the processes of a cgroup, per major number, and allows them all",
	  "device major number", "",
	  "BPFGEN_CGROUP_DEVICE(handle)\n"
	  "{\n"
	  "\tcount(bpfgen_cgroup_device_major(ctx));\n"
	  "\treturn BPFGEN_VERDICT_PASS;\n"
	  "}\n" },
	{ "sock_ops", NEW_CGROUP, false,
	  "counts the TCP socket operations (connect, established, ...) of the processes of a cgroup, per operation",
	  "BPF_SOCK_OPS_* operation", "",
	  "BPFGEN_SOCK_OPS(handle)\n"
	  "{\n"
	  "\tcount(bpfgen_sock_ops_op(ctx));\n"
	  "\treturn BPFGEN_VERDICT_PASS;\n"
	  "}\n" },
	{ "sk_msg", NEW_SOCKMAP, false,
	  "counts the messages sent on the sockets of the sockmap 'socks', per size class of 64 bytes",
	  "message size / 64",
	  "BPFGEN_SOCKMAP(socks, __u32, 64);\n",
	  "BPFGEN_SK_MSG(handle)\n"
	  "{\n"
	  "\tcount(bpfgen_sk_msg_size(ctx) / 64);\n"
	  "\treturn BPFGEN_VERDICT_PASS;\n"
	  "}\n" },
	{ "sk_skb", NEW_SOCKMAP, false,
	  "counts the data received on the sockets of the sockmap 'socks', per size class of 64 bytes",
	  "data size / 64",
	  "BPFGEN_SOCKMAP(socks, __u32, 64);\n",
	  "BPFGEN_SK_SKB(handle, \"stream_verdict\")\n"
	  "{\n"
	  "\tcount(bpfgen_sk_skb_len(ctx) / 64);\n"
	  "\treturn BPFGEN_VERDICT_PASS;\n"
	  "}\n" },
	{ "sk_lookup", NEW_NETNS, false,
	  "counts the socket lookups of incoming connections in a network namespace, per local port, and leaves the choice to the kernel",
	  "local port", "",
	  "BPFGEN_SK_LOOKUP(handle)\n"
	  "{\n"
	  "\tcount(bpfgen_sk_lookup_local_port(ctx));\n"
	  "\treturn BPFGEN_VERDICT_PASS;\n"
	  "}\n" },
	{ "kprobe", NEW_AUTO, true,
	  "reports every file deletion (a kprobe on do_unlinkat) and counts them per process",
	  "process id", "",
	  "BPFGEN_KPROBE(handle, \"do_unlinkat\", int dfd, struct filename *name)\n"
	  "{\n"
	  "\t__u32 pid = bpf_get_current_pid_tgid() >> 32;\n"
	  "\n"
	  "\tcount(pid);\n"
	  "\treport(dfd);\n"
	  "\treturn 0;\n"
	  "}\n" },
	{ "kretprobe", NEW_AUTO, true,
	  "reports the result of every file deletion (a kretprobe on do_unlinkat) and counts them per process",
	  "process id", "",
	  "BPFGEN_KRETPROBE(handle, \"do_unlinkat\", long ret)\n"
	  "{\n"
	  "\t__u32 pid = bpf_get_current_pid_tgid() >> 32;\n"
	  "\n"
	  "\tcount(pid);\n"
	  "\treport(ret);\n"
	  "\treturn 0;\n"
	  "}\n" },
	{ "uprobe", NEW_UPROBE, true,
	  "reports every call of a function of a program or library (a uprobe) with its first argument, and counts the calls per process",
	  "process id", "",
	  "BPFGEN_UPROBE(handle, \"\", long arg)\n"
	  "{\n"
	  "\t__u32 pid = bpf_get_current_pid_tgid() >> 32;\n"
	  "\n"
	  "\tcount(pid);\n"
	  "\treport(arg);\n"
	  "\treturn 0;\n"
	  "}\n" },
	{ "uretprobe", NEW_URETPROBE, true,
	  "reports the return value of every call of a function of a program or library (a uretprobe), and counts the calls per process",
	  "process id", "",
	  "BPFGEN_URETPROBE(handle, \"\", long ret)\n"
	  "{\n"
	  "\t__u32 pid = bpf_get_current_pid_tgid() >> 32;\n"
	  "\n"
	  "\tcount(pid);\n"
	  "\treport(ret);\n"
	  "\treturn 0;\n"
	  "}\n" },
	{ "tracepoint", NEW_AUTO, true,
	  "reports every exec (the sched/sched_process_exec tracepoint) and counts them per process",
	  "process id", "",
	  "BPFGEN_TRACEPOINT(handle, \"sched\", \"sched_process_exec\", struct trace_event_raw_sched_process_exec)\n"
	  "{\n"
	  "\tcount(args->pid);\n"
	  "\treport(args->old_pid);\n"
	  "\treturn 0;\n"
	  "}\n" },
	{ "raw_tracepoint", NEW_AUTO, true,
	  "reports every exec (the raw tracepoint sched_process_exec) with the pid before the exec, and counts them per process",
	  "process id", "",
	  "BPFGEN_RAW_TRACEPOINT(handle, \"sched_process_exec\", struct task_struct *p, int old_pid)\n"
	  "{\n"
	  "\t__u32 pid = bpf_get_current_pid_tgid() >> 32;\n"
	  "\n"
	  "\tcount(pid);\n"
	  "\treport(old_pid);\n"
	  "\treturn 0;\n"
	  "}\n" },
	{ "tp_btf", NEW_AUTO, true,
	  "reports every new process or thread (the BTF tracepoint sched_process_fork) with the child's pid, and counts forks per parent",
	  "parent process id", "",
	  "BPFGEN_TP_BTF(handle, \"sched_process_fork\", struct task_struct *parent, struct task_struct *child)\n"
	  "{\n"
	  "\tcount(parent->tgid);\n"
	  "\treport(child->pid);\n"
	  "\treturn 0;\n"
	  "}\n" },
	{ "fentry", NEW_AUTO, true,
	  "reports every file deletion (fentry on do_unlinkat) and counts them per process",
	  "process id", "",
	  "BPFGEN_FENTRY(handle, \"do_unlinkat\", int dfd, struct filename *name)\n"
	  "{\n"
	  "\t__u32 pid = bpf_get_current_pid_tgid() >> 32;\n"
	  "\n"
	  "\tcount(pid);\n"
	  "\treport(dfd);\n"
	  "\treturn 0;\n"
	  "}\n" },
	{ "fexit", NEW_AUTO, true,
	  "reports the result of every file deletion (fexit on do_unlinkat) and counts them per process",
	  "process id", "",
	  "BPFGEN_FEXIT(handle, \"do_unlinkat\", int dfd, struct filename *name, long ret)\n"
	  "{\n"
	  "\t__u32 pid = bpf_get_current_pid_tgid() >> 32;\n"
	  "\n"
	  "\tcount(pid);\n"
	  "\treport(ret);\n"
	  "\treturn 0;\n"
	  "}\n" },
	{ "lsm", NEW_AUTO, true,
	  "reports every file open (the LSM hook file_open) and counts them per process; it allows them all",
	  "process id", "",
	  "BPFGEN_LSM(handle, \"file_open\", struct file *file)\n"
	  "{\n"
	  "\t__u32 pid = bpf_get_current_pid_tgid() >> 32;\n"
	  "\n"
	  "\tcount(pid);\n"
	  "\treport(file->f_flags);\n"
	  "\treturn 0;\n"
	  "}\n" },
	{ "perf_event", NEW_PERF, false,
	  "samples every CPU 49 times a second (a perf event on the CPU clock) and counts the samples per process",
	  "process id (0: idle)", "",
	  "BPFGEN_PERF_EVENT(handle)\n"
	  "{\n"
	  "\tcount(bpf_get_current_pid_tgid() >> 32);\n"
	  "\treturn 0;\n"
	  "}\n" },
	{ "flow_dissector", NEW_NETNS, false,
	  "dissects the IPv4 packets of a network namespace with its own flow dissector, counting them per IP protocol",
	  "IP protocol", "",
	  "BPFGEN_FLOW_DISSECTOR(handle)\n"
	  "{\n"
	  "\tstruct bpf_flow_keys *keys = bpfgen_flow_dissector_keys(ctx);\n"
	  "\t__u32 nhoff = keys->nhoff;\n"
	  "\tstruct iphdr *ip;\n"
	  "\n"
	  "\t/* anything but IPv4: the kernel's own dissector does it */\n"
	  "\tif (keys->n_proto != bpf_htons(ETH_P_IP) || nhoff > 256)\n"
	  "\t\treturn BPFGEN_FLOW_CONTINUE;\n"
	  "\tip = bpfgen_ptr_at(ctx, nhoff, struct iphdr);\n"
	  "\tif (!ip)\n"
	  "\t\treturn BPFGEN_FLOW_DROP;\n"
	  "\tcount(ip->protocol);\n"
	  "\tkeys->addr_proto = ETH_P_IP;\n"
	  "\tkeys->ip_proto = ip->protocol;\n"
	  "\tkeys->ipv4_src = ip->saddr;\n"
	  "\tkeys->ipv4_dst = ip->daddr;\n"
	  "\tkeys->thoff = nhoff + ip->ihl * 4;\n"
	  "\treturn BPFGEN_FLOW_OK;\n"
	  "}\n" },
	{ "sk_reuseport", NEW_REUSEPORT, false,
	  "counts the datagrams that arrive on a group of UDP sockets sharing a port, per payload size class of 64 bytes, and lets the kernel pick the socket",
	  "payload size / 64", "",
	  "BPFGEN_SK_REUSEPORT(handle)\n"
	  "{\n"
	  "\t/* the packet starts at the UDP header */\n"
	  "\tcount((bpfgen_sk_reuseport_len(ctx) - 8) / 64);\n"
	  "\treturn BPFGEN_VERDICT_PASS;\n"
	  "}\n" },
	{ "netfilter", NEW_NETFILTER, false,
	  "counts the IPv4 packets that arrive for this host (the netfilter hook LOCAL_IN), per IP protocol, and accepts them all",
	  "IP protocol", "",
	  "BPFGEN_NETFILTER(handle)\n"
	  "{\n"
	  "\tstruct sk_buff *skb = bpfgen_netfilter_skb(ctx);\n"
	  "\tstruct iphdr ip;\n"
	  "\n"
	  "\tif (bpf_probe_read_kernel(&ip, sizeof(ip), skb->head + skb->network_header))\n"
	  "\t\treturn BPFGEN_NF_ACCEPT;\n"
	  "\tcount(ip.protocol);\n"
	  "\treturn BPFGEN_NF_ACCEPT;\n"
	  "}\n" },
	{ "syscall", NEW_SYSCALL, false,
	  "is run by its loader with BPF_PROG_TEST_RUN (a syscall program): it counts the key it is given and returns how often it saw it",
	  "the key the loader passed", "",
	  "BPFGEN_SYSCALL(handle, struct @N@_args)\n"
	  "{\n"
	  "\t__u32 key = ctx->key;\t/* a map key on the stack: the verifier refuses one in ctx */\n"
	  "\t__u64 *n;\n"
	  "\n"
	  "\tcount(key);\n"
	  "\tn = counts_lookup(&key);\n"
	  "\tctx->seen = n ? *n : 0;\n"
	  "\treturn 0;\n"
	  "}\n",
	  "\n"
	  "/* What the loader passes to the syscall program, and what it writes back. */\n"
	  "struct @N@_args {\n"
	  "\t__u32 key;\t\t/* in: what to count */\n"
	  "\t__u32 pad;\n"
	  "\t__u64 seen;\t\t/* out: how many times key was counted */\n"
	  "};\n" },
	{ "iter", NEW_ITER, false,
	  "lists every task of the system with a task iterator and counts them, user tasks (0) and kernel threads (1)",
	  "0 user task, 1 kernel thread", "",
	  "BPFGEN_ITER(handle, task, struct task_struct *task)\n"
	  "{\n"
	  "\tif (!task)\n"
	  "\t\treturn 0;\t/* the end of the iteration */\n"
	  "\tcount(task->flags & 0x00200000 /* PF_KTHREAD */ ? 1 : 0);\n"
	  "\tBPF_SEQ_PRINTF(bpfgen_iter_seq(ctx), \"%d %s\\n\", task->pid, task->comm);\n"
	  "\treturn 0;\n"
	  "}\n" },
	{ "fmod_ret", NEW_AUTO, true,
	  "reports every file open (fmod_ret on security_file_open) and counts them per process; it lets every open go on",
	  "process id", "",
	  "BPFGEN_FMOD_RET(handle, \"security_file_open\", struct file *file, int ret)\n"
	  "{\n"
	  "\t__u32 pid = bpf_get_current_pid_tgid() >> 32;\n"
	  "\n"
	  "\tcount(pid);\n"
	  "\treport(file->f_flags);\n"
	  "\treturn ret;\t/* 0: the open goes on; an -errno would fail it */\n"
	  "}\n" },
	{ "freplace", NEW_FREPLACE, false,
	  "replaces xdp_policy(), the global function of the XDP program in @N@_target.bpf.c, while it runs: the replacement counts the IPv4 packets per IP protocol and passes them all",
	  "IP protocol", "",
	  "/*\n"
	  " * The kernel checks this prototype against xdp_policy() of the target\n"
	  " * program at load: int xdp_policy(struct xdp_md *).\n"
	  " */\n"
	  "BPFGEN_FREPLACE(handle, \"xdp_policy\", xdp)\n"
	  "{\n"
	  "\tstruct ethhdr *eth = bpfgen_ptr_at(ctx, 0, struct ethhdr);\n"
	  "\tstruct iphdr *ip;\n"
	  "\n"
	  "\tif (!eth || eth->h_proto != bpf_htons(ETH_P_IP))\n"
	  "\t\treturn BPFGEN_XDP_PASS;\n"
	  "\tip = bpfgen_ptr_at(ctx, sizeof(*eth), struct iphdr);\n"
	  "\tif (!ip)\n"
	  "\t\treturn BPFGEN_XDP_PASS;\n"
	  "\tcount(ip->protocol);\n"
	  "\treturn BPFGEN_XDP_PASS;\n"
	  "}\n" },
	{ "struct_ops", NEW_STRUCT_OPS, false,
	  "is a TCP congestion control (Reno, from the kernel's own functions) named after the project, counting its calls per operation",
	  "operation (0 init, 1 ssthresh, 2 cong_avoid, 3 undo_cwnd)", "",
	  "extern void tcp_reno_cong_avoid(struct sock *sk, __u32 ack, __u32 acked) __ksym;\n"
	  "extern __u32 tcp_reno_ssthresh(struct sock *sk) __ksym;\n"
	  "extern __u32 tcp_reno_undo_cwnd(struct sock *sk) __ksym;\n"
	  "\n"
	  "void BPFGEN_STRUCT_OPS(handle_init, tcp_congestion_ops, init, struct sock *sk)\n"
	  "{\n"
	  "\tcount(0);\n"
	  "}\n"
	  "\n"
	  "__u32 BPFGEN_STRUCT_OPS(handle_ssthresh, tcp_congestion_ops, ssthresh, struct sock *sk)\n"
	  "{\n"
	  "\tcount(1);\n"
	  "\treturn tcp_reno_ssthresh(sk);\n"
	  "}\n"
	  "\n"
	  "void BPFGEN_STRUCT_OPS(handle_cong_avoid, tcp_congestion_ops, cong_avoid, struct sock *sk,\n"
	  "\t\t       __u32 ack, __u32 acked)\n"
	  "{\n"
	  "\tcount(2);\n"
	  "\ttcp_reno_cong_avoid(sk, ack, acked);\n"
	  "}\n"
	  "\n"
	  "__u32 BPFGEN_STRUCT_OPS(handle_undo_cwnd, tcp_congestion_ops, undo_cwnd, struct sock *sk)\n"
	  "{\n"
	  "\tcount(3);\n"
	  "\treturn tcp_reno_undo_cwnd(sk);\n"
	  "}\n"
	  "\n"
	  "/* sockets choose it with setsockopt(TCP_CONGESTION, \"@N@\") while the loader runs */\n"
	  "SEC(\".struct_ops\")\n"
	  "struct tcp_congestion_ops cc = {\n"
	  "\t.init = (void *)handle_init,\n"
	  "\t.ssthresh = (void *)handle_ssthresh,\n"
	  "\t.cong_avoid = (void *)handle_cong_avoid,\n"
	  "\t.undo_cwnd = (void *)handle_undo_cwnd,\n"
	  "\t.name = \"@N@\",\n"
	  "};\n" },
};

#define NR_NEW_TYPES (sizeof(new_types) / sizeof(new_types[0]))

struct new_ctx {
	const char *name;
	char upper[128];
	const struct new_type *type;
};

/* Copy TMPL to OUT with @N@ and @G@ replaced. */
static void put(FILE *out, const struct new_ctx *c, const char *tmpl)
{
	const char *p;

	for (p = tmpl; *p; p++) {
		if (p[0] == '@' && (p[1] == 'N' || p[1] == 'G') && p[2] == '@') {
			fputs(p[1] == 'N' ? c->name : c->upper, out);
			p += 2;
			continue;
		}
		fputc(*p, out);
	}
}

/* ---- NAME.h --------------------------------------------------------------- */

static void write_header(FILE *out, const struct new_ctx *c)
{
	put(out, c,
	    "/* SPDX-License-Identifier: GPL-2.0 */\n"
	    "/* Types and constants shared by @N@.bpf.c and @N@.c. */\n"
	    "#ifndef @G@_H\n"
	    "#define @G@_H\n"
	    "\n"
	    "#ifndef __VMLINUX_H__\n"
	    "#include <linux/types.h>\n"
	    "#endif\n"
	    "\n"
	    "/* The number of keys the 'counts' map holds. */\n"
	    "#define @G@_MAX_KEYS 1024\n");
	if (c->type->events)
		put(out, c,
		    "\n"
		    "/* One event, sent through the 'events' ring buffer. */\n"
		    "struct @N@_event {\n"
		    "\t__u64 ts_ns;\t\t/* bpf_ktime_get_ns() */\n"
		    "\t__u32 pid;\t\t/* process id (tgid) */\n"
		    "\t__s32 value;\t\t/* what the program reports, see @N@.bpf.c */\n"
		    "\tchar comm[16];\t\t/* the task's command name */\n"
		    "};\n");
	if (c->type->shared)
		put(out, c, c->type->shared);
	put(out, c, "\n#endif /* @G@_H */\n");
}

/* ---- NAME.bpf.c ------------------------------------------------------------ */

static void write_bpf(FILE *out, const struct new_ctx *c)
{
	const struct new_type *t = c->type;

	put(out, c, "// SPDX-License-Identifier: GPL-2.0\n/*\n * @N@: ");
	put(out, c, t->what);
	put(out, c,
	    ".\n"
	    " * Written with bpfgen's typed layer (bpfgen/bpf.h).\n"
	    " */\n"
	    "#include \"vmlinux.h\"\n"
	    "#include <bpf/bpf_core_read.h>\n"
	    "#include <bpf/bpf_endian.h>\n"
	    "#include <bpfgen/bpf.h>\n"
	    "\n"
	    "#include \"@N@.h\"\n"
	    "\n"
	    "#define EEXIST 17\n"
	    "#define ETH_P_IP 0x0800\n"
	    "\n"
	    "/* key -> how many times it was seen; the key is the ");
	fputs(t->key, out);
	put(out, c, " */\nBPFGEN_HASH(counts, __u32, __u64, @G@_MAX_KEYS);\n");
	if (t->events)
		put(out, c, "BPFGEN_RINGBUF(events, struct @N@_event, 256 * 1024);\n");
	fputs(t->decls, out);
	put(out, c,
	    "\n"
	    "static __always_inline void count(__u32 key)\n"
	    "{\n"
	    "\t__u64 one = 1, *n;\n"
	    "\n"
	    "\tn = counts_lookup(&key);\n"
	    "\tif (n) {\n"
	    "\t\t__sync_fetch_and_add(n, 1);\n"
	    "\t\treturn;\n"
	    "\t}\n"
	    "\t/* another CPU may have added the key since the lookup */\n"
	    "\tif (counts_update(&key, &one, BPF_NOEXIST) == -EEXIST) {\n"
	    "\t\tn = counts_lookup(&key);\n"
	    "\t\tif (n)\n"
	    "\t\t\t__sync_fetch_and_add(n, 1);\n"
	    "\t}\n"
	    "}\n");
	if (t->events)
		put(out, c,
		    "\n"
		    "static __always_inline void report(__s32 value)\n"
		    "{\n"
		    "\tstruct @N@_event *e = events_reserve();\n"
		    "\n"
		    "\tif (!e)\n"
		    "\t\treturn;\t/* the ring buffer is full: the counts still have it */\n"
		    "\te->ts_ns = bpf_ktime_get_ns();\n"
		    "\te->pid = bpf_get_current_pid_tgid() >> 32;\n"
		    "\te->value = value;\n"
		    "\tbpf_get_current_comm(e->comm, sizeof(e->comm));\n"
		    "\tevents_submit(e);\n"
		    "}\n");
	fputs("\n", out);
	put(out, c, t->prog);
	fputs("\nchar LICENSE[] SEC(\"license\") = \"GPL\";\n", out);
}

/* ---- NAME_target.bpf.c (freplace) --------------------------------------------- */

static void write_target(FILE *out, const struct new_ctx *c)
{
	put(out, c,
	    "// SPDX-License-Identifier: GPL-2.0\n"
	    "/*\n"
	    " * @N@_target: the XDP program whose xdp_policy() @N@.bpf.c replaces. On\n"
	    " * its own it passes every packet.\n"
	    " */\n"
	    "#include \"vmlinux.h\"\n"
	    "#include <bpfgen/bpf.h>\n"
	    "\n"
	    "/* global and not inlined: an extension program can replace it */\n"
	    "__attribute__((noinline)) int xdp_policy(struct xdp_md *xdp)\n"
	    "{\n"
	    "\treturn xdp ? XDP_PASS : XDP_ABORTED;\n"
	    "}\n"
	    "\n"
	    "BPFGEN_XDP(target)\n"
	    "{\n"
	    "\treturn xdp_policy(bpfgen_xdp_raw(ctx)) == XDP_PASS ? BPFGEN_XDP_PASS : BPFGEN_XDP_DROP;\n"
	    "}\n"
	    "\n"
	    "char LICENSE[] SEC(\"license\") = \"GPL\";\n");
}

/* ---- NAME.c ----------------------------------------------------------------- */

static const char *usage_args(enum new_attach a)
{
	switch (a) {
	case NEW_XDP:
	case NEW_TC:
	case NEW_FREPLACE:
		return "IFACE";
	case NEW_CGROUP:
		return "[CGROUP]";
	case NEW_NETNS:
		return "[NETNS]";
	case NEW_UPROBE:
	case NEW_URETPROBE:
		return "BINARY FUNCTION [PID]";
	case NEW_REUSEPORT:
		return "[PORT]";
	default:
		return "";
	}
}

static const char *usage_text(enum new_attach a)
{
	switch (a) {
	case NEW_XDP:
		return "  IFACE    the network interface to attach to\\n";
	case NEW_FREPLACE:
		return "  IFACE    the network interface the target XDP program attaches to\\n";
	case NEW_TC:
		return "  IFACE    the network interface to attach to (clsact ingress)\\n";
	case NEW_CGROUP:
		return "  CGROUP   a cgroup v2 directory (default: the root, where cgroup2 is mounted)\\n";
	case NEW_NETNS:
		return "  NETNS    a network namespace file (default /proc/self/ns/net)\\n";
	case NEW_UPROBE:
	case NEW_URETPROBE:
		return "  BINARY   the program or library (a path)\\n"
		       "  FUNCTION the function to trace\\n"
		       "  PID      trace this process only (default every process)\\n";
	case NEW_SOCKMAP:
		return "  the program runs on the sockets put into the sockmap 'socks'\\n";
	case NEW_REUSEPORT:
		return "  PORT     the UDP port of 127.0.0.1 the group binds (default 5555)\\n";
	case NEW_STRUCT_OPS:
		return "  TCP sockets choose it by the project's name with setsockopt(TCP_CONGESTION)\\n";
	default:
		return "";
	}
}

/* Declarations, argument parsing, attach and detach for each kind. */
static void write_attach_decls(FILE *out, const struct new_ctx *c)
{
	switch (c->type->attach) {
	case NEW_XDP:
	case NEW_TC:
		put(out, c, "\tconst char *ifname;\n\tint ifindex;\n");
		break;
	case NEW_FREPLACE:
		put(out, c, "\tstruct @N@_target *target = NULL;\n\tconst char *ifname;\n\tint ifindex, target_fd;\n");
		break;
	case NEW_SOCKET:
		put(out, c, "\tint sock = -1;\n");
		break;
	case NEW_CGROUP:
		put(out, c, "\tconst char *cgroup;\n\tchar *root = NULL;\n\tint cgroup_fd = -1;\n");
		break;
	case NEW_NETNS:
		put(out, c, "\tconst char *netns = \"/proc/self/ns/net\";\n\tint netns_fd = -1;\n");
		break;
	case NEW_SOCKMAP:
		put(out, c, "\tint map_fd = -1;\n");
		break;
	case NEW_UPROBE:
	case NEW_URETPROBE:
		put(out, c, "\tconst char *binary, *func;\n\tpid_t pid = -1;\n");
		break;
	case NEW_PERF:
		put(out, c, "\tstruct bpf_link **links = NULL;\n\tint *perf_fds = NULL, nr_cpus = 0, cpu;\n");
		break;
	case NEW_REUSEPORT:
		put(out, c, "\tint socks[2] = { -1, -1 }, port = 5555, prog_fd, i;\n");
		break;
	case NEW_NETFILTER:
		put(out, c, "\tint nf_link = -1;\n");
		break;
	case NEW_SYSCALL:
		put(out, c, "\tint i;\n");
		break;
	case NEW_ITER:
		put(out, c, "\tchar buf[4096];\n\tlong lines = 0;\n\tint iter_fd = -1;\n\tssize_t n, i;\n");
		break;
	case NEW_STRUCT_OPS:
		put(out, c, "\tstruct bpf_link *cc_link = NULL;\n");
		break;
	case NEW_AUTO:
		break;
	}
}

static void write_args(FILE *out, const struct new_ctx *c)
{
	switch (c->type->attach) {
	case NEW_XDP:
	case NEW_TC:
	case NEW_FREPLACE:
		put(out, c,
		    "\tif (argc != 2) {\n"
		    "\t\tusage(stderr);\n"
		    "\t\treturn 2;\n"
		    "\t}\n"
		    "\tifname = argv[1];\n"
		    "\tifindex = if_nametoindex(ifname);\n"
		    "\tif (!ifindex) {\n"
		    "\t\tfprintf(stderr, \"@N@: interface '%s': %s\\n\", ifname, strerror(errno));\n"
		    "\t\treturn 1;\n"
		    "\t}\n");
		break;
	case NEW_CGROUP:
	case NEW_NETNS:
		put(out, c,
		    "\tif (argc > 2) {\n"
		    "\t\tusage(stderr);\n"
		    "\t\treturn 2;\n"
		    "\t}\n");
		if (c->type->attach == NEW_NETNS) {
			put(out, c, "\tif (argc == 2)\n\t\tnetns = argv[1];\n");
			break;
		}
		put(out, c,
		    "\tif (argc == 2) {\n"
		    "\t\tcgroup = argv[1];\n"
		    "\t} else {\n"
		    "\t\tcgroup = root = cgroup2_root();\n"
		    "\t\tif (!root) {\n"
		    "\t\t\tfprintf(stderr, \"@N@: no cgroup v2 mount in /proc/mounts: name the cgroup\\n\");\n"
		    "\t\t\treturn 2;\n"
		    "\t\t}\n"
		    "\t}\n");
		break;
	case NEW_UPROBE:
	case NEW_URETPROBE:
		put(out, c,
		    "\tif (argc < 3 || argc > 4) {\n"
		    "\t\tusage(stderr);\n"
		    "\t\treturn 2;\n"
		    "\t}\n"
		    "\tbinary = argv[1];\n"
		    "\tfunc = argv[2];\n"
		    "\tif (argc == 4) {\n"
		    "\t\tchar *end;\n"
		    "\n"
		    "\t\terrno = 0;\n"
		    "\t\tpid = strtol(argv[3], &end, 10);\n"
		    "\t\tif (errno || end == argv[3] || *end || pid <= 0) {\n"
		    "\t\t\tfprintf(stderr, \"@N@: bad pid '%s'\\n\", argv[3]);\n"
		    "\t\t\treturn 2;\n"
		    "\t\t}\n"
		    "\t}\n");
		break;
	case NEW_REUSEPORT:
		put(out, c,
		    "\tif (argc > 2) {\n"
		    "\t\tusage(stderr);\n"
		    "\t\treturn 2;\n"
		    "\t}\n"
		    "\tif (argc == 2) {\n"
		    "\t\tchar *end;\n"
		    "\n"
		    "\t\tport = strtol(argv[1], &end, 10);\n"
		    "\t\tif (end == argv[1] || *end || port <= 0 || port > 65535) {\n"
		    "\t\t\tfprintf(stderr, \"@N@: bad port '%s'\\n\", argv[1]);\n"
		    "\t\t\treturn 2;\n"
		    "\t\t}\n"
		    "\t}\n");
		break;
	default:
		put(out, c,
		    "\tif (argc != 1) {\n"
		    "\t\tusage(stderr);\n"
		    "\t\treturn 2;\n"
		    "\t}\n");
		break;
	}
}

static void write_attach(FILE *out, const struct new_ctx *c)
{
	switch (c->type->attach) {
	case NEW_XDP:
		put(out, c,
		    "\t/* never replace a program someone else attached */\n"
		    "\terr = @N@_handle_attach(skel, ifindex, XDP_FLAGS_UPDATE_IF_NOEXIST);\n"
		    "\tif (err) {\n"
		    "\t\tfprintf(stderr, \"@N@: attach to '%s': %s\\n\", ifname, strerror(-err));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tattached = true;\n"
		    "\tprintf(\"attached to %s (ifindex %d)\", ifname, ifindex);\n");
		break;
	case NEW_TC:
		put(out, c,
		    "\terr = @N@_handle_attach(skel, ifindex, BPF_TC_INGRESS);\n"
		    "\tif (err) {\n"
		    "\t\tfprintf(stderr, \"@N@: attach to '%s': %s\\n\", ifname, strerror(-err));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tattached = true;\n"
		    "\tprintf(\"attached to %s (ifindex %d) ingress\", ifname, ifindex);\n");
		break;
	case NEW_SOCKET:
		put(out, c,
		    "\t/* a packet socket of every protocol: it sees every packet of every interface */\n"
		    "\tsock = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, htons(ETH_P_ALL));\n"
		    "\tif (sock < 0) {\n"
		    "\t\terr = -errno;\n"
		    "\t\tfprintf(stderr, \"@N@: packet socket: %s\\n\", strerror(errno));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\terr = @N@_handle_attach(skel, sock);\n"
		    "\tif (err) {\n"
		    "\t\tfprintf(stderr, \"@N@: attach to the socket: %s\\n\", strerror(-err));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tattached = true;\n"
		    "\tprintf(\"attached to a packet socket\");\n");
		break;
	case NEW_CGROUP:
		put(out, c,
		    "\tcgroup_fd = open(cgroup, O_RDONLY | O_DIRECTORY | O_CLOEXEC);\n"
		    "\tif (cgroup_fd < 0) {\n"
		    "\t\terr = -errno;\n"
		    "\t\tfprintf(stderr, \"@N@: cgroup '%s': %s\\n\", cgroup, strerror(errno));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tif (!@N@_handle_attach(skel, cgroup_fd)) {\n"
		    "\t\terr = -errno;\n"
		    "\t\tfprintf(stderr, \"@N@: attach to cgroup '%s': %s\\n\", cgroup, strerror(errno));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tattached = true;\n"
		    "\tprintf(\"attached to cgroup %s\", cgroup);\n");
		break;
	case NEW_NETNS:
		put(out, c,
		    "\tnetns_fd = open(netns, O_RDONLY | O_CLOEXEC);\n"
		    "\tif (netns_fd < 0) {\n"
		    "\t\terr = -errno;\n"
		    "\t\tfprintf(stderr, \"@N@: network namespace '%s': %s\\n\", netns, strerror(errno));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tif (!@N@_handle_attach(skel, netns_fd)) {\n"
		    "\t\terr = -errno;\n"
		    "\t\tfprintf(stderr, \"@N@: attach to '%s': %s\\n\", netns, strerror(errno));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tattached = true;\n"
		    "\tprintf(\"attached to network namespace %s\", netns);\n");
		break;
	case NEW_SOCKMAP:
		put(out, c,
		    "\tmap_fd = bpf_map__fd(skel->maps.socks);\n"
		    "\terr = @N@_handle_attach(skel, map_fd);\n"
		    "\tif (err) {\n"
		    "\t\tfprintf(stderr, \"@N@: attach to sockmap 'socks': %s\\n\", strerror(-err));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tattached = true;\n"
		    "\tprintf(\"attached to sockmap 'socks' (add sockets with bpf_map_update_elem)\");\n");
		break;
	case NEW_AUTO:
		put(out, c,
		    "\tif (!@N@_handle_attach(skel)) {\n"
		    "\t\terr = -errno;\n"
		    "\t\tfprintf(stderr, \"@N@: attach to '%s': %s\\n\",\n"
		    "\t\t\tbpf_program__section_name(skel->progs.handle), strerror(errno));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tattached = true;\n"
		    "\tprintf(\"attached to %s\", bpf_program__section_name(skel->progs.handle));\n");
		break;
	case NEW_UPROBE:
	case NEW_URETPROBE:
		put(out, c, c->type->attach == NEW_UPROBE ?
		    "\tLIBBPF_OPTS(bpf_uprobe_opts, uopts, .func_name = func, .retprobe = false);\n" :
		    "\tLIBBPF_OPTS(bpf_uprobe_opts, uopts, .func_name = func, .retprobe = true);\n");
		put(out, c,
		    "\n"
		    "\t/* kept in the skeleton, so that @N@__destroy() detaches it */\n"
		    "\tskel->links.handle = bpf_program__attach_uprobe_opts(skel->progs.handle, pid, binary, 0,\n"
		    "\t\t\t\t\t\t\t\t&uopts);\n"
		    "\tif (!skel->links.handle) {\n"
		    "\t\terr = -errno;\n"
		    "\t\tfprintf(stderr, \"@N@: attach to %s:%s: %s\\n\", binary, func, strerror(errno));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tattached = true;\n"
		    "\tprintf(\"attached to %s:%s\", binary, func);\n"
		    "\tif (pid > 0)\n"
		    "\t\tprintf(\" in process %d\", (int)pid);\n");
		break;
	case NEW_PERF:
		put(out, c,
		    "\tnr_cpus = libbpf_num_possible_cpus();\n"
		    "\tif (nr_cpus <= 0) {\n"
		    "\t\terr = nr_cpus ? nr_cpus : -EINVAL;\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tlinks = calloc(nr_cpus, sizeof(*links));\n"
		    "\tperf_fds = calloc(nr_cpus, sizeof(*perf_fds));\n"
		    "\tif (!links || !perf_fds) {\n"
		    "\t\terr = -ENOMEM;\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tfor (cpu = 0; cpu < nr_cpus; cpu++)\n"
		    "\t\tperf_fds[cpu] = -1;\n"
		    "\tfor (cpu = 0; cpu < nr_cpus; cpu++) {\n"
		    "\t\tstruct perf_event_attr attr = {\n"
		    "\t\t\t.type = PERF_TYPE_SOFTWARE,\n"
		    "\t\t\t.size = sizeof(attr),\n"
		    "\t\t\t.config = PERF_COUNT_SW_CPU_CLOCK,\n"
		    "\t\t\t.sample_freq = 49,\n"
		    "\t\t\t.freq = 1,\n"
		    "\t\t};\n"
		    "\n"
		    "\t\tperf_fds[cpu] = syscall(__NR_perf_event_open, &attr, -1, cpu, -1, PERF_FLAG_FD_CLOEXEC);\n"
		    "\t\tif (perf_fds[cpu] < 0) {\n"
		    "\t\t\tif (errno == ENODEV)\t/* a possible CPU that is not online */\n"
		    "\t\t\t\tcontinue;\n"
		    "\t\t\terr = -errno;\n"
		    "\t\t\tfprintf(stderr, \"@N@: perf event on cpu %d: %s\\n\", cpu, strerror(errno));\n"
		    "\t\t\tgoto out;\n"
		    "\t\t}\n"
		    "\t\tlinks[cpu] = bpf_program__attach_perf_event(skel->progs.handle, perf_fds[cpu]);\n"
		    "\t\tif (!links[cpu]) {\n"
		    "\t\t\terr = -errno;\n"
		    "\t\t\tfprintf(stderr, \"@N@: attach on cpu %d: %s\\n\", cpu, strerror(errno));\n"
		    "\t\t\tgoto out;\n"
		    "\t\t}\n"
		    "\t}\n"
		    "\tattached = true;\n"
		    "\tprintf(\"attached to the CPU clock of %d CPUs\", nr_cpus);\n");
		break;
	case NEW_REUSEPORT:
		put(out, c,
		    "\tfor (i = 0; i < 2; i++) {\n"
		    "\t\tstruct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(port),\n"
		    "\t\t\t\t\t    .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };\n"
		    "\t\tint one = 1;\n"
		    "\n"
		    "\t\tsocks[i] = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);\n"
		    "\t\tif (socks[i] < 0 ||\n"
		    "\t\t    setsockopt(socks[i], SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one)) ||\n"
		    "\t\t    bind(socks[i], (struct sockaddr *)&addr, sizeof(addr))) {\n"
		    "\t\t\terr = -errno;\n"
		    "\t\t\tfprintf(stderr, \"@N@: udp socket on 127.0.0.1:%d: %s\\n\", port, strerror(errno));\n"
		    "\t\t\tgoto out;\n"
		    "\t\t}\n"
		    "\t}\n"
		    "\t/* the program of one socket is the group's */\n"
		    "\tprog_fd = bpf_program__fd(skel->progs.handle);\n"
		    "\tif (setsockopt(socks[0], SOL_SOCKET, SO_ATTACH_REUSEPORT_EBPF, &prog_fd, sizeof(prog_fd))) {\n"
		    "\t\terr = -errno;\n"
		    "\t\tfprintf(stderr, \"@N@: attach to the reuseport group: %s\\n\", strerror(errno));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tattached = true;\n"
		    "\tprintf(\"attached to a UDP reuseport group of 2 sockets on 127.0.0.1:%d\", port);\n");
		break;
	case NEW_NETFILTER:
		put(out, c,
		    "\tnf_link = netfilter_link(bpf_program__fd(skel->progs.handle), NFPROTO_IPV4, NF_INET_LOCAL_IN, -128);\n"
		    "\tif (nf_link < 0) {\n"
		    "\t\terr = nf_link;\n"
		    "\t\tfprintf(stderr, \"@N@: netfilter link on ipv4 local_in: %s\\n\", strerror(-err));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tattached = true;\n"
		    "\tprintf(\"attached to the ipv4 netfilter hook local_in\");\n");
		break;
	case NEW_SYSCALL:
		put(out, c,
		    "\tfor (i = 1; i <= 3; i++) {\n"
		    "\t\tstruct @N@_args args = { .key = 7 };\n"
		    "\t\tint ret;\n"
		    "\n"
		    "\t\terr = @N@_handle_test_run(skel, &args, &ret);\n"
		    "\t\tif (err) {\n"
		    "\t\t\tfprintf(stderr, \"@N@: run: %s\\n\", strerror(-err));\n"
		    "\t\t\tgoto out;\n"
		    "\t\t}\n"
		    "\t\tprintf(\"run %d: key %u seen %llu times, returned %d\\n\", i, args.key,\n"
		    "\t\t       (unsigned long long)args.seen, ret);\n"
		    "\t}\n"
		    "\tattached = true;\n"
		    "\tprintf(\"ran the program 3 times\");\n");
		break;
	case NEW_ITER:
		put(out, c,
		    "\tif (!@N@_handle_attach(skel)) {\n"
		    "\t\terr = -errno;\n"
		    "\t\tfprintf(stderr, \"@N@: attach to '%s': %s\\n\",\n"
		    "\t\t\tbpf_program__section_name(skel->progs.handle), strerror(errno));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tattached = true;\n"
		    "\t/* each read of a new iterator runs the program over every task */\n"
		    "\titer_fd = bpf_iter_create(bpf_link__fd(skel->links.handle));\n"
		    "\tif (iter_fd < 0) {\n"
		    "\t\terr = -errno;\n"
		    "\t\tfprintf(stderr, \"@N@: iterator: %s\\n\", strerror(errno));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\twhile ((n = read(iter_fd, buf, sizeof(buf))) > 0)\n"
		    "\t\tfor (i = 0; i < n; i++)\n"
		    "\t\t\tlines += buf[i] == '\\n';\n"
		    "\tif (n < 0) {\n"
		    "\t\terr = -errno;\n"
		    "\t\tfprintf(stderr, \"@N@: read the iterator: %s\\n\", strerror(errno));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tprintf(\"read %ld tasks from the iterator\\n\", lines);\n"
		    "\tprintf(\"attached to %s\", bpf_program__section_name(skel->progs.handle));\n");
		break;
	case NEW_FREPLACE:
		put(out, c,
		    "\t/* the target on the interface, then the replacement into it */\n"
		    "\terr = @N@_target_target_attach(target, ifindex, XDP_FLAGS_UPDATE_IF_NOEXIST);\n"
		    "\tif (err) {\n"
		    "\t\tfprintf(stderr, \"@N@: attach the target to '%s': %s\\n\", ifname, strerror(-err));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tattached = true;\n"
		    "\tif (!@N@_handle_attach(skel, target_fd)) {\n"
		    "\t\terr = -errno;\n"
		    "\t\tfprintf(stderr, \"@N@: replace xdp_policy() of the target: %s\\n\", strerror(errno));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tprintf(\"attached to %s (ifindex %d), replacing xdp_policy() of the target\", ifname, ifindex);\n");
		break;
	case NEW_STRUCT_OPS:
		put(out, c,
		    "\tcc_link = bpf_map__attach_struct_ops(skel->maps.cc);\n"
		    "\tif (!cc_link) {\n"
		    "\t\terr = -errno;\n"
		    "\t\tfprintf(stderr, \"@N@: register the congestion control: %s\\n\", strerror(errno));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\tattached = true;\n"
		    "\tprintf(\"registered the TCP congestion control '@N@'\");\n");
		break;
	}
}

/* Detaches the program: inside `if (attached) {`, two tabs deep. */
static void write_detach(FILE *out, const struct new_ctx *c)
{
	switch (c->type->attach) {
	case NEW_XDP:
		put(out, c,
		    "\t\tif (@N@_handle_detach(skel, ifindex, 0))\n"
		    "\t\t\tfprintf(stderr, \"@N@: detach from '%s' failed: 'ip link set dev %s xdp off' \"\n"
		    "\t\t\t\t\"removes the program\\n\", ifname, ifname);\n");
		break;
	case NEW_TC:
		put(out, c,
		    "\t\tif (@N@_handle_detach(skel, ifindex, BPF_TC_INGRESS))\n"
		    "\t\t\tfprintf(stderr, \"@N@: detach from '%s' failed: 'tc filter del dev %s ingress' \"\n"
		    "\t\t\t\t\"removes the program\\n\", ifname, ifname);\n");
		break;
	case NEW_SOCKET:
		put(out, c, "\t\t@N@_handle_detach(skel, sock);\n");
		break;
	case NEW_SOCKMAP:
		put(out, c, "\t\t@N@_handle_detach(skel, map_fd);\n");
		break;
	case NEW_CGROUP:
	case NEW_NETNS:
	case NEW_AUTO:
	case NEW_ITER:
		put(out, c, "\t\t@N@_handle_detach(skel);\n");
		break;
	case NEW_REUSEPORT:
		put(out, c,
		    "\t\tif (setsockopt(socks[0], SOL_SOCKET, SO_DETACH_REUSEPORT_BPF, &prog_fd, sizeof(prog_fd)))\n"
		    "\t\t\tfprintf(stderr, \"@N@: detach from the reuseport group: %s\\n\", strerror(errno));\n");
		break;
	case NEW_NETFILTER:
		put(out, c, "\t\tclose(nf_link);\n\t\tnf_link = -1;\n");
		break;
	case NEW_SYSCALL:
		put(out, c, "\t\t/* nothing: the program ran only when the loader ran it */\n");
		break;
	case NEW_STRUCT_OPS:
		put(out, c, "\t\tbpf_link__destroy(cc_link);\n\t\tcc_link = NULL;\n");
		break;
	case NEW_FREPLACE:
		put(out, c,
		    "\t\t@N@_handle_detach(skel);\n"
		    "\t\tif (@N@_target_target_detach(target, ifindex, 0))\n"
		    "\t\t\tfprintf(stderr, \"@N@: detach the target from '%s' failed: 'ip link set dev %s xdp off' \"\n"
		    "\t\t\t\t\"removes it\\n\", ifname, ifname);\n");
		break;
	case NEW_UPROBE:
	case NEW_URETPROBE:
		put(out, c,
		    "\t\tbpf_link__destroy(skel->links.handle);\n"
		    "\t\tskel->links.handle = NULL;\n");
		break;
	case NEW_PERF:
		put(out, c,
		    "\t\tfor (cpu = 0; cpu < nr_cpus; cpu++) {\n"
		    "\t\t\tbpf_link__destroy(links[cpu]);\n"
		    "\t\t\tlinks[cpu] = NULL;\n"
		    "\t\t}\n");
		break;
	}
}

/* Releases what the attach step opened, attached or not: one tab deep. */
static void write_cleanup(FILE *out, const struct new_ctx *c)
{
	switch (c->type->attach) {
	case NEW_SOCKET:
		put(out, c, "\tif (sock >= 0)\n\t\tclose(sock);\n");
		break;
	case NEW_CGROUP:
		put(out, c, "\tif (cgroup_fd >= 0)\n\t\tclose(cgroup_fd);\n\tfree(root);\n");
		break;
	case NEW_NETNS:
		put(out, c, "\tif (netns_fd >= 0)\n\t\tclose(netns_fd);\n");
		break;
	case NEW_REUSEPORT:
		put(out, c, "\tfor (i = 0; i < 2; i++)\n\t\tif (socks[i] >= 0)\n\t\t\tclose(socks[i]);\n");
		break;
	case NEW_NETFILTER:
		put(out, c, "\tif (nf_link >= 0)\n\t\tclose(nf_link);\n");
		break;
	case NEW_ITER:
		put(out, c, "\tif (iter_fd >= 0)\n\t\tclose(iter_fd);\n");
		break;
	case NEW_STRUCT_OPS:
		put(out, c, "\tbpf_link__destroy(cc_link);\n");
		break;
	case NEW_FREPLACE:
		put(out, c, "\t@N@_target__destroy(target);\n");
		break;
	case NEW_PERF:
		put(out, c,
		    "\tfor (cpu = 0; links && cpu < nr_cpus; cpu++)\n"
		    "\t\tbpf_link__destroy(links[cpu]);\n"
		    "\tfor (cpu = 0; perf_fds && cpu < nr_cpus; cpu++)\n"
		    "\t\tif (perf_fds[cpu] >= 0)\n"
		    "\t\t\tclose(perf_fds[cpu]);\n"
		    "\tfree(links);\n"
		    "\tfree(perf_fds);\n");
		break;
	default:
		break;
	}
}

static void write_user(FILE *out, const struct new_ctx *c)
{
	const struct new_type *t = c->type;

	put(out, c, "// SPDX-License-Identifier: GPL-2.0\n/*\n * @N@: loads @N@.bpf.c, which ");
	put(out, c, t->what);
	put(out, c, ".\n *\n *   @N@ ");
	fputs(usage_args(t->attach), out);
	put(out, c,
	    "\n"
	    " *\n"
	    " * It prints ");
	fputs(t->events ? "each event as it comes" : "the counts every two seconds", out);
	put(out, c,
	    "; Ctrl-C or SIGTERM detaches the\n"
	    " * program and prints the counts.\n"
	    " */\n"
	    "#include <errno.h>\n"
	    "#include <fcntl.h>\n"
	    "#include <mntent.h>\n"
	    "#include <net/if.h>\n"
	    "#include <signal.h>\n"
	    "#include <stdbool.h>\n"
	    "#include <stdio.h>\n"
	    "#include <stdlib.h>\n"
	    "#include <string.h>\n"
	    "#include <sys/socket.h>\n"
	    "#include <sys/syscall.h>\n"
	    "#include <arpa/inet.h>\n"
	    "#include <time.h>\n"
	    "#include <unistd.h>\n"
	    "#include <linux/if_ether.h>\n"
	    "#include <linux/if_link.h>\n"
	    "#include <linux/perf_event.h>\n"
	    "#include <bpf/libbpf.h>\n"
	    "#include <bpfgen/runtime.h>\n"
	    "\n");
	if (t->attach == NEW_REUSEPORT)
		put(out, c,
		    "/* Linux 5.3; older libc headers lack it */\n"
		    "#ifndef SO_DETACH_REUSEPORT_BPF\n"
		    "#define SO_DETACH_REUSEPORT_BPF 68\n"
		    "#endif\n"
		    "\n");
	put(out, c,
	    "#include \"@N@.h\"\n"
	    "#include \"@N@.bpfgen.h\"\n");
	if (t->attach == NEW_FREPLACE)
		put(out, c, "#include \"@N@_target.bpfgen.h\"\n");
	put(out, c,
	    "\n"
	    "static void usage(FILE *f)\n"
	    "{\n"
	    "\tfprintf(f, \"usage: @N@ ");
	fputs(usage_args(t->attach), out);
	fputs("\\n\"\n\t\t\"", out);
	fputs(usage_text(t->attach), out);
	put(out, c,
	    "\");\n"
	    "}\n"
	    "\n"
	    "/* Prints every key of 'counts'; returns 0 or the first error. */\n"
	    "static int print_counts(struct @N@ *skel)\n"
	    "{\n"
	    "\t__u32 key, next;\n"
	    "\t__u32 *prev = NULL;\n"
	    "\t__u64 n;\n"
	    "\tint err;\n"
	    "\n"
	    "\tprintf(\"counts (key: ");
	fputs(t->key, out);
	put(out, c,
	    "):\\n\");\n"
	    "\twhile (!(err = @N@_counts_next_key(skel, prev, &next))) {\n"
	    "\t\tkey = next;\n"
	    "\t\tprev = &key;\n"
	    "\t\terr = @N@_counts_lookup(skel, &key, &n);\n"
	    "\t\tif (err == -ENOENT)\t/* deleted since next_key */\n"
	    "\t\t\tcontinue;\n"
	    "\t\tif (err)\n"
	    "\t\t\tbreak;\n"
	    "\t\tprintf(\"  %10u %llu\\n\", key, (unsigned long long)n);\n"
	    "\t}\n"
	    "\tif (err == -ENOENT)\t/* the last key */\n"
	    "\t\treturn 0;\n"
	    "\tfprintf(stderr, \"@N@: map 'counts': %s\\n\", strerror(-err));\n"
	    "\treturn err;\n"
	    "}\n");
	if (!t->events)
		put(out, c,
		    "\n"
		    "/* The loop's timer: an error stops the loop. */\n"
		    "static int on_timer(void *skel)\n"
		    "{\n"
		    "\treturn print_counts(skel);\n"
		    "}\n");
	if (t->attach == NEW_CGROUP)
		put(out, c,
		    "\n"
		    "/* Where the cgroup v2 hierarchy is mounted (malloc'ed), or NULL. */\n"
		    "static char *cgroup2_root(void)\n"
		    "{\n"
		    "\tFILE *f = setmntent(\"/proc/mounts\", \"r\");\n"
		    "\tstruct mntent *m;\n"
		    "\tchar *dir = NULL;\n"
		    "\n"
		    "\tif (!f)\n"
		    "\t\treturn NULL;\n"
		    "\twhile ((m = getmntent(f)))\n"
		    "\t\tif (!strcmp(m->mnt_type, \"cgroup2\")) {\n"
		    "\t\t\tdir = strdup(m->mnt_dir);\n"
		    "\t\t\tbreak;\n"
		    "\t\t}\n"
		    "\tendmntent(f);\n"
		    "\treturn dir;\n"
		    "}\n");
	if (t->attach == NEW_NETFILTER)
		put(out, c,
		    "\n"
		    "#define NFPROTO_IPV4 2\n"
		    "#define NF_INET_LOCAL_IN 1\n"
		    "#define PROG_TYPE_NETFILTER 32\t/* BPF_PROG_TYPE_NETFILTER, Linux 6.4 */\n"
		    "#define ATTACH_NETFILTER 45\t/* BPF_NETFILTER */\n"
		    "\n"
		    "/*\n"
		    " * A netfilter link of program FD on hook HOOK of family PF: its fd, or\n"
		    " * -errno. libbpf before 1.2 has no bpf_program__attach_netfilter(), and\n"
		    " * uapi headers before 6.4 no link_create.netfilter: its four words follow\n"
		    " * the four of prog_fd, target_fd, attach_type and flags.\n"
		    " */\n"
		    "static int netfilter_link(int fd, __u32 pf, __u32 hook, __s32 priority)\n"
		    "{\n"
		    "\tunion bpf_attr attr;\n"
		    "\t__u32 *nf = (__u32 *)((char *)&attr.link_create + 16);\n"
		    "\n"
		    "\tmemset(&attr, 0, sizeof(attr));\n"
		    "\tattr.link_create.prog_fd = fd;\n"
		    "\tattr.link_create.attach_type = ATTACH_NETFILTER;\n"
		    "\tnf[0] = pf;\n"
		    "\tnf[1] = hook;\n"
		    "\tnf[2] = (__u32)priority;\n"
		    "\tfd = syscall(__NR_bpf, BPF_LINK_CREATE, &attr, sizeof(attr));\n"
		    "\treturn fd < 0 ? -errno : fd;\n"
		    "}\n");
	if (t->events)
		put(out, c,
		    "\n"
		    "static int on_event(void *ctx, const struct @N@_event *e)\n"
		    "{\n"
		    "\tunsigned long *nr_events = ctx;\n"
		    "\n"
		    "\tprintf(\"%llu.%06llu pid %u comm %s value %d\\n\",\n"
		    "\t       (unsigned long long)e->ts_ns / 1000000000,\n"
		    "\t       (unsigned long long)e->ts_ns % 1000000000 / 1000,\n"
		    "\t       e->pid, e->comm, e->value);\n"
		    "\t(*nr_events)++;\n"
		    "\treturn 0;\n"
		    "}\n");
	put(out, c,
	    "\n"
	    "int main(int argc, char **argv)\n"
	    "{\n"
	    "\tstruct bpfgen_loop *loop = NULL;\n"
	    "\tstruct @N@ *skel = NULL;\n");
	if (t->events)
		put(out, c, "\tstruct ring_buffer *ring = NULL;\n\tunsigned long nr_events = 0;\n");
	write_attach_decls(out, c);
	put(out, c,
	    "\tbool attached = false, stopped = false;\n"
	    "\tint err = 0;\n"
	    "\n"
	    "\tif (argc == 2 && (!strcmp(argv[1], \"-h\") || !strcmp(argv[1], \"--help\"))) {\n"
	    "\t\tusage(stdout);\n"
	    "\t\treturn 0;\n"
	    "\t}\n");
	write_args(out, c);
	put(out, c,
	    "\n"
	    "\t/* one line at a time, also into pipes and files */\n"
	    "\tsetvbuf(stdout, NULL, _IOLBF, 0);\n"
	    "\n"
	    "\t/* first: from here SIGINT and SIGTERM stop the loop instead of the process */\n"
	    "\tloop = bpfgen_loop__new(NULL);\n"
	    "\tif (!loop) {\n"
	    "\t\terr = -errno;\n"
	    "\t\tfprintf(stderr, \"@N@: cannot create the event loop: %s\\n\", strerror(errno));\n"
	    "\t\tgoto out;\n"
	    "\t}\n"
	    "\tskel = @N@__open();\n"
	    "\tif (!skel) {\n"
	    "\t\terr = -errno;\n"
	    "\t\tfprintf(stderr, \"@N@: failed to open the BPF object: %s\\n\", strerror(errno));\n"
	    "\t\tgoto out;\n"
	    "\t}\n"
	    "");
	if (t->attach == NEW_NETFILTER)
		put(out, c,
		    "\t/* libbpf before 1.2 does not know SEC(\"netfilter\"): name the type */\n"
		    "\tif (bpf_program__type(skel->progs.handle) == BPF_PROG_TYPE_UNSPEC) {\n"
		    "\t\tbpf_program__set_type(skel->progs.handle, PROG_TYPE_NETFILTER);\n"
		    "\t\tbpf_program__set_expected_attach_type(skel->progs.handle, ATTACH_NETFILTER);\n"
		    "\t}\n");
	if (t->attach == NEW_FREPLACE)
		put(out, c,
		    "\t/* the target first: the kernel checks the replacement against it at load */\n"
		    "\ttarget = @N@_target__open();\n"
		    "\tif (!target) {\n"
		    "\t\terr = -errno;\n"
		    "\t\tfprintf(stderr, \"@N@: failed to open the target: %s\\n\", strerror(errno));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\terr = bpfgen_skel__load(target->skeleton, NULL, NULL);\n"
		    "\tif (err)\n"
		    "\t\tgoto out;\n"
		    "\ttarget_fd = bpf_program__fd(target->progs.target);\n"
		    "\terr = @N@_handle_set_target(skel, target_fd);\n"
		    "\tif (err) {\n"
		    "\t\tfprintf(stderr, \"@N@: name xdp_policy() of the target as what the program replaces: %s\\n\", strerror(-err));\n"
		    "\t\tgoto out;\n"
		    "\t}\n");
	put(out, c,
	    "\t/* a verifier refusal is printed at its source line, with an explanation */\n"
	    "\terr = bpfgen_skel__load(skel->skeleton, NULL, NULL);\n"
	    "\tif (err)\n"
	    "\t\tgoto out;\n"
	    "\tprintf(\"loaded\\n\");\n"
	    "\t/* the loop detaches every link of the skeleton when it stops */\n"
	    "\terr = bpfgen_loop__add_skeleton(loop, skel->skeleton);\n"
	    "\tif (err)\n"
	    "\t\tgoto out;\n");
	if (t->events)
		put(out, c,
		    "\tring = @N@_events_ring(skel, on_event, &nr_events);\n"
		    "\tif (!ring) {\n"
		    "\t\terr = -errno;\n"
		    "\t\tfprintf(stderr, \"@N@: ring buffer 'events': %s\\n\", strerror(errno));\n"
		    "\t\tgoto out;\n"
		    "\t}\n"
		    "\terr = bpfgen_loop__add_ring(loop, ring, \"events\");\n");
	else
		put(out, c, "\terr = bpfgen_loop__add_timer(loop, 2000, on_timer, skel);\n");
	put(out, c,
	    "\tif (err) {\n"
	    "\t\tfprintf(stderr, \"@N@: event loop: %s\\n\", strerror(-err));\n"
	    "\t\tgoto out;\n"
	    "\t}\n"
	    "\n");
	write_attach(out, c);
	put(out, c, "\tprintf(\"; Ctrl-C to stop\\n\");\n\n");
	put(out, c,
	    "\t/* until Ctrl-C or SIGTERM; then the loop drains, detaches and counts */\n"
	    "\terr = bpfgen_loop__run(loop);\n"
	    "\tif (err) {\n"
	    "\t\tfprintf(stderr, \"@N@: %s\\n\", strerror(-err));\n"
	    "\t\tgoto out;\n"
	    "\t}\n");
	put(out, c,
	    "\tstopped = true;\n"
	    "out:\n"
	    "\t/* detach first, then read what is left */\n"
	    "\tif (attached) {\n");
	write_detach(out, c);
	put(out, c,
	    "\t\tprintf(\"detached\\n\");\n"
	    "\t}\n");
	if (t->events)
		put(out, c,
		    "\tif (stopped) {\n"
		    "\t\tring_buffer__consume(ring);\n"
		    "\t\tprintf(\"%lu events\\n\", nr_events);\n"
		    "\t\terr = print_counts(skel);\n"
		    "\t}\n");
	else
		put(out, c, "\tif (stopped)\n\t\terr = print_counts(skel);\n");
	write_cleanup(out, c);
	if (t->events)
		put(out, c, "\t@N@__ring_free(ring);\n");
	put(out, c,
	    "\tbpfgen_loop__free(loop);\n"
	    "\t@N@__destroy(skel);\n"
	    "\treturn err ? 1 : 0;\n"
	    "}\n");
}

/* ---- CMakeLists.txt and README.md -------------------------------------------- */

static char package_dir[4096];

void bg_project_set_package_dir(const char *dir)
{
	snprintf(package_dir, sizeof(package_dir), "%s", dir ? dir : "");
}

static void write_cmake(FILE *out, const struct new_ctx *c)
{
	put(out, c,
	    "cmake_minimum_required(VERSION 3.16)\n"
	    "project(@N@ LANGUAGES C)\n"
	    "\n"
	    "# bpfgen_add_bpf_object() from the bpfgen that wrote this project (its build\n"
	    "# tree or install prefix, the HINTS below), or from another one:\n"
	    "# -Dbpfgen_DIR=DIR (a bpfgen build tree's bpfgen-build/ or PREFIX/share/cmake/bpfgen),\n"
	    "# -DCMAKE_PREFIX_PATH=PREFIX, or a checkout with -DBPFGEN_SOURCE_DIR=DIR and\n"
	    "# the bpfgen tool built there (BPFGEN_EXECUTABLE, found in its build/ or on PATH).\n");
	if (package_dir[0] && !strpbrk(package_dir, "\"\\$;"))
		fprintf(out, "find_package(bpfgen QUIET HINTS \"%s\")\n", package_dir);
	else
		fputs("find_package(bpfgen QUIET)\n", out);
	put(out, c,
	    "if(NOT bpfgen_FOUND)\n"
	    "  set(BPFGEN_SOURCE_DIR \"\" CACHE PATH \"a bpfgen source checkout, when bpfgen is not installed\")\n"
	    "  if(NOT EXISTS \"${BPFGEN_SOURCE_DIR}/cmake/bpfgen.cmake\")\n"
	    "    message(FATAL_ERROR \"bpfgen not found: set bpfgen_DIR to a bpfgen build tree's bpfgen-build/ \"\n"
	    "      \"or PREFIX/share/cmake/bpfgen, CMAKE_PREFIX_PATH to its install prefix, \"\n"
	    "      \"or BPFGEN_SOURCE_DIR to a built bpfgen checkout\")\n"
	    "  endif()\n"
	    "  find_program(BPFGEN_EXECUTABLE bpfgen HINTS ${BPFGEN_SOURCE_DIR}/build)\n"
	    "  list(APPEND CMAKE_MODULE_PATH ${BPFGEN_SOURCE_DIR}/cmake)\n"
	    "  include(bpfgen)\n"
	    "endif()\n"
	    "\n"
	    "# NAME.bpf.c -> bpfgen cc clang (check and compile on one cached preamble),\n"
	    "# bpftool gen skeleton, bpfgen gen -> NAME.bpfgen.h\n"
	    "bpfgen_add_bpf_object(@N@ @N@.bpf.c TYPES @N@.h)\n");
	if (c->type->attach == NEW_FREPLACE)
		put(out, c, "# the program whose function @N@.bpf.c replaces\nbpfgen_add_bpf_object(@N@_target @N@_target.bpf.c)\n");
	put(out, c,
	    "\n"
	    "# the loader is named like the INTERFACE target that carries its headers\n"
	    "add_executable(@N@_bin @N@.c)\n"
	    "set_target_properties(@N@_bin PROPERTIES OUTPUT_NAME @N@ C_STANDARD 11 C_EXTENSIONS ON)\n"
	    "target_compile_definitions(@N@_bin PRIVATE _GNU_SOURCE)\n"
	    "target_compile_options(@N@_bin PRIVATE -Wall)\n"
	    "target_link_libraries(@N@_bin PRIVATE @N@)\n");
	if (c->type->attach == NEW_FREPLACE)
		put(out, c, "target_link_libraries(@N@_bin PRIVATE @N@_target)\n");
}

static const char *run_example(enum new_attach a)
{
	switch (a) {
	case NEW_XDP:
	case NEW_TC:
	case NEW_FREPLACE:
		return " eth0";
	case NEW_CGROUP:
		return " /sys/fs/cgroup/user.slice";
	case NEW_UPROBE:
	case NEW_URETPROBE:
		return " /bin/bash readline";
	case NEW_REUSEPORT:
		return " 5555";
	default:
		return "";
	}
}

static void write_readme(FILE *out, const struct new_ctx *c)
{
	const struct new_type *t = c->type;

	put(out, c, "# @N@\n\nA BPF program of type `");
	fputs(t->name, out);
	put(out, c, "` on bpfgen's typed layer that ");
	put(out, c, t->what);
	put(out, c,
	    ".\n"
	    "\n"
	    "| file | what it is |\n"
	    "|---|---|\n"
	    "| `@N@.bpf.c` | the BPF side, on `bpfgen/bpf.h`: the program `handle`, the typed map `counts`");
	if (t->events)
		fputs(" and the ring buffer `events`", out);
	put(out, c,
	    " |\n");
	if (t->attach == NEW_FREPLACE)
		put(out, c, "| `@N@_target.bpf.c` | the XDP program `target` and its global function `xdp_policy()`, which `handle` replaces while the loader runs |\n");
	put(out, c,
	    "| `@N@.h` | the types and constants both sides share |\n"
	    "| `@N@.c` | the loader, on the generated `@N@.bpfgen.h`: load, attach, print, detach on Ctrl-C |\n"
	    "| `CMakeLists.txt` | `bpfgen_add_bpf_object(@N@ @N@.bpf.c TYPES @N@.h)` and the loader |\n"
	    "\n"
	    "## Build\n"
	    "\n"
	    "`CMakeLists.txt` finds the bpfgen that wrote this project (its build tree or its\n"
	    "install prefix):\n"
	    "\n"
	    "    cmake -S . -B build && cmake --build build\n"
	    "\n"
	    "To use another bpfgen, name its package (`-Dbpfgen_DIR=` a build tree's\n"
	    "`bpfgen-build/` or `PREFIX/share/cmake/bpfgen`), its prefix (`-DCMAKE_PREFIX_PATH=`),\n"
	    "or a checkout built in its `build/` directory (or name the tool with\n"
	    "`-DBPFGEN_EXECUTABLE=...`):\n"
	    "\n"
	    "    cmake -S . -B build -DBPFGEN_SOURCE_DIR=/path/to/bpfgen && cmake --build build\n"
	    "\n"
	    "The build compiles `@N@.bpf.c` with `bpfgen cc clang ...`: it runs `bpfgen check`\n"
	    "and fails on an error, then compiles on the same cached preamble (faster than\n"
	    "clang alone; the object is clang's). A Makefile does the same with\n"
	    "`CC=\"bpfgen cc clang\"`. It needs clang,\n"
	    "bpftool, libbpf and the running kernel's BTF (`/sys/kernel/btf/vmlinux`).\n"
	    "\n"
	    "## Run (as root)\n"
	    "\n"
	    "    sudo ./build/@N@");
	fputs(run_example(t->attach), out);
	put(out, c, "\n\n    usage: @N@ ");
	fputs(usage_args(t->attach), out);
	fputs("\n", out);
	{
		/* the usage text is a C string literal: print it without the escapes */
		bool line_start = true;
		const char *p;

		for (p = usage_text(t->attach); *p; p++) {
			if (p[0] == '\\' && p[1] == 'n') {
				fputc('\n', out);
				p++;
				line_start = true;
				continue;
			}
			if (line_start)
				fputs("    ", out);
			line_start = false;
			fputc(*p, out);
		}
	}
	put(out, c, "\nIt prints ");
	fputs(t->events ? "each event as it comes (time, pid, command, value)" :
	      "the counts every two seconds", out);
	put(out, c, ". Ctrl-C or SIGTERM detaches the program and prints the counts.\n");
}

bool bg_project_has_file(const char *type, enum bg_project_file file)
{
	size_t i;

	for (i = 0; i < NR_NEW_TYPES; i++)
		if (!strcmp(type, new_types[i].name))
			return file != BG_PROJECT_TARGET || new_types[i].attach == NEW_FREPLACE;
	return false;
}

const char *bg_project_type(size_t i)
{
	return i < NR_NEW_TYPES ? new_types[i].name : NULL;
}

int bg_emit_project_file(FILE *out, enum bg_project_file file, const char *name, const char *type)
{
	struct new_ctx c = { .name = name };
	size_t i;

	for (i = 0; i < NR_NEW_TYPES; i++)
		if (!strcmp(type, new_types[i].name))
			c.type = &new_types[i];
	if (!c.type || strlen(name) >= sizeof(c.upper))
		return -EINVAL;
	for (i = 0; name[i]; i++)
		c.upper[i] = toupper((unsigned char)name[i]);
	switch (file) {
	case BG_PROJECT_BPF:
		write_bpf(out, &c);
		break;
	case BG_PROJECT_HEADER:
		write_header(out, &c);
		break;
	case BG_PROJECT_USER:
		write_user(out, &c);
		break;
	case BG_PROJECT_CMAKE:
		write_cmake(out, &c);
		break;
	case BG_PROJECT_README:
		write_readme(out, &c);
		break;
	case BG_PROJECT_TARGET:
		if (c.type->attach != NEW_FREPLACE)
			return -ENOENT;
		write_target(out, &c);
		break;
	default:
		return -EINVAL;
	}
	return 0;
}
