/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * bpfgen/log.h: logging from BPF programs, decoded by libbpfgen.
 *
 *	bpfgen_info(ctx, "received a packet from %pI4 port %u", &ip, port);
 *
 * Levels: bpfgen_error, bpfgen_warn, bpfgen_info, bpfgen_debug, bpfgen_trace.
 * Include it in one translation unit of an object, after bpfgen/bpf.h's
 * prerequisites ("vmlinux.h" or <linux/bpf.h>); it defines the log's maps.
 *
 * A call writes one ring-buffer record: a 16-byte header (timestamp, pid,
 * call-site id, CPU) and the argument bytes, nothing of the format string.
 * Each call site is also described once in the ELF section ".debug_bpfgen_log",
 * which the kernel never sees: `bpfgen gen` reads it, checks every
 * conversion against the argument it was given, and writes the table
 * libbpfgen decodes records with. The ".debug_" prefix is there because
 * libbpf skips such sections without a word; it also means `llvm-strip -g`
 * and `bpftool gen object` drop the sites, so run `bpfgen gen` on the
 * object clang wrote (it refuses an object that logs and has no sites).
 *
 * Arguments, captured by their C type:
 *   integers (any width, enums)   the value              %d %i %u %x %X %o %c, l/ll/h/hh
 *   an array                      its bytes (sizeof)     %s (char arrays), %pI4 %pI6 %pM %ph
 *   a pointer to T                sizeof(T) bytes at it  %pI4 %pI6 %pM %ph
 *   char *                        a kernel string        %s (at most BPFGEN_LOG_STR_MAX bytes)
 *   bpfgen_user_str(p)            a user string          %s (at most BPFGEN_LOG_STR_MAX bytes)
 * Arrays and pointers to T are read directly (a packet pointer must be
 * bounds-checked first, as for any read); strings through
 * bpf_probe_read_{kernel,user}_str, which are GPL-only helpers.
 *
 * The format is checked by clang like printf's (-Wformat), and `bpfgen gen`
 * checks the %p extensions and strings against what each argument captured.
 * A level above bpfgen_log_level (.rodata, set from userspace before load)
 * is pruned by the verifier. A record that finds the ring full is counted
 * in the per-CPU map bpfgen_log_drops, which userspace reports.
 */
#ifndef BPFGEN_LOG_H
#define BPFGEN_LOG_H

#include "bpf.h"

#define BPFGEN_LOG_LEVEL_OFF	0
#define BPFGEN_LOG_LEVEL_ERROR	1
#define BPFGEN_LOG_LEVEL_WARN	2
#define BPFGEN_LOG_LEVEL_INFO	3
#define BPFGEN_LOG_LEVEL_DEBUG	4
#define BPFGEN_LOG_LEVEL_TRACE	5

#ifndef BPFGEN_LOG_RING_SIZE
#define BPFGEN_LOG_RING_SIZE (256 * 1024)
#endif
/* the bytes a %s argument read through a pointer occupies in a record */
#ifndef BPFGEN_LOG_STR_MAX
#define BPFGEN_LOG_STR_MAX 64
#endif
/* the level compiled in as the default of bpfgen_log_level */
#ifndef BPFGEN_LOG_LEVEL_DEFAULT
#define BPFGEN_LOG_LEVEL_DEFAULT BPFGEN_LOG_LEVEL_INFO
#endif

/* The same values as enum bpfgen_log_arg_kind in bpfgen/runtime.h. */
#define ___BPFGEN_ARG_INT	1
#define ___BPFGEN_ARG_BYTES	2
#define ___BPFGEN_ARG_KSTR	3
#define ___BPFGEN_ARG_USTR	4

#define ___BPFGEN_SITE_MAGIC 0x6c676662	/* "bfgl" */
#define ___BPFGEN_LOG_MAX_ARGS 8

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, BPFGEN_LOG_RING_SIZE);
} bpfgen_log_ring SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} bpfgen_log_drops SEC(".maps");

/* Records above this level are not written; the verifier sees the constant. */
const volatile __u32 bpfgen_log_level = BPFGEN_LOG_LEVEL_DEFAULT;

/* The record header; struct bpfgen_log_hdr in bpfgen/runtime.h. */
struct ___bpfgen_log_hdr {
	__u64 ts_ns;
	__u32 pid;
	__u16 site;
	__u16 cpu;
};

/* Mark a pointer as user memory for %s: a user string is read, not a kernel one. */
#define bpfgen_user_str(p) ((const volatile char *)(p))

/*
 * A format that does not fit its arguments is an error, not a warning, in a
 * file that logs through this header (with plain clang -O2 -g -target bpf).
 */
#ifdef __clang__
#pragma clang diagnostic error "-Wformat"
#endif

/* Only clang's format checking sees this: it is never defined or called. */
int ___bpfgen_log_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * The argument machinery. Every branch must be valid C for every argument
 * type, so integers and pointers are first mapped to something both kinds
 * of expression accept: ___BPFGEN_INT(x) is x for an integer and 0
 * otherwise; ___BPFGEN_PTR(x) is x (decayed) for a pointer or array and a
 * null char pointer otherwise.
 */
#define ___BPFGEN_INT_TYPES(e)							\
	_Bool: (e), char: (e), signed char: (e), unsigned char: (e),		\
	short: (e), unsigned short: (e), int: (e), unsigned int: (e),		\
	long: (e), unsigned long: (e), long long: (e), unsigned long long: (e)
#define ___BPFGEN_INT(x) _Generic((x), ___BPFGEN_INT_TYPES(x), default: 0)
#define ___BPFGEN_PTR(x) _Generic((x), ___BPFGEN_INT_TYPES((const char *)0), default: (x))
#define ___BPFGEN_IS_INT(x) _Generic((x), ___BPFGEN_INT_TYPES(1), default: 0)
/* an array: its type differs from the pointer it decays to */
#define ___BPFGEN_IS_ARRAY(x)							\
	(!___BPFGEN_IS_INT(x) &&						\
	 !__builtin_types_compatible_p(__typeof__(x), __typeof__(___BPFGEN_PTR(x) + 0)))
#define ___BPFGEN_STR_KIND(x)							\
	_Generic((___BPFGEN_PTR(x) + 0),					\
		 char *: ___BPFGEN_ARG_KSTR, const char *: ___BPFGEN_ARG_KSTR,	\
		 volatile char *: ___BPFGEN_ARG_USTR,				\
		 const volatile char *: ___BPFGEN_ARG_USTR,			\
		 default: ___BPFGEN_ARG_BYTES)
#define ___BPFGEN_KIND(x)							\
	(___BPFGEN_IS_INT(x) ? ___BPFGEN_ARG_INT :				\
	 ___BPFGEN_IS_ARRAY(x) ? ___BPFGEN_ARG_BYTES : ___BPFGEN_STR_KIND(x))
#define ___BPFGEN_SIZE(x)							\
	(___BPFGEN_IS_INT(x) ? sizeof(x) :					\
	 ___BPFGEN_IS_ARRAY(x) ? sizeof(x) :					\
	 ___BPFGEN_STR_KIND(x) != ___BPFGEN_ARG_BYTES ? BPFGEN_LOG_STR_MAX :	\
	 sizeof(*___BPFGEN_PTR(x)))

/* Write X's capture at P and move P past it. */
#define ___BPFGEN_PUT(p, x)							\
	do {									\
		if (___BPFGEN_IS_INT(x)) {					\
			__typeof__(___BPFGEN_INT(x)) ___v = ___BPFGEN_INT(x);	\
			__builtin_memcpy((p), &___v, sizeof(___v));		\
		} else if (___BPFGEN_KIND(x) == ___BPFGEN_ARG_KSTR) {		\
			bpf_probe_read_kernel_str((p), BPFGEN_LOG_STR_MAX,	\
						  (const void *)___BPFGEN_PTR(x)); \
		} else if (___BPFGEN_KIND(x) == ___BPFGEN_ARG_USTR) {		\
			bpf_probe_read_user_str((p), BPFGEN_LOG_STR_MAX,	\
						(const void *)___BPFGEN_PTR(x)); \
		} else {							\
			__builtin_memcpy((p), (const void *)___BPFGEN_PTR(x),	\
					 ___BPFGEN_SIZE(x));			\
		}								\
		(p) += ___BPFGEN_SIZE(x);					\
	} while (0)

/* Map M over up to 8 arguments, joined by SEP(). */
#define ___BPFGEN_NARGS(...) ___BPFGEN_NARGS_(_, ##__VA_ARGS__, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define ___BPFGEN_NARGS_(_0, _1, _2, _3, _4, _5, _6, _7, _8, n, ...) n
#define ___BPFGEN_CAT(a, b) ___BPFGEN_CAT_(a, b)
#define ___BPFGEN_CAT_(a, b) a##b
#define ___BPFGEN_MAP(M, S, ...)						\
	___BPFGEN_CAT(___BPFGEN_MAP_, ___BPFGEN_NARGS(__VA_ARGS__))(M, S, __VA_ARGS__)
#define ___BPFGEN_MAP_0(M, S, ...)
#define ___BPFGEN_MAP_1(M, S, a) M(a)
#define ___BPFGEN_MAP_2(M, S, a, ...) M(a) S() ___BPFGEN_MAP_1(M, S, __VA_ARGS__)
#define ___BPFGEN_MAP_3(M, S, a, ...) M(a) S() ___BPFGEN_MAP_2(M, S, __VA_ARGS__)
#define ___BPFGEN_MAP_4(M, S, a, ...) M(a) S() ___BPFGEN_MAP_3(M, S, __VA_ARGS__)
#define ___BPFGEN_MAP_5(M, S, a, ...) M(a) S() ___BPFGEN_MAP_4(M, S, __VA_ARGS__)
#define ___BPFGEN_MAP_6(M, S, a, ...) M(a) S() ___BPFGEN_MAP_5(M, S, __VA_ARGS__)
#define ___BPFGEN_MAP_7(M, S, a, ...) M(a) S() ___BPFGEN_MAP_6(M, S, __VA_ARGS__)
#define ___BPFGEN_MAP_8(M, S, a, ...) M(a) S() ___BPFGEN_MAP_7(M, S, __VA_ARGS__)
#define ___BPFGEN_COMMA() ,
#define ___BPFGEN_NOTHING()
#define ___BPFGEN_PLUS_SIZE(x) + ___BPFGEN_SIZE(x)
#define ___BPFGEN_SEMI() ;
#define ___BPFGEN_SIZE_OF(x) ___BPFGEN_SIZE(x)
#define ___BPFGEN_KIND_OF(x) ___BPFGEN_KIND(x)

/*
 * Programs that run outside a process (packet paths) log pid 0: their
 * "current" task is whichever one the softirq interrupted.
 */
#define ___BPFGEN_NO_TASK(ctx)							\
	_Generic((ctx),								\
		 struct xdp_md *: 1, struct __sk_buff *: 1, struct sk_msg_md *: 1, \
		 struct bpf_sk_lookup *: 1, struct bpf_sock_ops *: 1,		\
		 bpfgen_xdp_ctx: 1, bpfgen_tc_ctx: 1, bpfgen_socket_filter_ctx: 1, \
		 bpfgen_cgroup_skb_ctx: 1, bpfgen_sk_skb_ctx: 1,		\
		 bpfgen_sock_ops_ctx: 1, bpfgen_sk_msg_ctx: 1,			\
		 bpfgen_sk_lookup_ctx: 1, default: 0)

#define ___BPFGEN_LOG(___id, ___lvl, ___ctx, ___fmt, ...)					\
	___BPFGEN_LOG_(___id, ___lvl, ___ctx, ___fmt, ##__VA_ARGS__)
#define ___BPFGEN_LOG_(___id, ___lvl, ___ctx, ___fmt, ...)					\
	({									\
		_Static_assert(___BPFGEN_NARGS(__VA_ARGS__) <= ___BPFGEN_LOG_MAX_ARGS, \
			       "bpfgen log: at most 8 arguments");		\
		(void)sizeof(___bpfgen_log_format(___fmt, ##__VA_ARGS__));	\
		if ((___lvl) <= bpfgen_log_level) {				\
			static const struct {					\
				__u32 magic, id, level, line, nargs;		\
				__u8 kind[___BPFGEN_LOG_MAX_ARGS];		\
				__u16 size[___BPFGEN_LOG_MAX_ARGS];		\
				char file[sizeof(__FILE__)];			\
				char fmt[sizeof(___fmt)];				\
			} ___bpfgen_site						\
			__attribute__((section(".debug_bpfgen_log"), used, aligned(4))) = { \
				___BPFGEN_SITE_MAGIC, (___id), (___lvl), __LINE__,	\
				___BPFGEN_NARGS(__VA_ARGS__),			\
				{ ___BPFGEN_MAP(___BPFGEN_KIND_OF, ___BPFGEN_COMMA, ##__VA_ARGS__) }, \
				{ ___BPFGEN_MAP(___BPFGEN_SIZE_OF, ___BPFGEN_COMMA, ##__VA_ARGS__) }, \
				__FILE__, ___fmt,					\
			};							\
			struct ___bpfgen_log_hdr *___h;				\
			___h = bpf_ringbuf_reserve(&bpfgen_log_ring,		\
				sizeof(*___h) + (0				\
				___BPFGEN_MAP(___BPFGEN_PLUS_SIZE, ___BPFGEN_NOTHING, ##__VA_ARGS__)), 0); \
			if (___h) {						\
				char *___p __attribute__((unused)) = (char *)(___h + 1); \
				___h->ts_ns = bpf_ktime_get_ns();		\
				___h->pid = ___BPFGEN_NO_TASK(___ctx) ? 0 :	\
					bpf_get_current_pid_tgid() >> 32;	\
				___h->site = (___id);				\
				___h->cpu = bpf_get_smp_processor_id();		\
				___BPFGEN_MAP(___BPFGEN_PUT_P, ___BPFGEN_SEMI, ##__VA_ARGS__); \
				bpf_ringbuf_submit(___h, 0);			\
			} else {						\
				__u32 ___zero = 0;				\
				__u64 *___d = bpf_map_lookup_elem(&bpfgen_log_drops, &___zero); \
				if (___d)					\
					*___d += 1;				\
			}							\
		}								\
	})
#define ___BPFGEN_PUT_P(x) ___BPFGEN_PUT(___p, x)

#define bpfgen_log(level, ctx, fmt, ...)					\
	___BPFGEN_LOG(__COUNTER__, level, ctx, fmt, ##__VA_ARGS__)
#define bpfgen_error(ctx, fmt, ...) bpfgen_log(BPFGEN_LOG_LEVEL_ERROR, ctx, fmt, ##__VA_ARGS__)
#define bpfgen_warn(ctx, fmt, ...) bpfgen_log(BPFGEN_LOG_LEVEL_WARN, ctx, fmt, ##__VA_ARGS__)
#define bpfgen_info(ctx, fmt, ...) bpfgen_log(BPFGEN_LOG_LEVEL_INFO, ctx, fmt, ##__VA_ARGS__)
#define bpfgen_debug(ctx, fmt, ...) bpfgen_log(BPFGEN_LOG_LEVEL_DEBUG, ctx, fmt, ##__VA_ARGS__)
#define bpfgen_trace(ctx, fmt, ...) bpfgen_log(BPFGEN_LOG_LEVEL_TRACE, ctx, fmt, ##__VA_ARGS__)

#endif /* BPFGEN_LOG_H */
