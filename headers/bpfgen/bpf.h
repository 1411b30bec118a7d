/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * bpfgen/bpf.h: the typed layer over libbpf for BPF programs.
 *
 * Include after "vmlinux.h" or <linux/bpf.h> (docs/typed-layer.md is the
 * contract). A program declared with BPFGEN_<TYPE>(name, ...) gets its libbpf
 * section and its typed context together: the body receives `ctx`, a
 * one-pointer struct distinct per program type, so an accessor of one type
 * does not compile on another, and returns the action enum of its type. A map
 * declared with BPFGEN_<MAP>(name, ...) is an ordinary BTF map plus accessors
 * named after it with the key and value types baked in.
 *
 * Everything here expands to static __always_inline functions over plain
 * libbpf calls, so a program compiles to the same instructions as its
 * hand-written twin (bench/zero_overhead.sh measures it).
 */
#ifndef BPFGEN_BPF_H
#define BPFGEN_BPF_H

#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#ifndef __VMLINUX_H__
#include <linux/bpf_perf_event.h>	/* struct bpf_perf_event_data */
#endif

/* Results that are an error to ignore: a lookup's NULL, an update's -errno. */
#define __bpfgen_must_check __attribute__((warn_unused_result))
/*
 * The accessors a map macro defines land in the user's file, where -Wall
 * would flag those the program does not call; so would the body's ctx.
 */
#define __bpfgen_unused __attribute__((unused))

/*
 * What C only warns about is an error in a file that uses the typed layer,
 * from here to its end, with plain `clang -O2 -g -target bpf`: a lookup kept
 * in a pointer to another type, a key or value of another type, a pointer
 * where an integer goes, a must-check result ignored. A file opts in by
 * including this header; `#pragma clang diagnostic warning "-W..."` after the
 * include opts out of one of them.
 */
#ifdef __clang__
#pragma clang diagnostic error "-Wincompatible-pointer-types"
#pragma clang diagnostic error "-Wpointer-sign"
#pragma clang diagnostic error "-Wint-conversion"
#pragma clang diagnostic error "-Wunused-result"
#pragma clang diagnostic error "-Wenum-conversion"
#pragma clang diagnostic error "-Wimplicit-function-declaration"
#pragma clang diagnostic error "-Wimplicit-int"
#endif

/*
 * Actions are one-member structs, distinct per family, so that returning a
 * tc action from an XDP program, an errno from a verdict program or a bare
 * integer is a type error of C, not a warning. The member is private: the
 * constants below are the values, and the entry function passes the member
 * to the kernel, which costs no instruction.
 */
#define ___bpfgen_action(type, v) ((type){ .___value = (v) })

typedef struct bpfgen_xdp_action { __u32 ___value; } bpfgen_xdp_action;
#define BPFGEN_XDP_ABORTED ___bpfgen_action(bpfgen_xdp_action, 0)
#define BPFGEN_XDP_DROP ___bpfgen_action(bpfgen_xdp_action, 1)
#define BPFGEN_XDP_PASS ___bpfgen_action(bpfgen_xdp_action, 2)
#define BPFGEN_XDP_TX ___bpfgen_action(bpfgen_xdp_action, 3)
#define BPFGEN_XDP_REDIRECT ___bpfgen_action(bpfgen_xdp_action, 4)

/* The TC_ACT_* values of <linux/pkt_cls.h>. */
typedef struct bpfgen_tc_action { int ___value; } bpfgen_tc_action;
#define BPFGEN_TC_UNSPEC ___bpfgen_action(bpfgen_tc_action, -1)
#define BPFGEN_TC_OK ___bpfgen_action(bpfgen_tc_action, 0)
#define BPFGEN_TC_RECLASSIFY ___bpfgen_action(bpfgen_tc_action, 1)
#define BPFGEN_TC_SHOT ___bpfgen_action(bpfgen_tc_action, 2)
#define BPFGEN_TC_PIPE ___bpfgen_action(bpfgen_tc_action, 3)
#define BPFGEN_TC_STOLEN ___bpfgen_action(bpfgen_tc_action, 4)
#define BPFGEN_TC_QUEUED ___bpfgen_action(bpfgen_tc_action, 5)
#define BPFGEN_TC_REPEAT ___bpfgen_action(bpfgen_tc_action, 6)
#define BPFGEN_TC_REDIRECT ___bpfgen_action(bpfgen_tc_action, 7)

/*
 * Allow or deny, for cgroup_skb, cgroup sock/sock_addr/sockopt/sysctl/device,
 * sock_ops, sk_msg, sk_skb verdicts and sk_lookup (SK_DROP/SK_PASS are 0/1).
 */
typedef struct bpfgen_verdict { int ___value; } bpfgen_verdict;
#define BPFGEN_VERDICT_DROP ___bpfgen_action(bpfgen_verdict, 0)
#define BPFGEN_VERDICT_PASS ___bpfgen_action(bpfgen_verdict, 1)

/*
 * A socket filter returns how many bytes of the packet to keep, not a
 * verdict: BPFGEN_SOCKET_KEEP(len) keeps the first LEN bytes (the kernel cuts
 * it to the packet's length), BPFGEN_SOCKET_DROP keeps none.
 */
typedef struct bpfgen_socket_len { __u32 ___value; } bpfgen_socket_len;
#define BPFGEN_SOCKET_KEEP(len) ___bpfgen_action(bpfgen_socket_len, (len))
#define BPFGEN_SOCKET_KEEP_ALL ___bpfgen_action(bpfgen_socket_len, 0xffffffffU)
#define BPFGEN_SOCKET_DROP ___bpfgen_action(bpfgen_socket_len, 0)

/*
 * A flow dissector's result: BPF_OK (the flow keys it wrote are the
 * kernel's), BPF_DROP (the packet is not dissected further), or
 * BPF_FLOW_DISSECTOR_CONTINUE (129, Linux 6.0: the kernel's own dissector
 * runs instead).
 */
typedef struct bpfgen_flow_action { int ___value; } bpfgen_flow_action;
#define BPFGEN_FLOW_OK ___bpfgen_action(bpfgen_flow_action, 0)
#define BPFGEN_FLOW_DROP ___bpfgen_action(bpfgen_flow_action, 2)
#define BPFGEN_FLOW_CONTINUE ___bpfgen_action(bpfgen_flow_action, 129)

/* A netfilter hook's verdict: NF_DROP is 0, NF_ACCEPT 1 (the only two the kernel takes). */
typedef struct bpfgen_nf_verdict { int ___value; } bpfgen_nf_verdict;
#define BPFGEN_NF_DROP ___bpfgen_action(bpfgen_nf_verdict, 0)
#define BPFGEN_NF_ACCEPT ___bpfgen_action(bpfgen_nf_verdict, 1)

/* The action of an action value, for comparisons: bpfgen_action_value(a) == 2. */
#define bpfgen_action_value(a) ((a).___value)

/*
 * Typed contexts: one const pointer to the kernel's context, wrapped in a
 * struct of its own per program type. The pointer is const so that a field is
 * written only through a setter, and only writable fields have one;
 * bpfgen_<type>_raw(ctx) gives the plain pointer for helpers that want it.
 */
typedef struct bpfgen_xdp_ctx { const struct xdp_md *raw; } bpfgen_xdp_ctx;
typedef struct bpfgen_tc_ctx { const struct __sk_buff *raw; } bpfgen_tc_ctx;
typedef struct bpfgen_socket_filter_ctx { const struct __sk_buff *raw; } bpfgen_socket_filter_ctx;
typedef struct bpfgen_cgroup_skb_ctx { const struct __sk_buff *raw; } bpfgen_cgroup_skb_ctx;
typedef struct bpfgen_sk_skb_ctx { const struct __sk_buff *raw; } bpfgen_sk_skb_ctx;
typedef struct bpfgen_cgroup_sock_ctx { const struct bpf_sock *raw; } bpfgen_cgroup_sock_ctx;
typedef struct bpfgen_cgroup_sock_addr_ctx { const struct bpf_sock_addr *raw; } bpfgen_cgroup_sock_addr_ctx;
typedef struct bpfgen_cgroup_sockopt_ctx { const struct bpf_sockopt *raw; } bpfgen_cgroup_sockopt_ctx;
typedef struct bpfgen_cgroup_sysctl_ctx { const struct bpf_sysctl *raw; } bpfgen_cgroup_sysctl_ctx;
typedef struct bpfgen_cgroup_device_ctx { const struct bpf_cgroup_dev_ctx *raw; } bpfgen_cgroup_device_ctx;
typedef struct bpfgen_sock_ops_ctx { const struct bpf_sock_ops *raw; } bpfgen_sock_ops_ctx;
typedef struct bpfgen_sk_msg_ctx { const struct sk_msg_md *raw; } bpfgen_sk_msg_ctx;
typedef struct bpfgen_sk_lookup_ctx { const struct bpf_sk_lookup *raw; } bpfgen_sk_lookup_ctx;
typedef struct bpfgen_kprobe_ctx { const struct pt_regs *raw; } bpfgen_kprobe_ctx;
typedef struct bpfgen_uprobe_ctx { const struct pt_regs *raw; } bpfgen_uprobe_ctx;
typedef struct bpfgen_tracepoint_ctx { const void *raw; } bpfgen_tracepoint_ctx;
typedef struct bpfgen_raw_tracepoint_ctx { const struct bpf_raw_tracepoint_args *raw; } bpfgen_raw_tracepoint_ctx;
typedef struct bpfgen_tp_btf_ctx { const unsigned long long *raw; } bpfgen_tp_btf_ctx;
typedef struct bpfgen_fentry_ctx { const unsigned long long *raw; } bpfgen_fentry_ctx;
typedef struct bpfgen_fexit_ctx { const unsigned long long *raw; } bpfgen_fexit_ctx;
typedef struct bpfgen_lsm_ctx { const unsigned long long *raw; } bpfgen_lsm_ctx;
typedef struct bpfgen_perf_event_ctx { const struct bpf_perf_event_data *raw; } bpfgen_perf_event_ctx;
typedef struct bpfgen_flow_dissector_ctx { const struct __sk_buff *raw; } bpfgen_flow_dissector_ctx;
typedef struct bpfgen_sk_reuseport_ctx { const struct sk_reuseport_md *raw; } bpfgen_sk_reuseport_ctx;
/* struct bpf_nf_ctx and struct bpf_iter__<target> are the kernel's own: vmlinux.h has them. */
typedef struct bpfgen_netfilter_ctx { const struct bpf_nf_ctx *raw; } bpfgen_netfilter_ctx;
typedef struct bpfgen_iter_ctx { const void *raw; } bpfgen_iter_ctx;
typedef struct bpfgen_fmod_ret_ctx { const unsigned long long *raw; } bpfgen_fmod_ret_ctx;
typedef struct bpfgen_struct_ops_ctx { const unsigned long long *raw; } bpfgen_struct_ops_ctx;

/*
 * Any typed context, for the helpers that take the context as `void *`
 * (perf event output, tail calls): every member is one pointer, so reading
 * any of them gives the context pointer.
 */
typedef union bpfgen_any_ctx {
	bpfgen_xdp_ctx xdp;
	bpfgen_tc_ctx tc;
	bpfgen_socket_filter_ctx socket_filter;
	bpfgen_cgroup_skb_ctx cgroup_skb;
	bpfgen_sk_skb_ctx sk_skb;
	bpfgen_cgroup_sock_ctx cgroup_sock;
	bpfgen_cgroup_sock_addr_ctx cgroup_sock_addr;
	bpfgen_cgroup_sockopt_ctx cgroup_sockopt;
	bpfgen_cgroup_sysctl_ctx cgroup_sysctl;
	bpfgen_cgroup_device_ctx cgroup_device;
	bpfgen_sock_ops_ctx sock_ops;
	bpfgen_sk_msg_ctx sk_msg;
	bpfgen_sk_lookup_ctx sk_lookup;
	bpfgen_kprobe_ctx kprobe;
	bpfgen_uprobe_ctx uprobe;
	bpfgen_tracepoint_ctx tracepoint;
	bpfgen_raw_tracepoint_ctx raw_tracepoint;
	bpfgen_tp_btf_ctx tp_btf;
	bpfgen_fentry_ctx fentry;
	bpfgen_fexit_ctx fexit;
	bpfgen_lsm_ctx lsm;
	bpfgen_perf_event_ctx perf_event;
	bpfgen_flow_dissector_ctx flow_dissector;
	bpfgen_sk_reuseport_ctx sk_reuseport;
	bpfgen_netfilter_ctx netfilter;
	bpfgen_iter_ctx iter;
	bpfgen_fmod_ret_ctx fmod_ret;
	bpfgen_struct_ops_ctx struct_ops;
} __attribute__((transparent_union)) bpfgen_any_ctx;

static __always_inline void *bpfgen_raw(bpfgen_any_ctx ctx)
{
	return (void *)ctx.xdp.raw;
}

/* ---- program declarations ------------------------------------------------ */

/*
 * The macro is the entry function libbpf sees (section SEC, the kernel's
 * RAW_T *ctx) and the head of the always-inline body the user writes after
 * it; the entry calls the body with the typed context and gives the kernel
 * the value of the action it returns. The body's return type is the action
 * type (___bpfgen_prog), or int where the program returns a number
 * (___bpfgen_prog_int).
 */
#define ___bpfgen_prog(sec, raw_t, ctx_t, ret_t, name)				\
	static __always_inline ret_t ___bpfgen_body_##name(ctx_t ctx);		\
	SEC(sec) int name(raw_t *ctx)						\
	{									\
		return ___bpfgen_body_##name((ctx_t){ ctx }).___value;		\
	}									\
	static __always_inline ret_t ___bpfgen_body_##name(ctx_t ctx __bpfgen_unused)
#define ___bpfgen_prog_int(sec, raw_t, ctx_t, name)				\
	static __always_inline int ___bpfgen_body_##name(ctx_t ctx);		\
	SEC(sec) int name(raw_t *ctx)						\
	{									\
		return ___bpfgen_body_##name((ctx_t){ ctx });			\
	}									\
	static __always_inline int ___bpfgen_body_##name(ctx_t ctx __bpfgen_unused)

#define BPFGEN_XDP(name) \
	___bpfgen_prog("xdp", struct xdp_md, bpfgen_xdp_ctx, bpfgen_xdp_action, name)
#define BPFGEN_TC(name) \
	___bpfgen_prog("tc", struct __sk_buff, bpfgen_tc_ctx, bpfgen_tc_action, name)
/* A socket filter returns how many bytes to keep: BPFGEN_SOCKET_KEEP(n), _DROP. */
#define BPFGEN_SOCKET_FILTER(name) \
	___bpfgen_prog("socket", struct __sk_buff, bpfgen_socket_filter_ctx, bpfgen_socket_len, name)
#define BPFGEN_CGROUP_SKB_INGRESS(name) \
	___bpfgen_prog("cgroup_skb/ingress", struct __sk_buff, bpfgen_cgroup_skb_ctx, bpfgen_verdict, name)
#define BPFGEN_CGROUP_SKB_EGRESS(name) \
	___bpfgen_prog("cgroup_skb/egress", struct __sk_buff, bpfgen_cgroup_skb_ctx, bpfgen_verdict, name)
#define BPFGEN_CGROUP_SOCK(name) \
	___bpfgen_prog("cgroup/sock_create", struct bpf_sock, bpfgen_cgroup_sock_ctx, bpfgen_verdict, name)
/* HOOK: "connect4", "bind6", "sendmsg4", "recvmsg6", "getpeername4", ... */
#define BPFGEN_CGROUP_SOCK_ADDR(name, hook) \
	___bpfgen_prog("cgroup/" hook, struct bpf_sock_addr, bpfgen_cgroup_sock_addr_ctx, bpfgen_verdict, name)
/* HOOK: "getsockopt" or "setsockopt" */
#define BPFGEN_CGROUP_SOCKOPT(name, hook) \
	___bpfgen_prog("cgroup/" hook, struct bpf_sockopt, bpfgen_cgroup_sockopt_ctx, bpfgen_verdict, name)
#define BPFGEN_CGROUP_SYSCTL(name) \
	___bpfgen_prog("cgroup/sysctl", struct bpf_sysctl, bpfgen_cgroup_sysctl_ctx, bpfgen_verdict, name)
#define BPFGEN_CGROUP_DEVICE(name) \
	___bpfgen_prog("cgroup/dev", struct bpf_cgroup_dev_ctx, bpfgen_cgroup_device_ctx, bpfgen_verdict, name)
#define BPFGEN_SOCK_OPS(name) \
	___bpfgen_prog("sockops", struct bpf_sock_ops, bpfgen_sock_ops_ctx, bpfgen_verdict, name)
#define BPFGEN_SK_MSG(name) \
	___bpfgen_prog("sk_msg", struct sk_msg_md, bpfgen_sk_msg_ctx, bpfgen_verdict, name)
/*
 * KIND: "stream_verdict", "stream_parser" or "verdict". A parser returns a
 * length, not a verdict: declare it with BPFGEN_SK_SKB_PARSER.
 */
#define BPFGEN_SK_SKB(name, kind) \
	___bpfgen_prog("sk_skb/" kind, struct __sk_buff, bpfgen_sk_skb_ctx, bpfgen_verdict, name)
#define BPFGEN_SK_SKB_PARSER(name) \
	___bpfgen_prog_int("sk_skb/stream_parser", struct __sk_buff, bpfgen_sk_skb_ctx, name)
#define BPFGEN_SK_LOOKUP(name) \
	___bpfgen_prog("sk_lookup", struct bpf_sk_lookup, bpfgen_sk_lookup_ctx, bpfgen_verdict, name)
#define BPFGEN_PERF_EVENT(name) \
	___bpfgen_prog_int("perf_event", struct bpf_perf_event_data, bpfgen_perf_event_ctx, name)
/* The body writes the flow keys (bpfgen_flow_dissector_keys(ctx)) and returns BPFGEN_FLOW_*. */
#define BPFGEN_FLOW_DISSECTOR(name) \
	___bpfgen_prog("flow_dissector", struct __sk_buff, bpfgen_flow_dissector_ctx, bpfgen_flow_action, name)
/*
 * PASS lets the kernel pick the socket of the group (or the one chosen with
 * bpf_sk_select_reuseport()), DROP drops the packet or the connection.
 */
#define BPFGEN_SK_REUSEPORT(name) \
	___bpfgen_prog("sk_reuseport", struct sk_reuseport_md, bpfgen_sk_reuseport_ctx, bpfgen_verdict, name)
/* Needs vmlinux.h (struct bpf_nf_ctx is not uapi); Linux 6.4. */
#define BPFGEN_NETFILTER(name) \
	___bpfgen_prog("netfilter", struct bpf_nf_ctx, bpfgen_netfilter_ctx, bpfgen_nf_verdict, name)
/*
 * A program userspace runs with BPF_PROG_TEST_RUN: its context is the
 * caller's ARGS_TYPE, read and written in place (ctx is ARGS_TYPE *), and
 * what it returns is the run's return value.
 */
#define BPFGEN_SYSCALL(name, args_type)						\
	static __always_inline int ___bpfgen_body_##name(args_type *ctx);	\
	SEC("syscall") int name(args_type *ctx)					\
	{									\
		return ___bpfgen_body_##name(ctx);				\
	}									\
	static __always_inline int ___bpfgen_body_##name(args_type *ctx __bpfgen_unused)

/*
 * Tracing programs also receive their arguments as typed parameters, declared
 * in the macro (`BPFGEN_KPROBE(name, "do_unlinkat", int dfd, struct filename *f)`),
 * as libbpf's BPF_KPROBE and BPF_PROG do. Their bodies return int.
 */
#define ___bpfgen_nth(_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, n, ...) n
#define ___bpfgen_narg(...) \
	___bpfgen_nth(_, ##__VA_ARGS__, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define ___bpfgen_cat2(a, b) a##b
#define ___bpfgen_cat(a, b) ___bpfgen_cat2(a, b)

/* ", arg0, arg1, ..." for N arguments, each fetched by GET(c, i). */
#define ___bpfgen_a0(get, c)
#define ___bpfgen_a1(get, c) , get(c, 0)
#define ___bpfgen_a2(get, c) ___bpfgen_a1(get, c), get(c, 1)
#define ___bpfgen_a3(get, c) ___bpfgen_a2(get, c), get(c, 2)
#define ___bpfgen_a4(get, c) ___bpfgen_a3(get, c), get(c, 3)
#define ___bpfgen_a5(get, c) ___bpfgen_a4(get, c), get(c, 4)
#define ___bpfgen_a6(get, c) ___bpfgen_a5(get, c), get(c, 5)
#define ___bpfgen_a7(get, c) ___bpfgen_a6(get, c), get(c, 6)
#define ___bpfgen_a8(get, c) ___bpfgen_a7(get, c), get(c, 7)
#define ___bpfgen_a9(get, c) ___bpfgen_a8(get, c), get(c, 8)
#define ___bpfgen_a10(get, c) ___bpfgen_a9(get, c), get(c, 9)
#define ___bpfgen_a11(get, c) ___bpfgen_a10(get, c), get(c, 10)
#define ___bpfgen_a12(get, c) ___bpfgen_a11(get, c), get(c, 11)
#define ___bpfgen_args(get, c, args...) \
	___bpfgen_cat(___bpfgen_a, ___bpfgen_narg(args))(get, c)

/* The getters: a register of pt_regs, a word of the BTF-typed u64 array. */
#define ___bpfgen_reg_0(c) PT_REGS_PARM1(c)
#define ___bpfgen_reg_1(c) PT_REGS_PARM2(c)
#define ___bpfgen_reg_2(c) PT_REGS_PARM3(c)
#define ___bpfgen_reg_3(c) PT_REGS_PARM4(c)
#define ___bpfgen_reg_4(c) PT_REGS_PARM5(c)
#define ___bpfgen_get_reg(c, i) (void *)___bpfgen_reg_##i(c)
#define ___bpfgen_get_word(c, i) (void *)(c)[i]
#define ___bpfgen_get_raw_tp(c, i) (void *)(c)->args[i]
#define ___bpfgen_get_ret(c, i) (void *)PT_REGS_RC(c)

/*
 * Arguments are passed as `void *` like libbpf does, which converts to the
 * integer or pointer type of each declared parameter; -Wint-conversion is
 * silenced for that call only.
 */
#define ___bpfgen_trace_prog(sec, raw_t, ctx_t, get, name, args...)		\
	static __always_inline int ___bpfgen_body_##name(ctx_t ctx, ##args);	\
	SEC(sec) int name(raw_t *ctx)						\
	{									\
		_Pragma("GCC diagnostic push")					\
		_Pragma("GCC diagnostic ignored \"-Wint-conversion\"")		\
		return ___bpfgen_body_##name((ctx_t){ ctx }			\
			___bpfgen_args(get, ctx, args));			\
		_Pragma("GCC diagnostic pop")					\
	}									\
	static __always_inline int ___bpfgen_body_##name(ctx_t ctx __bpfgen_unused, ##args)

/*
 * Too many parameters is an error at the macro, before the getters below
 * expand into something that only warns: registers for probes, the return
 * value alone for return probes, 12 words (MAX_BPF_FUNC_ARGS) for BTF ones.
 */
#define ___bpfgen_max_args(what, max, args...)					\
	_Static_assert(___bpfgen_narg(args) <= (max), what)

/* At most 5 arguments (the registers bpf_tracing.h names on every arch). */
#define BPFGEN_KPROBE(name, func, args...) \
	___bpfgen_max_args("BPFGEN_KPROBE: a kprobe receives at most 5 arguments " \
			   "in registers (PT_REGS_PARM1..5)", 5, ##args);	\
	___bpfgen_trace_prog("kprobe/" func, struct pt_regs, bpfgen_kprobe_ctx, ___bpfgen_get_reg, name, ##args)
/* ARGS: nothing, or one parameter that receives the return value. */
#define BPFGEN_KRETPROBE(name, func, args...) \
	___bpfgen_max_args("BPFGEN_KRETPROBE: a return probe receives only the " \
			   "return value: declare one parameter, or none", 1, ##args); \
	___bpfgen_trace_prog("kretprobe/" func, struct pt_regs, bpfgen_kprobe_ctx, ___bpfgen_get_ret, name, ##args)
/* TARGET: "path:function", e.g. "/bin/bash:readline"; "" to attach by hand. */
#define BPFGEN_UPROBE(name, target, args...) \
	___bpfgen_max_args("BPFGEN_UPROBE: a uprobe receives at most 5 arguments " \
			   "in registers (PT_REGS_PARM1..5)", 5, ##args);	\
	___bpfgen_trace_prog("uprobe/" target, struct pt_regs, bpfgen_uprobe_ctx, ___bpfgen_get_reg, name, ##args)
#define BPFGEN_URETPROBE(name, target, args...) \
	___bpfgen_max_args("BPFGEN_URETPROBE: a return probe receives only the " \
			   "return value: declare one parameter, or none", 1, ##args); \
	___bpfgen_trace_prog("uretprobe/" target, struct pt_regs, bpfgen_uprobe_ctx, ___bpfgen_get_ret, name, ##args)
#define BPFGEN_RAW_TRACEPOINT(name, tp, args...) \
	___bpfgen_trace_prog("raw_tp/" tp, struct bpf_raw_tracepoint_args, bpfgen_raw_tracepoint_ctx, ___bpfgen_get_raw_tp, name, ##args)
#define BPFGEN_TP_BTF(name, tp, args...) \
	___bpfgen_trace_prog("tp_btf/" tp, unsigned long long, bpfgen_tp_btf_ctx, ___bpfgen_get_word, name, ##args)
#define BPFGEN_FENTRY(name, func, args...) \
	___bpfgen_trace_prog("fentry/" func, unsigned long long, bpfgen_fentry_ctx, ___bpfgen_get_word, name, ##args)
/* ARGS: the function's parameters, then one for its return value. */
#define BPFGEN_FEXIT(name, func, args...) \
	___bpfgen_trace_prog("fexit/" func, unsigned long long, bpfgen_fexit_ctx, ___bpfgen_get_word, name, ##args)
/* The body returns 0 to allow, a negative errno to deny. */
#define BPFGEN_LSM(name, hook, args...) \
	___bpfgen_trace_prog("lsm/" hook, unsigned long long, bpfgen_lsm_ctx, ___bpfgen_get_word, name, ##args)
/*
 * ARGS: the function's parameters, then optionally an int that receives
 * what an earlier fmod_ret program returned. The body returns 0 to let the
 * function run, or the value (an -errno) the caller gets instead of its call.
 */
#define BPFGEN_FMOD_RET(name, func, args...) \
	___bpfgen_trace_prog("fmod_ret/" func, unsigned long long, bpfgen_fmod_ret_ctx, ___bpfgen_get_word, name, ##args)

/*
 * An iterator over the kernel's TARGET (task, task_file, bpf_map, tcp, ...,
 * an identifier: the context is struct bpf_iter__TARGET of vmlinux.h, so a
 * target the kernel does not have does not compile). ARGS are the fields of
 * that struct after meta, in order (`struct task_struct *task`); the body
 * writes with BPF_SEQ_PRINTF(bpfgen_iter_seq(ctx), ...) and returns 0 (the
 * kernel allows 0 or 1; 1 stops the read with an error).
 */
#define ___bpfgen_get_iter(c, i) (void *)((const unsigned long long *)(c))[(i) + 1]
#define BPFGEN_ITER(name, target, args...)					\
	_Static_assert(sizeof(struct bpf_iter__##target) / 8 > ___bpfgen_narg(args), \
		       "BPFGEN_ITER: more parameters than struct bpf_iter__" #target \
		       " has fields after meta");				\
	static __always_inline int ___bpfgen_body_##name(bpfgen_iter_ctx ctx, ##args); \
	SEC("iter/" #target) int name(struct bpf_iter__##target *ctx)		\
	{									\
		_Pragma("GCC diagnostic push")					\
		_Pragma("GCC diagnostic ignored \"-Wint-conversion\"")		\
		return ___bpfgen_body_##name((bpfgen_iter_ctx){ ctx }		\
			___bpfgen_args(___bpfgen_get_iter, ctx, args));		\
		_Pragma("GCC diagnostic pop")					\
	}									\
	static __always_inline int ___bpfgen_body_##name(bpfgen_iter_ctx ctx __bpfgen_unused, ##args)

/*
 * Replaces the global function TARGET of a loaded program (its loader names
 * the program: bpf_program__set_attach_target()). The kernel requires the
 * replacement to have TARGET's prototype, so KIND names the program type
 * TARGET takes the context of (xdp, tc, socket_filter, cgroup_skb, sk_skb,
 * flow_dissector): the entry takes that context, the body the typed context
 * and returns that type's action, which the entry returns as TARGET's int.
 */
#define ___bpfgen_freplace_raw_xdp struct xdp_md
#define ___bpfgen_freplace_ret_xdp bpfgen_xdp_action
#define ___bpfgen_freplace_raw_tc struct __sk_buff
#define ___bpfgen_freplace_ret_tc bpfgen_tc_action
#define ___bpfgen_freplace_raw_socket_filter struct __sk_buff
#define ___bpfgen_freplace_ret_socket_filter bpfgen_socket_len
#define ___bpfgen_freplace_raw_cgroup_skb struct __sk_buff
#define ___bpfgen_freplace_ret_cgroup_skb bpfgen_verdict
#define ___bpfgen_freplace_raw_sk_skb struct __sk_buff
#define ___bpfgen_freplace_ret_sk_skb bpfgen_verdict
#define ___bpfgen_freplace_raw_flow_dissector struct __sk_buff
#define ___bpfgen_freplace_ret_flow_dissector bpfgen_flow_action
#define BPFGEN_FREPLACE(name, target, kind)					\
	___bpfgen_prog("freplace/" target, ___bpfgen_freplace_raw_##kind,	\
		       bpfgen_##kind##_ctx, ___bpfgen_freplace_ret_##kind, name)

/*
 * A member of a struct_ops map (tcp_congestion_ops, sched_ext_ops, ...),
 * written after the member's return type as libbpf's BPF_PROG is:
 *
 *	__u32 BPFGEN_STRUCT_OPS(my_ssthresh, tcp_congestion_ops, ssthresh, struct sock *sk)
 *
 * ARGS and that type must be the member's prototype, or it does not compile;
 * the map names the program: `.ssthresh = (void *)my_ssthresh`.
 */
#define BPFGEN_STRUCT_OPS(name, ops_type, member, args...)			\
	name(unsigned long long *ctx);						\
	extern __typeof__(name(0)) ___bpfgen_proto_##name(args);		\
	_Static_assert(__builtin_types_compatible_p(				\
			__typeof__(&___bpfgen_proto_##name),			\
			__typeof__(((struct ops_type *)0)->member)),		\
		       "BPFGEN_STRUCT_OPS: the return type and parameters must be "	\
		       "those of struct " #ops_type "'s member " #member);	\
	static __always_inline __typeof__(name(0))				\
	___bpfgen_body_##name(bpfgen_struct_ops_ctx ctx, ##args);		\
	SEC("struct_ops/" #member) __typeof__(name(0)) name(unsigned long long *ctx) \
	{									\
		_Pragma("GCC diagnostic push")					\
		_Pragma("GCC diagnostic ignored \"-Wint-conversion\"")		\
		return ___bpfgen_body_##name((bpfgen_struct_ops_ctx){ ctx }	\
			___bpfgen_args(___bpfgen_get_word, ctx, args));		\
		_Pragma("GCC diagnostic pop")					\
	}									\
	static __always_inline __typeof__(name(0))				\
	___bpfgen_body_##name(bpfgen_struct_ops_ctx ctx __bpfgen_unused, ##args)

/*
 * A tracepoint's body receives `ctx` and `args`, the record of the event as
 * TYPE (struct trace_event_raw_<event> of vmlinux.h, or the user's own).
 */
#define BPFGEN_TRACEPOINT(name, category, event, type)				\
	static __always_inline int ___bpfgen_body_##name(bpfgen_tracepoint_ctx ctx, \
							 const type *args);	\
	SEC("tracepoint/" category "/" event) int name(type *ctx)		\
	{									\
		return ___bpfgen_body_##name((bpfgen_tracepoint_ctx){ ctx }, ctx); \
	}									\
	static __always_inline int ___bpfgen_body_##name(bpfgen_tracepoint_ctx ctx __bpfgen_unused, \
							 const type *args)

/* ---- context accessors --------------------------------------------------- */

#define ___bpfgen_get(ctx_t, prefix, field, type)				\
	static __always_inline type bpfgen_##prefix##_##field(ctx_t ctx)	\
	{									\
		return ctx.raw->field;						\
	}
#define ___bpfgen_set(ctx_t, prefix, field, type)				\
	static __always_inline void bpfgen_##prefix##_set_##field(ctx_t ctx, type v) \
	{									\
		bpfgen_##prefix##_raw(ctx)->field = v;				\
	}
#define ___bpfgen_getset(ctx_t, prefix, field, type) \
	___bpfgen_get(ctx_t, prefix, field, type) ___bpfgen_set(ctx_t, prefix, field, type)
#define ___bpfgen_raw(ctx_t, prefix, raw_t)					\
	static __always_inline raw_t *bpfgen_##prefix##_raw(ctx_t ctx)		\
	{									\
		return (raw_t *)ctx.raw;					\
	}

/* xdp: every field is read-only. */
___bpfgen_raw(bpfgen_xdp_ctx, xdp, struct xdp_md)
___bpfgen_get(bpfgen_xdp_ctx, xdp, ingress_ifindex, __u32)
___bpfgen_get(bpfgen_xdp_ctx, xdp, rx_queue_index, __u32)
static __always_inline void *bpfgen_xdp_data(bpfgen_xdp_ctx ctx)
{
	return (void *)(long)ctx.raw->data;
}
static __always_inline void *bpfgen_xdp_data_end(bpfgen_xdp_ctx ctx)
{
	return (void *)(long)ctx.raw->data_end;
}
/*
 * data_end - data. The empty asm makes the difference opaque, so that clang
 * cannot reassociate it into the arithmetic around it (x - data + data_end),
 * which the verifier refuses as arithmetic on packet pointers.
 */
static __always_inline __u32 bpfgen_xdp_len(bpfgen_xdp_ctx ctx)
{
	__u32 len = ctx.raw->data_end - ctx.raw->data;

	asm("" : "+r"(len));
	return len;
}

/* tc: the fields the kernel lets a tc program write have setters. */
___bpfgen_raw(bpfgen_tc_ctx, tc, struct __sk_buff)
___bpfgen_get(bpfgen_tc_ctx, tc, len, __u32)
___bpfgen_get(bpfgen_tc_ctx, tc, pkt_type, __u32)
___bpfgen_get(bpfgen_tc_ctx, tc, protocol, __u32)
___bpfgen_get(bpfgen_tc_ctx, tc, vlan_present, __u32)
___bpfgen_get(bpfgen_tc_ctx, tc, vlan_tci, __u32)
___bpfgen_get(bpfgen_tc_ctx, tc, ifindex, __u32)
___bpfgen_get(bpfgen_tc_ctx, tc, ingress_ifindex, __u32)
___bpfgen_get(bpfgen_tc_ctx, tc, hash, __u32)
___bpfgen_get(bpfgen_tc_ctx, tc, gso_size, __u32)
___bpfgen_getset(bpfgen_tc_ctx, tc, mark, __u32)
___bpfgen_getset(bpfgen_tc_ctx, tc, priority, __u32)
___bpfgen_getset(bpfgen_tc_ctx, tc, queue_mapping, __u32)
___bpfgen_getset(bpfgen_tc_ctx, tc, tc_index, __u32)
___bpfgen_getset(bpfgen_tc_ctx, tc, tc_classid, __u32)
___bpfgen_getset(bpfgen_tc_ctx, tc, tstamp, __u64)

/* socket filter: reads only, and the control buffer; no direct packet access. */
___bpfgen_raw(bpfgen_socket_filter_ctx, socket_filter, struct __sk_buff)
___bpfgen_get(bpfgen_socket_filter_ctx, socket_filter, len, __u32)
___bpfgen_get(bpfgen_socket_filter_ctx, socket_filter, pkt_type, __u32)
___bpfgen_get(bpfgen_socket_filter_ctx, socket_filter, protocol, __u32)
___bpfgen_get(bpfgen_socket_filter_ctx, socket_filter, ifindex, __u32)
___bpfgen_get(bpfgen_socket_filter_ctx, socket_filter, mark, __u32)
___bpfgen_get(bpfgen_socket_filter_ctx, socket_filter, priority, __u32)

/* cgroup_skb */
___bpfgen_raw(bpfgen_cgroup_skb_ctx, cgroup_skb, struct __sk_buff)
___bpfgen_get(bpfgen_cgroup_skb_ctx, cgroup_skb, len, __u32)
___bpfgen_get(bpfgen_cgroup_skb_ctx, cgroup_skb, pkt_type, __u32)
___bpfgen_get(bpfgen_cgroup_skb_ctx, cgroup_skb, protocol, __u32)
___bpfgen_get(bpfgen_cgroup_skb_ctx, cgroup_skb, ifindex, __u32)
___bpfgen_get(bpfgen_cgroup_skb_ctx, cgroup_skb, family, __u32)
___bpfgen_get(bpfgen_cgroup_skb_ctx, cgroup_skb, remote_ip4, __u32)
___bpfgen_get(bpfgen_cgroup_skb_ctx, cgroup_skb, local_ip4, __u32)
___bpfgen_get(bpfgen_cgroup_skb_ctx, cgroup_skb, remote_port, __u32)
___bpfgen_get(bpfgen_cgroup_skb_ctx, cgroup_skb, local_port, __u32)
___bpfgen_getset(bpfgen_cgroup_skb_ctx, cgroup_skb, mark, __u32)
___bpfgen_getset(bpfgen_cgroup_skb_ctx, cgroup_skb, priority, __u32)

/* sk_skb */
___bpfgen_raw(bpfgen_sk_skb_ctx, sk_skb, struct __sk_buff)
___bpfgen_get(bpfgen_sk_skb_ctx, sk_skb, len, __u32)
___bpfgen_get(bpfgen_sk_skb_ctx, sk_skb, protocol, __u32)
___bpfgen_get(bpfgen_sk_skb_ctx, sk_skb, family, __u32)
___bpfgen_get(bpfgen_sk_skb_ctx, sk_skb, remote_ip4, __u32)
___bpfgen_get(bpfgen_sk_skb_ctx, sk_skb, local_ip4, __u32)
___bpfgen_get(bpfgen_sk_skb_ctx, sk_skb, remote_port, __u32)
___bpfgen_get(bpfgen_sk_skb_ctx, sk_skb, local_port, __u32)
___bpfgen_getset(bpfgen_sk_skb_ctx, sk_skb, priority, __u32)
___bpfgen_getset(bpfgen_sk_skb_ctx, sk_skb, tc_index, __u32)

/* cgroup/sock_create */
___bpfgen_raw(bpfgen_cgroup_sock_ctx, cgroup_sock, struct bpf_sock)
___bpfgen_get(bpfgen_cgroup_sock_ctx, cgroup_sock, family, __u32)
___bpfgen_get(bpfgen_cgroup_sock_ctx, cgroup_sock, type, __u32)
___bpfgen_get(bpfgen_cgroup_sock_ctx, cgroup_sock, protocol, __u32)
___bpfgen_getset(bpfgen_cgroup_sock_ctx, cgroup_sock, bound_dev_if, __u32)
___bpfgen_getset(bpfgen_cgroup_sock_ctx, cgroup_sock, mark, __u32)
___bpfgen_getset(bpfgen_cgroup_sock_ctx, cgroup_sock, priority, __u32)

/* cgroup sock_addr hooks; msg_src_ip4 is writable in sendmsg4 only. */
___bpfgen_raw(bpfgen_cgroup_sock_addr_ctx, cgroup_sock_addr, struct bpf_sock_addr)
___bpfgen_get(bpfgen_cgroup_sock_addr_ctx, cgroup_sock_addr, user_family, __u32)
___bpfgen_get(bpfgen_cgroup_sock_addr_ctx, cgroup_sock_addr, family, __u32)
___bpfgen_get(bpfgen_cgroup_sock_addr_ctx, cgroup_sock_addr, type, __u32)
___bpfgen_get(bpfgen_cgroup_sock_addr_ctx, cgroup_sock_addr, protocol, __u32)
___bpfgen_getset(bpfgen_cgroup_sock_addr_ctx, cgroup_sock_addr, user_ip4, __u32)
___bpfgen_getset(bpfgen_cgroup_sock_addr_ctx, cgroup_sock_addr, user_port, __u32)
___bpfgen_getset(bpfgen_cgroup_sock_addr_ctx, cgroup_sock_addr, msg_src_ip4, __u32)

/* cgroup get/setsockopt */
___bpfgen_raw(bpfgen_cgroup_sockopt_ctx, cgroup_sockopt, struct bpf_sockopt)
___bpfgen_get(bpfgen_cgroup_sockopt_ctx, cgroup_sockopt, level, __s32)
___bpfgen_get(bpfgen_cgroup_sockopt_ctx, cgroup_sockopt, optname, __s32)
___bpfgen_getset(bpfgen_cgroup_sockopt_ctx, cgroup_sockopt, optlen, __s32)
___bpfgen_getset(bpfgen_cgroup_sockopt_ctx, cgroup_sockopt, retval, __s32)
static __always_inline void *bpfgen_cgroup_sockopt_optval(bpfgen_cgroup_sockopt_ctx ctx)
{
	return ctx.raw->optval;
}
static __always_inline void *bpfgen_cgroup_sockopt_optval_end(bpfgen_cgroup_sockopt_ctx ctx)
{
	return ctx.raw->optval_end;
}

/* cgroup/sysctl */
___bpfgen_raw(bpfgen_cgroup_sysctl_ctx, cgroup_sysctl, struct bpf_sysctl)
___bpfgen_get(bpfgen_cgroup_sysctl_ctx, cgroup_sysctl, write, __u32)
___bpfgen_getset(bpfgen_cgroup_sysctl_ctx, cgroup_sysctl, file_pos, __u32)

/* cgroup/dev: all read-only; access_type is (access << 16) | device type. */
___bpfgen_raw(bpfgen_cgroup_device_ctx, cgroup_device, struct bpf_cgroup_dev_ctx)
___bpfgen_get(bpfgen_cgroup_device_ctx, cgroup_device, access_type, __u32)
___bpfgen_get(bpfgen_cgroup_device_ctx, cgroup_device, major, __u32)
___bpfgen_get(bpfgen_cgroup_device_ctx, cgroup_device, minor, __u32)

/*
 * sockops. Addresses are in network order; local_port is in host order, and
 * remote_port is the raw field: the network-order port in its high 16 bits
 * on little-endian machines (bpfgen_sock_ops_remote_port_host() is the
 * port). srtt_us is the kernel's smoothed RTT in eighths of a microsecond
 * (>> 3 for microseconds). The counters (bytes_acked to total_retrans),
 * state and snd_cwnd are those of a full TCP socket, 0 for a request socket.
 */
___bpfgen_raw(bpfgen_sock_ops_ctx, sock_ops, struct bpf_sock_ops)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, op, __u32)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, family, __u32)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, remote_ip4, __u32)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, local_ip4, __u32)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, remote_port, __u32)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, local_port, __u32)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, srtt_us, __u32)
___bpfgen_getset(bpfgen_sock_ops_ctx, sock_ops, reply, __u32)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, bytes_acked, __u64)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, bytes_received, __u64)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, segs_in, __u32)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, segs_out, __u32)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, data_segs_in, __u32)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, data_segs_out, __u32)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, total_retrans, __u32)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, state, __u32)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, snd_cwnd, __u32)
___bpfgen_get(bpfgen_sock_ops_ctx, sock_ops, bpf_sock_ops_cb_flags, __u32)

/* The remote port in host order (the raw field keeps it in network order in its high half). */
static __always_inline __u16 bpfgen_sock_ops_remote_port_host(bpfgen_sock_ops_ctx ctx)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return (__u16)__builtin_bswap32(ctx.raw->remote_port);
#else
	return (__u16)ctx.raw->remote_port;
#endif
}

/*
 * The addresses into OUT, a __u32[4] passed as &buf (network order, as the
 * kernel keeps them): one 4-byte load per word, because the kernel rewrites
 * each context load at its constant offset and refuses a memcpy from the
 * context. A smaller array or a plain pointer does not compile.
 */
static __always_inline void bpfgen_sock_ops_local_ip6(bpfgen_sock_ops_ctx ctx, __u32 (*out)[4])
{
	(*out)[0] = ctx.raw->local_ip6[0];
	(*out)[1] = ctx.raw->local_ip6[1];
	(*out)[2] = ctx.raw->local_ip6[2];
	(*out)[3] = ctx.raw->local_ip6[3];
}
static __always_inline void bpfgen_sock_ops_remote_ip6(bpfgen_sock_ops_ctx ctx, __u32 (*out)[4])
{
	(*out)[0] = ctx.raw->remote_ip6[0];
	(*out)[1] = ctx.raw->remote_ip6[1];
	(*out)[2] = ctx.raw->remote_ip6[2];
	(*out)[3] = ctx.raw->remote_ip6[3];
}

/*
 * The callbacks the kernel runs for this socket from now on
 * (BPF_SOCK_OPS_*_CB_FLAG): 0, or -EINVAL for a socket that is not a full
 * TCP socket, or the flags this kernel does not know (a positive value).
 */
static __always_inline __bpfgen_must_check long
bpfgen_sock_ops_cb_flags_set(bpfgen_sock_ops_ctx ctx, __u32 flags)
{
	return bpf_sock_ops_cb_flags_set(bpfgen_sock_ops_raw(ctx), flags);
}

/* sk_msg */
___bpfgen_raw(bpfgen_sk_msg_ctx, sk_msg, struct sk_msg_md)
___bpfgen_get(bpfgen_sk_msg_ctx, sk_msg, family, __u32)
___bpfgen_get(bpfgen_sk_msg_ctx, sk_msg, remote_ip4, __u32)
___bpfgen_get(bpfgen_sk_msg_ctx, sk_msg, local_ip4, __u32)
___bpfgen_get(bpfgen_sk_msg_ctx, sk_msg, remote_port, __u32)
___bpfgen_get(bpfgen_sk_msg_ctx, sk_msg, local_port, __u32)
___bpfgen_get(bpfgen_sk_msg_ctx, sk_msg, size, __u32)

/* sk_lookup: all read-only; the socket is chosen with bpf_sk_assign(). */
___bpfgen_raw(bpfgen_sk_lookup_ctx, sk_lookup, struct bpf_sk_lookup)
___bpfgen_get(bpfgen_sk_lookup_ctx, sk_lookup, family, __u32)
___bpfgen_get(bpfgen_sk_lookup_ctx, sk_lookup, protocol, __u32)
___bpfgen_get(bpfgen_sk_lookup_ctx, sk_lookup, remote_ip4, __u32)
___bpfgen_get(bpfgen_sk_lookup_ctx, sk_lookup, local_ip4, __u32)
___bpfgen_get(bpfgen_sk_lookup_ctx, sk_lookup, remote_port, __u32)
___bpfgen_get(bpfgen_sk_lookup_ctx, sk_lookup, local_port, __u32)
___bpfgen_get(bpfgen_sk_lookup_ctx, sk_lookup, ingress_ifindex, __u32)

/* tracing: the context pointer for helpers; the fields are the arguments. */
___bpfgen_raw(bpfgen_kprobe_ctx, kprobe, struct pt_regs)
___bpfgen_raw(bpfgen_uprobe_ctx, uprobe, struct pt_regs)
___bpfgen_raw(bpfgen_tracepoint_ctx, tracepoint, void)
___bpfgen_raw(bpfgen_raw_tracepoint_ctx, raw_tracepoint, struct bpf_raw_tracepoint_args)
___bpfgen_raw(bpfgen_tp_btf_ctx, tp_btf, unsigned long long)
___bpfgen_raw(bpfgen_fentry_ctx, fentry, unsigned long long)
___bpfgen_raw(bpfgen_fexit_ctx, fexit, unsigned long long)
___bpfgen_raw(bpfgen_lsm_ctx, lsm, unsigned long long)

/* perf_event */
___bpfgen_raw(bpfgen_perf_event_ctx, perf_event, struct bpf_perf_event_data)
___bpfgen_get(bpfgen_perf_event_ctx, perf_event, sample_period, __u64)
___bpfgen_get(bpfgen_perf_event_ctx, perf_event, addr, __u64)

/* flow_dissector: the packet (read-only) and the flow keys the program writes. */
___bpfgen_raw(bpfgen_flow_dissector_ctx, flow_dissector, struct __sk_buff)
static __always_inline struct bpf_flow_keys *bpfgen_flow_dissector_keys(bpfgen_flow_dissector_ctx ctx)
{
	return ctx.raw->flow_keys;
}

/* sk_reuseport: all read-only; the packet starts at the transport header. */
___bpfgen_raw(bpfgen_sk_reuseport_ctx, sk_reuseport, struct sk_reuseport_md)
___bpfgen_get(bpfgen_sk_reuseport_ctx, sk_reuseport, len, __u32)
___bpfgen_get(bpfgen_sk_reuseport_ctx, sk_reuseport, eth_protocol, __u32)
___bpfgen_get(bpfgen_sk_reuseport_ctx, sk_reuseport, ip_protocol, __u32)
___bpfgen_get(bpfgen_sk_reuseport_ctx, sk_reuseport, bind_inany, __u32)
___bpfgen_get(bpfgen_sk_reuseport_ctx, sk_reuseport, hash, __u32)

/* netfilter (vmlinux.h): the hook's state and the packet, both read-only. */
___bpfgen_raw(bpfgen_netfilter_ctx, netfilter, struct bpf_nf_ctx)
#ifdef __VMLINUX_H__
static __always_inline struct sk_buff *bpfgen_netfilter_skb(bpfgen_netfilter_ctx ctx)
{
	return ctx.raw->skb;
}
static __always_inline const struct nf_hook_state *bpfgen_netfilter_state(bpfgen_netfilter_ctx ctx)
{
	return ctx.raw->state;
}
/* NF_INET_PRE_ROUTING 0, LOCAL_IN 1, FORWARD 2, LOCAL_OUT 3, POST_ROUTING 4 */
static __always_inline __u32 bpfgen_netfilter_hook(bpfgen_netfilter_ctx ctx)
{
	return ctx.raw->state->hook;
}
/* NFPROTO_IPV4 2, NFPROTO_IPV6 10 */
static __always_inline __u32 bpfgen_netfilter_pf(bpfgen_netfilter_ctx ctx)
{
	return ctx.raw->state->pf;
}
#endif

/* iter (vmlinux.h): the seq_file the body prints to, and the object's number. */
#ifdef __VMLINUX_H__
static __always_inline struct bpf_iter_meta *bpfgen_iter_meta(bpfgen_iter_ctx ctx)
{
	return *(struct bpf_iter_meta *const *)ctx.raw;
}
static __always_inline struct seq_file *bpfgen_iter_seq(bpfgen_iter_ctx ctx)
{
	return bpfgen_iter_meta(ctx)->seq;
}
static __always_inline __u64 bpfgen_iter_seq_num(bpfgen_iter_ctx ctx)
{
	return bpfgen_iter_meta(ctx)->seq_num;
}
#endif
static __always_inline void *bpfgen_iter_raw(bpfgen_iter_ctx ctx)
{
	return (void *)ctx.raw;
}
___bpfgen_raw(bpfgen_fmod_ret_ctx, fmod_ret, unsigned long long)
___bpfgen_raw(bpfgen_struct_ops_ctx, struct_ops, unsigned long long)

/* ---- packet access -------------------------------------------------------- */

static __always_inline void *___bpfgen_skb_data(const struct __sk_buff *skb)
{
	return (void *)(long)skb->data;
}
static __always_inline void *___bpfgen_skb_data_end(const struct __sk_buff *skb)
{
	return (void *)(long)skb->data_end;
}
static __always_inline void *___bpfgen_tc_data(bpfgen_tc_ctx ctx) { return ___bpfgen_skb_data(ctx.raw); }
static __always_inline void *___bpfgen_tc_data_end(bpfgen_tc_ctx ctx) { return ___bpfgen_skb_data_end(ctx.raw); }
static __always_inline void *___bpfgen_cgroup_skb_data(bpfgen_cgroup_skb_ctx ctx) { return ___bpfgen_skb_data(ctx.raw); }
static __always_inline void *___bpfgen_cgroup_skb_data_end(bpfgen_cgroup_skb_ctx ctx) { return ___bpfgen_skb_data_end(ctx.raw); }
static __always_inline void *___bpfgen_sk_skb_data(bpfgen_sk_skb_ctx ctx) { return ___bpfgen_skb_data(ctx.raw); }
static __always_inline void *___bpfgen_sk_skb_data_end(bpfgen_sk_skb_ctx ctx) { return ___bpfgen_skb_data_end(ctx.raw); }
static __always_inline void *___bpfgen_flow_dissector_data(bpfgen_flow_dissector_ctx ctx) { return ___bpfgen_skb_data(ctx.raw); }
static __always_inline void *___bpfgen_flow_dissector_data_end(bpfgen_flow_dissector_ctx ctx) { return ___bpfgen_skb_data_end(ctx.raw); }
static __always_inline void *___bpfgen_sk_reuseport_data(bpfgen_sk_reuseport_ctx ctx) { return ctx.raw->data; }
static __always_inline void *___bpfgen_sk_reuseport_data_end(bpfgen_sk_reuseport_ctx ctx) { return ctx.raw->data_end; }

/*
 * The packet's first and one-past-last byte. Socket filters have no direct
 * packet access (the kernel refuses skb->data there): use bpfgen_load_bytes().
 */
#define bpfgen_data(ctx) _Generic((ctx),				\
	bpfgen_xdp_ctx: bpfgen_xdp_data,				\
	bpfgen_tc_ctx: ___bpfgen_tc_data,				\
	bpfgen_cgroup_skb_ctx: ___bpfgen_cgroup_skb_data,		\
	bpfgen_sk_skb_ctx: ___bpfgen_sk_skb_data,			\
	bpfgen_flow_dissector_ctx: ___bpfgen_flow_dissector_data,	\
	bpfgen_sk_reuseport_ctx: ___bpfgen_sk_reuseport_data)(ctx)
#define bpfgen_data_end(ctx) _Generic((ctx),				\
	bpfgen_xdp_ctx: bpfgen_xdp_data_end,				\
	bpfgen_tc_ctx: ___bpfgen_tc_data_end,				\
	bpfgen_cgroup_skb_ctx: ___bpfgen_cgroup_skb_data_end,		\
	bpfgen_sk_skb_ctx: ___bpfgen_sk_skb_data_end,			\
	bpfgen_flow_dissector_ctx: ___bpfgen_flow_dissector_data_end,	\
	bpfgen_sk_reuseport_ctx: ___bpfgen_sk_reuseport_data_end)(ctx)

static __always_inline void *___bpfgen_ptr_at(void *data, void *data_end, __u64 offset, __u64 size)
{
	void *p = data + offset;

	/*
	 * A variable offset: keep the pointer that is checked the pointer that
	 * is returned, or clang recomputes data + offset after the test and the
	 * verifier sees an unchecked packet pointer. Constant offsets cost nothing.
	 */
	if (!__builtin_constant_p(offset))
		asm volatile("" : "+r"(p));
	if (p + size > data_end)
		return NULL;
	/*
	 * The packet is never at address 0: saying so lets the caller's NULL
	 * test fold into the bounds test, as in the hand-written idiom.
	 */
	__builtin_assume(p != NULL);
	return p;
}

/* TYPE * at OFFSET into the packet, NULL when OFFSET + sizeof(TYPE) > data_end. */
#define bpfgen_ptr_at(ctx, offset, type) \
	((type *)___bpfgen_ptr_at(bpfgen_data(ctx), bpfgen_data_end(ctx), (offset), sizeof(type)))

static __always_inline __bpfgen_must_check long
___bpfgen_skb_load_bytes(const void *skb, __u32 offset, void *to, __u32 len)
{
	return bpf_skb_load_bytes(skb, offset, to, len);
}

/*
 * Copy sizeof(*TO) bytes at OFFSET into *TO (any __sk_buff program, and
 * sk_reuseport, whose offset 0 is the transport header): 0 or
 * -errno. TO must be a pointer: an array would decay and copy one element.
 */
#define bpfgen_load_bytes(ctx, offset, to) ({					\
	_Static_assert(__builtin_types_compatible_p(__typeof__(to),		\
						    __typeof__(&(to)[0])),	\
		       "bpfgen_load_bytes: pass a pointer (&buf for an array)");	\
	_Generic((ctx),								\
		bpfgen_tc_ctx: ___bpfgen_skb_load_bytes,			\
		bpfgen_socket_filter_ctx: ___bpfgen_skb_load_bytes,		\
		bpfgen_cgroup_skb_ctx: ___bpfgen_skb_load_bytes,		\
		bpfgen_sk_skb_ctx: ___bpfgen_skb_load_bytes,			\
		bpfgen_flow_dissector_ctx: ___bpfgen_skb_load_bytes,		\
		bpfgen_sk_reuseport_ctx: ___bpfgen_skb_load_bytes)((ctx).raw, (offset), (to), sizeof(*(to))); \
})

/* tc redirect to another interface: BPFGEN_TC_REDIRECT, or BPFGEN_TC_SHOT on error. */
static __always_inline bpfgen_tc_action bpfgen_tc_redirect(__u32 ifindex, __u64 flags)
{
	return ___bpfgen_action(bpfgen_tc_action, bpf_redirect(ifindex, flags));
}

/* ---- typed maps ------------------------------------------------------------ */

/* lookup, update and delete with the key and value types of map NAME. */
#define ___bpfgen_kv_access(name, key_type, value_type)				\
	static __always_inline __bpfgen_unused __bpfgen_must_check value_type *	\
	name##_lookup(const key_type *key)				\
	{									\
		return bpf_map_lookup_elem(&name, key);				\
	}									\
	static __always_inline __bpfgen_unused __bpfgen_must_check long				\
	name##_update(const key_type *key,				\
		      const value_type *val, __u64 flags)		\
	{									\
		return bpf_map_update_elem(&name, key, val, flags);		\
	}
#define ___bpfgen_kv_delete(name, key_type)					\
	static __always_inline __bpfgen_unused __bpfgen_must_check long				\
	name##_delete(const key_type *key)				\
	{									\
		return bpf_map_delete_elem(&name, key);				\
	}

#define ___bpfgen_kv_map(name, map_type, key_type, value_type, max)		\
	struct {								\
		__uint(type, map_type);						\
		__uint(max_entries, max);					\
		__type(key, key_type);						\
		__type(value, value_type);					\
	} name SEC(".maps");							\
	___bpfgen_kv_access(name, key_type, value_type)				\
	___bpfgen_kv_delete(name, key_type)

#define BPFGEN_HASH(name, key_type, value_type, max) \
	___bpfgen_kv_map(name, BPF_MAP_TYPE_HASH, key_type, value_type, max)
#define BPFGEN_LRU_HASH(name, key_type, value_type, max) \
	___bpfgen_kv_map(name, BPF_MAP_TYPE_LRU_HASH, key_type, value_type, max)
/* per-CPU maps: lookup returns this CPU's value */
#define BPFGEN_PERCPU_HASH(name, key_type, value_type, max) \
	___bpfgen_kv_map(name, BPF_MAP_TYPE_PERCPU_HASH, key_type, value_type, max)
#define BPFGEN_LRU_PERCPU_HASH(name, key_type, value_type, max) \
	___bpfgen_kv_map(name, BPF_MAP_TYPE_LRU_PERCPU_HASH, key_type, value_type, max)

/* Arrays have __u32 keys and no delete (the kernel refuses it). */
#define ___bpfgen_array_map(name, map_type, value_type, max)			\
	struct {								\
		__uint(type, map_type);						\
		__uint(max_entries, max);					\
		__type(key, __u32);						\
		__type(value, value_type);					\
	} name SEC(".maps");							\
	___bpfgen_kv_access(name, __u32, value_type)
#define BPFGEN_ARRAY(name, value_type, max) \
	___bpfgen_array_map(name, BPF_MAP_TYPE_ARRAY, value_type, max)
#define BPFGEN_PERCPU_ARRAY(name, value_type, max) \
	___bpfgen_array_map(name, BPF_MAP_TYPE_PERCPU_ARRAY, value_type, max)

/* KEY_TYPE starts with the __u32 prefix length in bits, then the data. */
#define BPFGEN_LPM_TRIE(name, key_type, value_type, max)			\
	struct {								\
		__uint(type, BPF_MAP_TYPE_LPM_TRIE);				\
		__uint(max_entries, max);					\
		__uint(map_flags, BPF_F_NO_PREALLOC);				\
		__type(key, key_type);						\
		__type(value, value_type);					\
	} name SEC(".maps");							\
	___bpfgen_kv_access(name, key_type, value_type)				\
	___bpfgen_kv_delete(name, key_type)

/* push/pop/peek: 0 or -errno (-ENOENT when empty, -E2BIG when full). */
#define ___bpfgen_push_pop(name, value_type)					\
	static __always_inline __bpfgen_unused __bpfgen_must_check long				\
	name##_push(const value_type *v, __u64 flags)		\
	{									\
		return bpf_map_push_elem(&name, v, flags);			\
	}									\
	static __always_inline __bpfgen_unused __bpfgen_must_check long				\
	name##_pop(value_type *out)					\
	{									\
		return bpf_map_pop_elem(&name, out);				\
	}									\
	static __always_inline __bpfgen_unused __bpfgen_must_check long				\
	name##_peek(value_type *out)				\
	{									\
		return bpf_map_peek_elem(&name, out);				\
	}
#define ___bpfgen_queue_map(name, map_type, value_type, max)			\
	struct {								\
		__uint(type, map_type);						\
		__uint(max_entries, max);					\
		__type(value, value_type);					\
	} name SEC(".maps");							\
	___bpfgen_push_pop(name, value_type)
#define BPFGEN_QUEUE(name, value_type, max) \
	___bpfgen_queue_map(name, BPF_MAP_TYPE_QUEUE, value_type, max)
#define BPFGEN_STACK(name, value_type, max) \
	___bpfgen_queue_map(name, BPF_MAP_TYPE_STACK, value_type, max)

/* push adds a value; peek is 0 when the value may be in the set, -ENOENT if not. */
#define BPFGEN_BLOOM_FILTER(name, value_type, max, nr_hashes)			\
	struct {								\
		__uint(type, BPF_MAP_TYPE_BLOOM_FILTER);			\
		__uint(max_entries, max);					\
		__uint(map_extra, nr_hashes);					\
		__type(value, value_type);					\
	} name SEC(".maps");							\
	static __always_inline __bpfgen_unused __bpfgen_must_check long				\
	name##_push(const value_type *v, __u64 flags)		\
	{									\
		return bpf_map_push_elem(&name, v, flags);			\
	}									\
	static __always_inline __bpfgen_unused __bpfgen_must_check long				\
	name##_peek(const value_type *v)				\
	{									\
		return bpf_map_peek_elem(&name, (void *)v);			\
	}

/*
 * Event maps also define bpfgen_event__NAME, a weak pointer to EVENT_TYPE in
 * .bss that no code uses: it puts the event type into the object's BTF, where
 * `bpfgen gen` reads it to type the userspace callback.
 */
#define BPFGEN_RINGBUF(name, event_type, size_bytes)				\
	struct {								\
		__uint(type, BPF_MAP_TYPE_RINGBUF);				\
		__uint(max_entries, size_bytes);				\
	} name SEC(".maps");							\
	event_type *bpfgen_event__##name __attribute__((weak));			\
	static __always_inline __bpfgen_unused __bpfgen_must_check event_type *			\
	name##_reserve(void)							\
	{									\
		return bpf_ringbuf_reserve(&name, sizeof(event_type), 0);	\
	}									\
	static __always_inline __bpfgen_unused void name##_submit(event_type *e)		\
	{									\
		bpf_ringbuf_submit(e, 0);					\
	}									\
	static __always_inline __bpfgen_unused void name##_discard(event_type *e)		\
	{									\
		bpf_ringbuf_discard(e, 0);					\
	}									\
	static __always_inline __bpfgen_unused __bpfgen_must_check long				\
	name##_output(const event_type *e)					\
	{									\
		return bpf_ringbuf_output(&name, (void *)e, sizeof(*e), 0);	\
	}

/* name##_output(ctx, e) sends E to this CPU's perf buffer. */
#define BPFGEN_PERF_EVENT_ARRAY(name, event_type)				\
	struct {								\
		__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);			\
		__uint(key_size, sizeof(int));					\
		__uint(value_size, sizeof(__u32));				\
	} name SEC(".maps");							\
	event_type *bpfgen_event__##name __attribute__((weak));			\
	static __always_inline __bpfgen_unused __bpfgen_must_check long				\
	name##_output(bpfgen_any_ctx ctx, const event_type *e)			\
	{									\
		return bpf_perf_event_output(bpfgen_raw(ctx), &name,		\
					     BPF_F_CURRENT_CPU, (void *)e,	\
					     sizeof(*e));			\
	}

/* name##_tail_call(ctx, index) returns only when the call fails (-errno). */
#define BPFGEN_PROG_ARRAY(name, max)						\
	struct {								\
		__uint(type, BPF_MAP_TYPE_PROG_ARRAY);				\
		__uint(max_entries, max);					\
		__type(key, __u32);						\
		__type(value, __u32);						\
	} name SEC(".maps");							\
	static __always_inline __bpfgen_unused long name##_tail_call(bpfgen_any_ctx ctx, __u32 index) \
	{									\
		return bpf_tail_call(bpfgen_raw(ctx), &name, index);		\
	}

/*
 * XDP redirect maps: name##_redirect(index, fallback) is BPFGEN_XDP_REDIRECT,
 * or FALLBACK (an XDP action) when entry INDEX is empty; _redirect_flags()
 * also takes BPF_F_BROADCAST / BPF_F_EXCLUDE_INGRESS.
 */
#define ___bpfgen_redirect_map(name, map_type, max)				\
	struct {								\
		__uint(type, map_type);						\
		__uint(max_entries, max);					\
		__type(key, __u32);						\
		__type(value, __u32);						\
	} name SEC(".maps");							\
	static __always_inline __bpfgen_unused bpfgen_xdp_action		\
	name##_redirect_flags(__u32 index, bpfgen_xdp_action fallback, __u64 flags) \
	{									\
		return ___bpfgen_action(bpfgen_xdp_action,			\
			bpf_redirect_map(&name, index, flags | (__u32)fallback.___value)); \
	}									\
	static __always_inline __bpfgen_unused bpfgen_xdp_action		\
	name##_redirect(__u32 index, bpfgen_xdp_action fallback)		\
	{									\
		return name##_redirect_flags(index, fallback, 0);		\
	}
#define BPFGEN_DEVMAP(name, max) ___bpfgen_redirect_map(name, BPF_MAP_TYPE_DEVMAP, max)
#define BPFGEN_CPUMAP(name, max) ___bpfgen_redirect_map(name, BPF_MAP_TYPE_CPUMAP, max)
#define BPFGEN_XSKMAP(name, max) ___bpfgen_redirect_map(name, BPF_MAP_TYPE_XSKMAP, max)

/*
 * Socket maps: name##_sock_ops_update(ctx, key, flags) adds the socket of a
 * sockops program; name##_msg_redirect / name##_skb_redirect steer an sk_msg
 * or sk_skb verdict program's data to the socket at KEY.
 */
#define BPFGEN_SOCKMAP(name, key_type, max)					\
	struct {								\
		__uint(type, BPF_MAP_TYPE_SOCKMAP);				\
		__uint(max_entries, max);					\
		__type(key, key_type);						\
		__type(value, __u64);						\
	} name SEC(".maps");							\
	static __always_inline __bpfgen_unused __bpfgen_must_check long				\
	name##_sock_ops_update(bpfgen_sock_ops_ctx ctx, const key_type *key, \
			       __u64 flags)					\
	{									\
		return bpf_sock_map_update(bpfgen_sock_ops_raw(ctx), &name,	\
					   (void *)key, flags);			\
	}									\
	static __always_inline __bpfgen_unused bpfgen_verdict			\
	name##_msg_redirect(bpfgen_sk_msg_ctx ctx, const key_type *key, \
			    __u64 flags)					\
	{									\
		return ___bpfgen_action(bpfgen_verdict,				\
			bpf_msg_redirect_map(bpfgen_sk_msg_raw(ctx), &name, *key, flags)); \
	}									\
	static __always_inline __bpfgen_unused bpfgen_verdict			\
	name##_skb_redirect(bpfgen_sk_skb_ctx ctx, const key_type *key, \
			    __u64 flags)					\
	{									\
		return ___bpfgen_action(bpfgen_verdict,				\
			bpf_sk_redirect_map(bpfgen_sk_skb_raw(ctx), &name, *key, flags)); \
	}
#define BPFGEN_SOCKHASH(name, key_type, max)					\
	struct {								\
		__uint(type, BPF_MAP_TYPE_SOCKHASH);				\
		__uint(max_entries, max);					\
		__type(key, key_type);						\
		__type(value, __u64);						\
	} name SEC(".maps");							\
	static __always_inline __bpfgen_unused __bpfgen_must_check long				\
	name##_sock_ops_update(bpfgen_sock_ops_ctx ctx, const key_type *key, \
			       __u64 flags)					\
	{									\
		return bpf_sock_hash_update(bpfgen_sock_ops_raw(ctx), &name,	\
					    (void *)key, flags);		\
	}									\
	static __always_inline __bpfgen_unused bpfgen_verdict			\
	name##_msg_redirect(bpfgen_sk_msg_ctx ctx, const key_type *key, \
			    __u64 flags)					\
	{									\
		return ___bpfgen_action(bpfgen_verdict,				\
			bpf_msg_redirect_hash(bpfgen_sk_msg_raw(ctx), &name,	\
					      (void *)key, flags));		\
	}									\
	static __always_inline __bpfgen_unused bpfgen_verdict			\
	name##_skb_redirect(bpfgen_sk_skb_ctx ctx, const key_type *key, \
			    __u64 flags)					\
	{									\
		return ___bpfgen_action(bpfgen_verdict,				\
			bpf_sk_redirect_hash(bpfgen_sk_skb_raw(ctx), &name,	\
					     (void *)key, flags));		\
	}

/*
 * Local storage: name##_get(owner, init, flags) returns the owner's value
 * (created from INIT when FLAGS has BPF_LOCAL_STORAGE_GET_F_CREATE), or NULL.
 */
#define ___bpfgen_storage_map(name, map_type, value_type)			\
	struct {								\
		__uint(type, map_type);						\
		__uint(map_flags, BPF_F_NO_PREALLOC);				\
		__type(key, int);						\
		__type(value, value_type);					\
	} name SEC(".maps")
#define BPFGEN_TASK_STORAGE(name, value_type)					\
	___bpfgen_storage_map(name, BPF_MAP_TYPE_TASK_STORAGE, value_type);	\
	static __always_inline __bpfgen_unused __bpfgen_must_check value_type *	\
	name##_get(struct task_struct *task, value_type *init, __u64 flags) \
	{									\
		return bpf_task_storage_get(&name, task, init, flags);		\
	}									\
	static __always_inline __bpfgen_unused __bpfgen_must_check long				\
	name##_delete(struct task_struct *task)					\
	{									\
		return bpf_task_storage_delete(&name, task);			\
	}
/*
 * The sockets the kernel accepts for sk storage: what a context's ->sk
 * gives (struct bpf_sock *) and the kernel's own socket types; anything else,
 * an __sk_buff or a typed context among them, does not compile.
 */
struct sock;
struct sock_common;
struct tcp_sock;
struct udp_sock;
typedef union bpfgen_sk_ptr {
	struct bpf_sock *bpf_sock;
	struct sock *sock;
	struct sock_common *sock_common;
	struct tcp_sock *tcp_sock;
	struct udp_sock *udp_sock;
} __attribute__((transparent_union)) bpfgen_sk_ptr;

/*
 * The socket of a sockops callback, for sk storage (bpfgen_sk_ptr takes it)
 * and socket helpers; NULL when the callback has none.
 */
static __always_inline __bpfgen_must_check struct bpf_sock *bpfgen_sock_ops_sk(bpfgen_sock_ops_ctx ctx)
{
	return ctx.raw->sk;
}

static __always_inline __u64 ___bpfgen_socket_cookie(const void *raw)
{
	return bpf_get_socket_cookie((void *)raw);
}

/*
 * The cookie of the context's socket: a number the kernel gives each socket
 * once, never reused while it runs (0 for a packet with no socket). The
 * context types whose programs may call bpf_get_socket_cookie(); any other
 * does not compile.
 */
#define bpfgen_socket_cookie(ctx) _Generic((ctx),				\
	bpfgen_tc_ctx: ___bpfgen_socket_cookie,					\
	bpfgen_socket_filter_ctx: ___bpfgen_socket_cookie,			\
	bpfgen_cgroup_skb_ctx: ___bpfgen_socket_cookie,				\
	bpfgen_sk_skb_ctx: ___bpfgen_socket_cookie,				\
	bpfgen_cgroup_sock_ctx: ___bpfgen_socket_cookie,			\
	bpfgen_cgroup_sock_addr_ctx: ___bpfgen_socket_cookie,			\
	bpfgen_sock_ops_ctx: ___bpfgen_socket_cookie)((ctx).raw)

#define BPFGEN_SK_STORAGE(name, value_type)					\
	___bpfgen_storage_map(name, BPF_MAP_TYPE_SK_STORAGE, value_type);	\
	static __always_inline __bpfgen_unused __bpfgen_must_check value_type *	\
	name##_get(bpfgen_sk_ptr sk, value_type *init, __u64 flags)	\
	{									\
		return bpf_sk_storage_get(&name, sk.sock, init, flags);		\
	}									\
	static __always_inline __bpfgen_unused __bpfgen_must_check long	\
	name##_delete(bpfgen_sk_ptr sk)						\
	{									\
		return bpf_sk_storage_delete(&name, sk.sock);			\
	}
/* 32 is BPF_MAP_TYPE_CGRP_STORAGE (Linux 6.2), unknown to older uapi headers. */
#define BPFGEN_CGRP_STORAGE(name, value_type)					\
	___bpfgen_storage_map(name, 32, value_type);				\
	static __always_inline __bpfgen_unused __bpfgen_must_check value_type *	\
	name##_get(struct cgroup *cgrp, value_type *init, __u64 flags) \
	{									\
		return bpf_cgrp_storage_get(&name, cgrp, init, flags);		\
	}									\
	static __always_inline __bpfgen_unused __bpfgen_must_check long				\
	name##_delete(struct cgroup *cgrp)					\
	{									\
		return bpf_cgrp_storage_delete(&name, cgrp);			\
	}

/* ==== stack traces, maps of maps, inode storage, user ring buffers ======== */
/*
 * (This section and the tracing helpers after it are one block: program
 * types live above, with their contexts.)
 */

/*
 * The typed contexts of the program types that may call the stack and
 * current-task helpers: an XDP or socket context given to them does not
 * compile ("passing 'bpfgen_xdp_ctx' to parameter of incompatible type").
 */
typedef union bpfgen_trace_ctx {
	bpfgen_kprobe_ctx kprobe;
	bpfgen_uprobe_ctx uprobe;
	bpfgen_tracepoint_ctx tracepoint;
	bpfgen_raw_tracepoint_ctx raw_tracepoint;
	bpfgen_tp_btf_ctx tp_btf;
	bpfgen_fentry_ctx fentry;
	bpfgen_fexit_ctx fexit;
	bpfgen_lsm_ctx lsm;
	bpfgen_perf_event_ctx perf_event;
} __attribute__((transparent_union)) bpfgen_trace_ctx;

/* The kernel's PERF_MAX_STACK_DEPTH: the most frames a stack-trace entry holds. */
#define BPFGEN_STACK_DEPTH 127

/*
 * A result that must be tested, out of an expression (a statement
 * expression, a libbpf macro): ignoring bpfgen_checked(x) is an error.
 */
static __always_inline __bpfgen_must_check long ___bpfgen_checked(long r)
{
	return r;
}

/*
 * name##_get_stackid(ctx, flags): the id of the current stack in NAME (its
 * key; userspace reads the frames there), or a negative errno (-EFAULT: no
 * stack, -EEXIST: another stack has the id's bucket and FLAGS lacks
 * BPF_F_REUSE_STACKID). FLAGS: BPF_F_USER_STACK for the user stack, else the
 * kernel's; BPF_F_FAST_STACK_CMP, BPF_F_REUSE_STACKID; the low 8 bits skip
 * that many frames.
 */
#define BPFGEN_STACK_TRACE(name, max)						\
	struct {								\
		__uint(type, BPF_MAP_TYPE_STACK_TRACE);				\
		__uint(max_entries, max);					\
		__type(key, __u32);						\
		__type(value, __u64[BPFGEN_STACK_DEPTH]);			\
	} name SEC(".maps");							\
	static __always_inline __bpfgen_unused __bpfgen_must_check long		\
	name##_get_stackid(bpfgen_trace_ctx ctx, __u64 flags)			\
	{									\
		return bpf_get_stackid((void *)ctx.kprobe.raw, &name, flags);	\
	}

/*
 * Maps of maps. INNER is a map declared with the macros above (BPFGEN_HASH,
 * BPFGEN_ARRAY, ...): it is the template of every inner map (libbpf creates
 * it too, and userspace inserts maps of its definition). The outer map's
 * lookup returns a typed handle, `name##_inner *`, NULL when the slot is
 * empty; name##_inner_lookup/update/delete(handle, ...) take and give
 * INNER's key and value types. A BPF program cannot update the outer map
 * (the kernel allows lookups only): userspace fills it (`bpfgen gen`).
 */
#define ___bpfgen_map_key_t(map) __typeof__(*(map).key)
#define ___bpfgen_map_value_t(map) __typeof__(*(map).value)
#define ___bpfgen_inner_access(name, inner)					\
	typedef __typeof__(inner) name##_inner;					\
	static __always_inline __bpfgen_unused __bpfgen_must_check		\
	___bpfgen_map_value_t(inner) *						\
	name##_inner_lookup(name##_inner *map, const ___bpfgen_map_key_t(inner) *key) \
	{									\
		return bpf_map_lookup_elem(map, key);				\
	}									\
	static __always_inline __bpfgen_unused __bpfgen_must_check long		\
	name##_inner_update(name##_inner *map, const ___bpfgen_map_key_t(inner) *key, \
			    const ___bpfgen_map_value_t(inner) *val, __u64 flags) \
	{									\
		return bpf_map_update_elem(map, key, val, flags);		\
	}									\
	/* an array inner map gives -EINVAL, as the kernel does */		\
	static __always_inline __bpfgen_unused __bpfgen_must_check long		\
	name##_inner_delete(name##_inner *map, const ___bpfgen_map_key_t(inner) *key) \
	{									\
		return bpf_map_delete_elem(map, key);				\
	}
#define ___bpfgen_map_of_maps(name, map_type, key_type, inner, max)		\
	struct {								\
		__uint(type, map_type);						\
		__uint(max_entries, max);					\
		__type(key, key_type);						\
		__array(values, __typeof__(inner));				\
	} name SEC(".maps");							\
	___bpfgen_inner_access(name, inner)					\
	static __always_inline __bpfgen_unused __bpfgen_must_check name##_inner * \
	name##_lookup(const key_type *key)					\
	{									\
		return bpf_map_lookup_elem(&name, key);				\
	}
#define BPFGEN_ARRAY_OF_MAPS(name, inner, max) \
	___bpfgen_map_of_maps(name, BPF_MAP_TYPE_ARRAY_OF_MAPS, __u32, inner, max)
#define BPFGEN_HASH_OF_MAPS(name, key_type, inner, max) \
	___bpfgen_map_of_maps(name, BPF_MAP_TYPE_HASH_OF_MAPS, key_type, inner, max)

/*
 * Inode storage, for lsm programs: the owner is the kernel's struct inode
 * (a BTF pointer such as an LSM hook's argument or file->f_inode).
 */
struct inode;
#define BPFGEN_INODE_STORAGE(name, value_type)					\
	___bpfgen_storage_map(name, BPF_MAP_TYPE_INODE_STORAGE, value_type);	\
	static __always_inline __bpfgen_unused __bpfgen_must_check value_type *	\
	name##_get(struct inode *inode, value_type *init, __u64 flags)		\
	{									\
		return bpf_inode_storage_get(&name, inode, init, flags);	\
	}									\
	static __always_inline __bpfgen_unused __bpfgen_must_check long		\
	name##_delete(struct inode *inode)					\
	{									\
		return bpf_inode_storage_delete(&name, inode);			\
	}

/*
 * What a user ring buffer callback returns: go on with the next sample, or
 * stop the drain (the kernel refuses anything but 0 and 1).
 */
typedef struct bpfgen_drain_action { long ___value; } bpfgen_drain_action;
#define BPFGEN_DRAIN_NEXT ___bpfgen_action(bpfgen_drain_action, 0)
#define BPFGEN_DRAIN_STOP ___bpfgen_action(bpfgen_drain_action, 1)

/*
 * A ring buffer that userspace writes and BPF reads. EVENT_TYPE is copied
 * out of each sample onto the BPF stack (the sample's dynptr is read-only,
 * so bpf_dynptr_data() cannot give a pointer to it), so it must fit there.
 *
 * A callback is declared for one ring, with the type of its context:
 *
 *	BPFGEN_USER_RINGBUF_CALLBACK(cmds, on_cmd, struct totals)
 *	{
 *		ctx->sum += e->value;	// e: const EVENT_TYPE *, ctx: struct totals *
 *		return BPFGEN_DRAIN_NEXT;
 *	}
 *
 * and bpfgen_user_ringbuf_drain(cmds, on_cmd, &totals, 0) calls it for
 * each sample: the number of samples drained, or a negative errno (-EBUSY:
 * another program drains it). Samples shorter than EVENT_TYPE are skipped,
 * and so not counted by the callback.
 */
#define BPFGEN_USER_RINGBUF(name, event_type, size_bytes)			\
	_Static_assert(sizeof(event_type) <= 256,				\
		       "BPFGEN_USER_RINGBUF: the event type is copied onto the " \
		       "BPF stack and must be at most 256 bytes");		\
	struct {								\
		__uint(type, BPF_MAP_TYPE_USER_RINGBUF);			\
		__uint(max_entries, size_bytes);				\
	} name SEC(".maps");							\
	event_type *bpfgen_event__##name __attribute__((weak))
#define BPFGEN_USER_RINGBUF_CALLBACK(ring, fn, ctx_type)			\
	static __always_inline bpfgen_drain_action				\
	fn(const __typeof__(*bpfgen_event__##ring) *e, ctx_type *ctx);		\
	static long ___bpfgen_drain_cb_##fn(struct bpf_dynptr *dynptr, void *ctx) \
	{									\
		__typeof__(*bpfgen_event__##ring) e;				\
										\
		if (bpf_dynptr_read(&e, sizeof(e), dynptr, 0, 0))		\
			return 0;						\
		return fn(&e, ctx).___value;					\
	}									\
	static __always_inline __bpfgen_unused __bpfgen_must_check long		\
	___bpfgen_drain_##fn(__typeof__(ring) *map, ctx_type *ctx, __u64 flags) \
	{									\
		return bpf_user_ringbuf_drain(map, ___bpfgen_drain_cb_##fn, ctx, flags); \
	}									\
	static __always_inline bpfgen_drain_action				\
	fn(const __typeof__(*bpfgen_event__##ring) *e __bpfgen_unused,		\
	   ctx_type *ctx __bpfgen_unused)
/* RING must be the ring CB was declared for, and CTX a pointer to its context type. */
#define bpfgen_user_ringbuf_drain(ring, cb, ctx, flags) \
	___bpfgen_drain_##cb(&(ring), (ctx), (flags))

/* ==== tracing helpers ====================================================== */

/* The kernel's TASK_COMM_LEN (vmlinux.h has it as an enum constant). */
#define BPFGEN_TASK_COMM_LEN 16

/*
 * The current thread: pid is the kernel's (the thread id, gettid()), tgid
 * the process id (getpid()), as Aya's ctx.pid() and ctx.tgid() are.
 */
static __always_inline __u32 bpfgen_current_pid(void)
{
	return (__u32)bpf_get_current_pid_tgid();
}
static __always_inline __u32 bpfgen_current_tgid(void)
{
	return bpf_get_current_pid_tgid() >> 32;
}
static __always_inline __u32 bpfgen_current_uid(void)
{
	return (__u32)bpf_get_current_uid_gid();
}
static __always_inline __u32 bpfgen_current_gid(void)
{
	return bpf_get_current_uid_gid() >> 32;
}
/* The current task as a BTF pointer: for task storage and CO-RE reads. */
static __always_inline struct task_struct *bpfgen_current_task(void)
{
	return bpf_get_current_task_btf();
}

/* DST is an array of char (not a pointer) of at least N bytes. */
#define ___bpfgen_assert_char_array(what, dst, n)				\
	_Static_assert(!__builtin_types_compatible_p(__typeof__(dst),		\
						     __typeof__(&(dst)[0])),	\
		       what ": pass a char array, not a pointer");		\
	_Static_assert(__builtin_types_compatible_p(__typeof__((dst)[0]), char), \
		       what ": pass an array of char");			\
	_Static_assert(sizeof(dst) >= (n),					\
		       what ": the array is smaller than the string it receives")

/*
 * The current thread's name into BUF, a char array of at least
 * BPFGEN_TASK_COMM_LEN (16) bytes: a smaller one would cut the name, a
 * pointer would be measured as 8 bytes. NUL-terminated; all zeroes in the
 * one case the kernel fails (no current task), so there is nothing to check.
 */
#define bpfgen_current_comm(buf) ({						\
	___bpfgen_assert_char_array("bpfgen_current_comm", buf, BPFGEN_TASK_COMM_LEN); \
	(void)bpf_get_current_comm(buf, sizeof(buf));				\
})

/*
 * A and B are of one type, or both integers (or both pointers) of one size:
 * `unsigned long` and `__u64` are distinct C types of the same 8 bytes.
 */
#define ___bpfgen_same_type(a, b)						\
	(__builtin_types_compatible_p(__typeof__(a), __typeof__(b)) ||		\
	 (sizeof(a) == sizeof(b) &&						\
	  __builtin_classify_type(a) == __builtin_classify_type(b) &&		\
	  (__builtin_classify_type(a) == 1 /* integer */ ||			\
	   __builtin_classify_type(a) == 5 /* pointer */)))

/*
 * DST is a pointer (an array would be measured as one element: pass &buf),
 * and SRC points to DST's type, or is `void *`: the size read is always
 * sizeof(*DST).
 */
#define ___bpfgen_assert_read(what, dst, src)					\
	_Static_assert(__builtin_types_compatible_p(__typeof__(dst),		\
						    __typeof__(&(dst)[0])),	\
		       what ": the destination must be a pointer (&buf for an array)"); \
	_Static_assert(__builtin_types_compatible_p(__typeof__(*(src)), void) || \
		       ___bpfgen_same_type(*(dst), *(src)),			\
		       what ": the source points to another type than the destination")

/*
 * Copy *SRC (kernel or user memory) into *DST, sizeof(*DST) bytes: 0 or a
 * negative errno (-EFAULT), which must be tested; DST is zeroed on failure.
 */
#define bpfgen_probe_read_kernel(dst, src) ___bpfgen_checked(({		\
	___bpfgen_assert_read("bpfgen_probe_read_kernel", dst, src);		\
	bpf_probe_read_kernel((dst), sizeof(*(dst)), (const void *)(src));	\
}))
#define bpfgen_probe_read_user(dst, src) ___bpfgen_checked(({			\
	___bpfgen_assert_read("bpfgen_probe_read_user", dst, src);		\
	bpf_probe_read_user((dst), sizeof(*(dst)), (const void *)(src));	\
}))

static __always_inline const void *___bpfgen_cstr(const char *s)
{
	return s;
}

/*
 * Copy the NUL-terminated string at SRC (a `const char *`) into DST, a char
 * array, at most sizeof(DST) bytes with the NUL: the length with the NUL,
 * or a negative errno, which must be tested.
 */
#define bpfgen_probe_read_kernel_str(dst, src) ___bpfgen_checked(({		\
	___bpfgen_assert_char_array("bpfgen_probe_read_kernel_str", dst, 1);	\
	bpf_probe_read_kernel_str((dst), sizeof(dst), ___bpfgen_cstr(src));	\
}))
#define bpfgen_probe_read_user_str(dst, src) ___bpfgen_checked(({		\
	___bpfgen_assert_char_array("bpfgen_probe_read_user_str", dst, 1);	\
	bpf_probe_read_user_str((dst), sizeof(dst), ___bpfgen_cstr(src));	\
}))

/*
 * BPFGEN_CORE_READ(&dst, src, a, b, ...): dst = src->a->b... as a CO-RE
 * read (libbpf's BPF_CORE_READ_INTO: every step is relocated against the
 * running kernel's BTF), with DST of the type of the last field: 0 or a
 * negative errno, which must be tested. Up to 8 steps.
 */
#define ___bpfgen_arrow1(s, a) ((s)->a)
#define ___bpfgen_arrow2(s, a, b) ((s)->a->b)
#define ___bpfgen_arrow3(s, a, b, c) ((s)->a->b->c)
#define ___bpfgen_arrow4(s, a, b, c, d) ((s)->a->b->c->d)
#define ___bpfgen_arrow5(s, a, b, c, d, e) ((s)->a->b->c->d->e)
#define ___bpfgen_arrow6(s, a, b, c, d, e, f) ((s)->a->b->c->d->e->f)
#define ___bpfgen_arrow7(s, a, b, c, d, e, f, g) ((s)->a->b->c->d->e->f->g)
#define ___bpfgen_arrow8(s, a, b, c, d, e, f, g, h) ((s)->a->b->c->d->e->f->g->h)
#define ___bpfgen_arrow(s, ...) \
	___bpfgen_cat(___bpfgen_arrow, ___bpfgen_narg(__VA_ARGS__))(s, __VA_ARGS__)
#define BPFGEN_CORE_READ(dst, src, a, ...) ___bpfgen_checked(({		\
	_Static_assert(__builtin_types_compatible_p(__typeof__(dst),		\
						    __typeof__(&(dst)[0])),	\
		       "BPFGEN_CORE_READ: the destination must be a pointer (&var)"); \
	_Static_assert(___bpfgen_same_type(*(dst), ___bpfgen_arrow(src, a, ##__VA_ARGS__)), \
		       "BPFGEN_CORE_READ: the destination's type is not the field's"); \
	BPF_CORE_READ_INTO(dst, src, a, ##__VA_ARGS__);				\
}))

#endif /* BPFGEN_BPF_H */
