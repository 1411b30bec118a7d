/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * libbpfgen: the userspace runtime of bpfgen.
 *
 *   - bpfgen_loop: one epoll loop over ring buffers, perf buffers, the log
 *     ring, timers, plain fds and a signalfd; SIGINT/SIGTERM stop it, and
 *     it detaches every link it was given.
 *   - bpfgen_log: the consumer of the records bpfgen/log.h writes from BPF.
 *   - bpfgen_verifier: verifier-log capture and explanations.
 *
 * Conventions are libbpf's: functions return 0 (or a count) or a negative
 * errno; constructors return NULL and set errno; destructors accept NULL;
 * options structs start with a size field and are declared with
 * BPFGEN_OPTS() so that new fields never break old callers.
 */
#ifndef __BPFGEN_RUNTIME_H__
#define __BPFGEN_RUNTIME_H__

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct bpf_link;
struct bpf_map;
struct bpf_program;
struct bpf_object;
struct bpf_object_skeleton;
struct ring_buffer;
struct perf_buffer;

#define BPFGEN_OPTS(TYPE, NAME, ...)					\
	struct TYPE NAME = ({						\
		memset(&NAME, 0, sizeof(struct TYPE));			\
		(struct TYPE) {						\
			.sz = sizeof(struct TYPE),			\
			__VA_ARGS__					\
		};							\
	})

/* ------------------------------------------------------------------ */
/* The event loop                                                      */
/* ------------------------------------------------------------------ */

struct bpfgen_loop;

struct bpfgen_loop_opts {
	size_t sz;
	/* do not block SIGINT/SIGTERM and read them through a signalfd */
	bool no_signals;
	/* where bpfgen_loop__run() prints the final counters; NULL: stderr,
	 * BPFGEN_LOOP_QUIET: nowhere */
	FILE *summary;
};
/* an output that is nowhere, for the summary and for load errors */
#define BPFGEN_QUIET ((FILE *)-1)
#define BPFGEN_LOOP_QUIET BPFGEN_QUIET

/* A callback's negative return stops the loop with that error. */
typedef int (*bpfgen_timer_fn)(void *ctx);
typedef int (*bpfgen_fd_fn)(void *ctx, int fd, uint32_t events);

/*
 * A new loop; OPTS may be NULL. Unless opts->no_signals, SIGINT and SIGTERM
 * are blocked in the calling thread and read through a signalfd: they stop
 * the loop instead of killing the process.
 */
struct bpfgen_loop *bpfgen_loop__new(const struct bpfgen_loop_opts *opts);
/* Detaches the links the loop owns, restores the signal mask. NULL is fine. */
void bpfgen_loop__free(struct bpfgen_loop *loop);

/* Sources. NAME (copied) labels the source in the final counters. The loop
 * does not own RB or PB: free them after bpfgen_loop__free(). */
int bpfgen_loop__add_ring(struct bpfgen_loop *loop, struct ring_buffer *rb, const char *name);
int bpfgen_loop__add_perf(struct bpfgen_loop *loop, struct perf_buffer *pb, const char *name);
struct bpfgen_log;
int bpfgen_loop__add_log(struct bpfgen_loop *loop, struct bpfgen_log *log);
/* A periodic timer (timerfd) every INTERVAL_MS milliseconds; periods missed
 * while the loop was busy make one call, not several. */
int bpfgen_loop__add_timer(struct bpfgen_loop *loop, unsigned int interval_ms,
			   bpfgen_timer_fn fn, void *ctx);
/* Any fd the caller polls through the loop (EPOLLIN etc. in EVENTS). */
int bpfgen_loop__add_fd(struct bpfgen_loop *loop, int fd, uint32_t events,
			bpfgen_fd_fn fn, void *ctx);

/*
 * Links. The loop takes over *SLOT: when it stops (or is freed) it destroys
 * the link and sets *SLOT to NULL, so a skeleton's __destroy() afterwards
 * does not destroy it twice. add_skeleton registers every program's link
 * slot of a skeleton (bpf_object_skeleton->progs[i].link), attached or not
 * yet (a slot still NULL at stop is skipped).
 */
int bpfgen_loop__add_link(struct bpfgen_loop *loop, struct bpf_link **slot);
int bpfgen_loop__add_skeleton(struct bpfgen_loop *loop, struct bpf_object_skeleton *s);
/* A cleanup the loop runs at stop, after the links (an XDP detach through netlink). */
int bpfgen_loop__add_cleanup(struct bpfgen_loop *loop, void (*fn)(void *ctx), void *ctx);

/* The epoll fd, to embed the loop in another loop: when it is readable, call
 * bpfgen_loop__poll(loop, 0). */
int bpfgen_loop__fd(const struct bpfgen_loop *loop);
/*
 * One round: waits up to TIMEOUT_MS (-1: forever) and dispatches what is
 * ready (an interrupted wait is retried). Returns the number of sources
 * served, 0 on timeout, -ECANCELED once the loop is stopped (signal or
 * _stop()), or a callback's negative error.
 */
int bpfgen_loop__poll(struct bpfgen_loop *loop, int timeout_ms);
/*
 * Polls until a signal, bpfgen_loop__stop() or an error; then detaches
 * every link, runs the cleanups, drains the ring, perf and log sources once
 * more (what the programs wrote before their detach; skipped after an
 * error) and prints the final counters. Returns 0 when stopped by a signal
 * or _stop(), else the error. After _run() (or _detach()) the loop no
 * longer touches the link slots: the skeleton may be destroyed before
 * bpfgen_loop__free().
 */
int bpfgen_loop__run(struct bpfgen_loop *loop);
/* Async-signal-safe and thread-safe. */
void bpfgen_loop__stop(struct bpfgen_loop *loop);
/* Detach every owned link and run the cleanups now; returns how many links
 * were destroyed. _run() calls it; safe to call twice. */
int bpfgen_loop__detach(struct bpfgen_loop *loop);

struct bpfgen_loop_stats {
	__u64 wakeups;		/* epoll_wait returns with at least one source ready
				 * (the stop or signal that ends the loop is not one) */
	__u64 records;		/* ring + perf records delivered */
	__u64 lost;		/* perf records the kernel lost */
	__u64 log_records;	/* log records printed */
	__u64 log_dropped;	/* log records the BPF side could not reserve */
	__u64 log_malformed;	/* log records skipped as unknown or malformed */
	__u64 links_detached;
	int signal;		/* the signal that stopped the loop, or 0 */
};
void bpfgen_loop__stats(const struct bpfgen_loop *loop, struct bpfgen_loop_stats *st);

/* ------------------------------------------------------------------ */
/* Logging: the consumer of bpfgen/log.h                               */
/* ------------------------------------------------------------------ */

enum bpfgen_log_level {
	BPFGEN_LOG_OFF = 0,
	BPFGEN_LOG_ERROR = 1,
	BPFGEN_LOG_WARN = 2,
	BPFGEN_LOG_INFO = 3,
	BPFGEN_LOG_DEBUG = 4,
	BPFGEN_LOG_TRACE = 5,
};

/* How a log argument was captured on the BPF side (bpfgen/log.h). */
enum bpfgen_log_arg_kind {
	BPFGEN_LOG_ARG_INT = 1,		/* an integer value, SIZE bytes, host order */
	BPFGEN_LOG_ARG_BYTES = 2,	/* SIZE bytes an array or pointer held */
	BPFGEN_LOG_ARG_KSTR = 3,	/* a NUL-ended kernel string, at most SIZE bytes */
	BPFGEN_LOG_ARG_USTR = 4,	/* a NUL-ended user string, at most SIZE bytes */
};

#define BPFGEN_LOG_MAX_ARGS 8

/* One interned call site, as `bpfgen gen` writes the table of an object. */
struct bpfgen_log_site {
	__u32 id;
	__u32 level;
	__u32 line;
	__u32 nargs;
	const char *file;
	const char *fmt;
	struct {
		__u8 kind;	/* enum bpfgen_log_arg_kind */
		__u16 size;
	} args[BPFGEN_LOG_MAX_ARGS];
};

struct bpfgen_log_sites {
	const struct bpfgen_log_site *sites;	/* sorted by id */
	size_t cnt;
};

/* The record header bpfgen/log.h writes; the argument bytes follow. */
struct bpfgen_log_hdr {
	__u64 ts_ns;	/* bpf_ktime_get_ns() */
	__u32 pid;	/* tgid, 0 where the program type has no process */
	__u16 site;
	__u16 cpu;
};

struct bpfgen_log;

/*
 * A delivered record. MSG is the formatted message (NUL-ended); the
 * callback returns 0, or a negative error that stops the loop.
 */
struct bpfgen_log_record {
	const struct bpfgen_log_site *site;
	const struct bpfgen_log_hdr *hdr;
	const char *msg;
};
typedef int (*bpfgen_log_fn)(void *ctx, const struct bpfgen_log_record *rec);

struct bpfgen_log_opts {
	size_t sz;
	/* each record; NULL prints a line to OUT */
	bpfgen_log_fn fn;
	void *ctx;
	/* where the default printer writes; NULL: stderr */
	FILE *out;
};

/*
 * A consumer of OBJ's log ring (the maps bpfgen/log.h defines) decoding
 * with SITES (the table `bpfgen gen` generated for OBJ). OBJ must be loaded.
 */
struct bpfgen_log *bpfgen_log__new(struct bpf_object *obj, const struct bpfgen_log_sites *sites,
				   const struct bpfgen_log_opts *opts);
void bpfgen_log__free(struct bpfgen_log *log);
/* The ring's epoll fd and one non-blocking drain (records handled or -errno). */
int bpfgen_log__fd(const struct bpfgen_log *log);
int bpfgen_log__consume(struct bpfgen_log *log);
/* Counters so far; dropped is read from the per-CPU drop counter map. */
int bpfgen_log__counts(struct bpfgen_log *log, __u64 *records, __u64 *dropped, __u64 *malformed);

/*
 * Decode one raw record (header + argument bytes) with SITES into OUT
 * (always NUL-ended when OUT_SZ > 0). Returns the message length (as
 * snprintf: may exceed OUT_SZ - 1), -ENOENT for an unknown site, or
 * -EBADMSG for a record that does not match its site. Never reads
 * outside REC[0..LEN).
 */
int bpfgen_log_decode(const struct bpfgen_log_sites *sites, const void *rec, size_t len,
		      char *out, size_t out_sz, const struct bpfgen_log_site **site);

/*
 * Check SITE's format against what its arguments captured (`bpfgen gen`
 * runs this on every site of an object): 0, or -EINVAL with WHY (when
 * WHY_SZ > 0) saying which conversion does not fit.
 */
int bpfgen_log_site__check(const struct bpfgen_log_site *site, char *why, size_t why_sz);

const char *bpfgen_log_level_str(unsigned int level);

/* ------------------------------------------------------------------ */
/* The verifier: capture and explanations                              */
/* ------------------------------------------------------------------ */

/* What one failed program load says, mapped to its source. */
struct bpfgen_verifier_error {
	const char *prog;	/* program name */
	const char *message;	/* the verifier's (or libbpf's) failing line */
	const char *file;	/* source file from BTF line info, or NULL */
	int line, col;		/* 0 when unknown */
	int insn;		/* failing instruction index, or -1; for a reference
				 * leak, the instruction that took the reference */
	const char *explanation; /* plain words, or NULL when not recognised */
	const char *rule;	/* the bpfgen check rule catching it at build time, or NULL */
	const char *log;	/* the whole verifier log (never truncated) */
	int err;		/* the load error, negative errno */
};

/* One entry of the explanations table. */
struct bpfgen_verifier_explain {
	const char *pattern;	/* substring of the verifier's or libbpf's message */
	const char *explanation;
	const char *rule;	/* bpfgen check rule id, or NULL */
	/* NULL, or a substring of the instruction a leaked reference came
	 * from ("call bpf_ringbuf_reserve"): the message alone does not say
	 * whether a ring buffer record or a socket leaked. Rows with it
	 * match only in bpfgen_verifier_parse(), which reads that
	 * instruction from the log. */
	const char *call;
};

/* The first row of the table (most specific first) whose pattern MESSAGE
 * contains, ignoring case; NULL when none does. */
const struct bpfgen_verifier_explain *bpfgen_verifier_explain(const char *message);

/*
 * Parse a whole verifier log: the failing message (the lines after the last
 * instruction, but the "processed N insns" summary and register state; the
 * last two joined by "; ", as in "invalid access to packet, off=12 size=2,
 * R1(id=0,off=12,r=13); R1 offset is outside of the packet"), the failing
 * instruction index and the "; ... @ file:line" annotation before it (file
 * is then the basename the kernel prints, col 0). Pure: no I/O, any input.
 * Fills ERR (prog, message, file and log are heap copies that
 * bpfgen_verifier_error__fini() frees; explanation and rule are static).
 * Returns 0, or -EINVAL when LOG has no failure in it (empty, a successful
 * load's log, a log cut inside an instruction), or -ENOMEM.
 */
int bpfgen_verifier_parse(const char *log, struct bpfgen_verifier_error *err);
void bpfgen_verifier_error__fini(struct bpfgen_verifier_error *err);

/*
 * Load OBJ (opened, not loaded) capturing the verifier log of a failing
 * program whole; on failure fill ERR and print it to OUT (NULL: stderr;
 * BPFGEN_QUIET: nowhere, and libbpf's own lines are held back too, for a
 * load that may fail, like fentry on a kernel without trampolines) in
 * the format of `bpfgen check`, then return the load's negative errno. ERR
 * may be NULL. A failure libbpf reports with no verifier log (a map the
 * kernel refused, an attach target not in BTF) gives libbpf's message.
 * Location: libbpf 1.1 keeps no way back to a plain object's ELF, so the line
 * is the log's annotation (no column) and the full path comes from the
 * object's BTF; a skeleton embeds its ELF, and bpfgen_skel__load() maps the
 * instruction through the .BTF.ext line info (path, line and column).
 * While it runs, libbpf's print callback is bpfgen's: messages other than
 * the log still reach the callback set before, which is restored after.
 * Loads are serialised; the callback is process-wide, as in libbpf.
 */
int bpfgen_object__load(struct bpf_object *obj, struct bpfgen_verifier_error *err, FILE *out);
/* The same for a skeleton: bpfgen_skel__load(skel->skeleton, ...). */
int bpfgen_skel__load(struct bpf_object_skeleton *s, struct bpfgen_verifier_error *err, FILE *out);

/* Print ERR like a `bpfgen check` diagnostic (file:line:col: error: ...
 * [verifier], the source line and a caret when the file is readable, then
 * notes: the explanation, the check rule, the program and instruction). */
void bpfgen_verifier_error__print(const struct bpfgen_verifier_error *err, FILE *out);

/* ------------------------------------------------------------------ */
/* Attach through links, and pinning                                   */
/* ------------------------------------------------------------------ */

/* Attach through the legacy hook (netlink XDP, the clsact qdisc) even on a
 * kernel with links, for tools that need one. */
#define BPFGEN_ATTACH_LEGACY (1U << 0)

/*
 * XDP program PROG (loaded) on interface IFINDEX, through an XDP link with the
 * mode of XDP_FLAGS (XDP_FLAGS_SKB_MODE, _DRV_MODE, _HW_MODE, or 0 for the
 * driver's). A link never replaces another program: -EBUSY when one is there.
 * On a kernel without XDP links (before 5.9) it attaches through netlink and
 * says so on stderr. bpf_link__destroy() detaches whichever it made (netlink:
 * only if PROG is still the one attached). NULL and errno set on failure.
 */
struct bpf_link *bpfgen_xdp_attach(const struct bpf_program *prog, int ifindex, __u32 xdp_flags,
				   __u32 flags);
/*
 * tc program PROG on IFINDEX, WHERE BPF_TC_INGRESS or BPF_TC_EGRESS: a TCX
 * link (Linux 6.6 and later); else, said on stderr, a filter of handle 1 and
 * priority PRIO on the clsact qdisc, which it creates if missing.
 * bpf_link__destroy() removes what this made: the link, or the filter and
 * then the qdisc once no filter bpfgen attached is left on it, if bpfgen
 * created it. NULL and errno set on failure.
 */
struct bpf_link *bpfgen_tc_attach(const struct bpf_program *prog, int ifindex, int where,
				  __u32 prio, __u32 flags);

/*
 * Netfilter program PROG (loaded) on hook HOOK (NF_INET_PRE_ROUTING 0 ...
 * POST_ROUTING 4) of family PF (NFPROTO_IPV4 2, NFPROTO_IPV6 10) at
 * PRIORITY (neither INT_MIN nor INT_MAX), through a netfilter link (Linux
 * 6.4); FLAGS 0 or BPF_F_NETFILTER_IP_DEFRAG (1, Linux 6.6).
 * bpf_link__destroy() detaches. NULL and errno set on failure.
 */
struct bpf_link *bpfgen_netfilter_attach(const struct bpf_program *prog, __u32 pf, __u32 hook,
					 __s32 priority, __u32 flags);
/*
 * Before load: gives a SEC("netfilter") program its type, which libbpf
 * before 1.2 does not know (nothing to do with a newer one). 0, or -EINVAL
 * for a program of another section.
 */
int bpfgen_netfilter_prepare(struct bpf_program *prog);

/*
 * 0 when PATH's directory is on a BPF filesystem; -ENOTSUP when it is not
 * (bpffs not mounted there: the message on stderr says how to mount it), or
 * the statfs() error (-ENOENT: no such directory).
 */
int bpfgen_bpffs_check(const char *path);
/* bpf_map__pin()/unpin() at PATH after bpfgen_bpffs_check(). */
int bpfgen_map__pin(struct bpf_map *map, const char *path);
int bpfgen_map__unpin(struct bpf_map *map, const char *path);
/*
 * Before load: MAP becomes the map pinned at PATH (its contents survive
 * the restart of the program). -ENOENT when nothing is pinned there,
 * -EINVAL (and a message) when the pinned map's type, sizes, max_entries or
 * flags differ from MAP's.
 */
int bpfgen_map__reuse(struct bpf_map *map, const char *path);
/* bpf_link__pin() after bpfgen_bpffs_check(); -EOPNOTSUPP for a legacy hook. */
int bpfgen_link__pin(struct bpf_link *link, const char *path);
int bpfgen_link__unpin(struct bpf_link *link);
/* The link pinned at PATH (it keeps the program attached); NULL and errno set. */
struct bpf_link *bpfgen_link__reuse(const char *path);

#ifdef __cplusplus
}
#endif

#endif /* __BPFGEN_RUNTIME_H__ */
