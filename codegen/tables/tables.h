/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Platform facts, one row per fact: libbpf's section names, the context each
 * program type receives, the return values the kernel enforces, the licences
 * it calls GPL-compatible and the helpers it knows. Measured on Linux 6.18
 * with libbpf 1.1 and libbpf master; see shared/reference in the design docs.
 */
#ifndef BPFGEN_TABLES_H
#define BPFGEN_TABLES_H

#include <stdbool.h>
#include <stddef.h>

/* Numbered as the kernel's enum bpf_prog_type. */
enum bg_prog_type {
	BG_PROG_UNSPEC,
	BG_PROG_SOCKET_FILTER,
	BG_PROG_KPROBE,
	BG_PROG_SCHED_CLS,
	BG_PROG_SCHED_ACT,
	BG_PROG_TRACEPOINT,
	BG_PROG_XDP,
	BG_PROG_PERF_EVENT,
	BG_PROG_CGROUP_SKB,
	BG_PROG_CGROUP_SOCK,
	BG_PROG_LWT_IN,
	BG_PROG_LWT_OUT,
	BG_PROG_LWT_XMIT,
	BG_PROG_SOCK_OPS,
	BG_PROG_SK_SKB,
	BG_PROG_CGROUP_DEVICE,
	BG_PROG_SK_MSG,
	BG_PROG_RAW_TRACEPOINT,
	BG_PROG_CGROUP_SOCK_ADDR,
	BG_PROG_LWT_SEG6LOCAL,
	BG_PROG_LIRC_MODE2,
	BG_PROG_SK_REUSEPORT,
	BG_PROG_FLOW_DISSECTOR,
	BG_PROG_CGROUP_SYSCTL,
	BG_PROG_RAW_TRACEPOINT_WRITABLE,
	BG_PROG_CGROUP_SOCKOPT,
	BG_PROG_TRACING,
	BG_PROG_STRUCT_OPS,
	BG_PROG_EXT,
	BG_PROG_LSM,
	BG_PROG_SK_LOOKUP,
	BG_PROG_SYSCALL,
	BG_PROG_NETFILTER,
	BG_PROG__MAX,
};

/* sections.c */
enum {
	BG_SEC_SLEEPABLE = 1 << 0,	/* a ".s" section: the program may sleep */
	BG_SEC_NEW = 1 << 1,		/* newer than libbpf 1.1 (Debian 12) */
};

struct bg_section_def {
	const char *sec;	/* libbpf's pattern: "xdp" exact, "kprobe+" or "iter/" */
	enum bg_prog_type type;
	const char *attach;	/* libbpf's expected attach type, without BPF_; NULL for none */
	unsigned flags;
};

/* The definition libbpf would pick for SEC (a leading '?' is ignored), or NULL. */
const struct bg_section_def *bg_section__find(const char *sec);
/*
 * A close known section name for an unknown SEC, written into BUF, or NULL.
 * "xpd" -> "xdp", "tracepiont/syscalls/x" -> "tracepoint/syscalls/x".
 */
const char *bg_section__suggest(const char *sec, char *buf, size_t size);
/*
 * The definition libbpf 0.x matched SEC to by prefix ("xdp_foo" as "xdp"),
 * which libbpf 1.0 dropped, or NULL.
 */
const struct bg_section_def *bg_section__find_legacy(const char *sec);
extern const struct bg_section_def bg_section_defs[];
extern const size_t bg_section_defs_cnt;

/* contexts.c */
enum bg_action_family {
	BG_ACT_NONE,
	BG_ACT_XDP,	/* XDP_ABORTED .. XDP_REDIRECT */
	BG_ACT_TC,	/* TC_ACT_UNSPEC .. TC_ACT_TRAP */
	BG_ACT_SK,	/* SK_DROP, SK_PASS */
	BG_ACT_LWT,	/* BPF_OK, BPF_DROP, BPF_REDIRECT, BPF_LWT_REROUTE */
};

struct bg_prog_type_info {
	enum bg_prog_type type;
	const char *name;	/* "xdp", as bpftool names program types */
	/*
	 * The context struct the kernel passes, canonical ("struct xdp_md"), or
	 * NULL when the context is open: a tracepoint record, BTF arguments.
	 */
	const char *ctx;
	const char *ctx_alt;	/* another spelling the kernel accepts, or NULL */
	bool ctx_u64_array;	/* a __u64 array (raw_tp, tracing) is right too */
	enum bg_action_family actions;
};

const struct bg_prog_type_info *bg_prog_type__info(enum bg_prog_type type);
/* The program type whose fixed context is the struct CANONICAL, or UNSPEC. */
enum bg_prog_type bg_prog_type__by_ctx(const char *canonical);

struct bg_action {
	const char *name;
	enum bg_action_family family;
	long long value;
};

/* The action constant named NAME (XDP_DROP, TC_ACT_SHOT, SK_PASS ...), or NULL. */
const struct bg_action *bg_action__find(const char *name);
/* The valid value range of FAMILY; false for BG_ACT_NONE. */
bool bg_action__range(enum bg_action_family family, long long *min, long long *max);
const char *bg_action__family_name(enum bg_action_family family);

/* returns.c */
struct bg_return_range {
	enum bg_prog_type type;
	const char *attach;	/* NULL: every attach type of TYPE */
	long long min;
	long long max;
	const char *meaning;	/* what the values mean, for messages */
};

/* The range the kernel enforces at load for TYPE and ATTACH, or NULL if none. */
const struct bg_return_range *bg_return_range__find(enum bg_prog_type type, const char *attach);

/* licenses.c */
bool bg_license__gpl_compatible(const char *license);
/* "GPL" or another exact string the kernel accepts, close to LICENSE, or NULL. */
const char *bg_license__suggest(const char *license);
extern const char *const bg_gpl_licenses[];
extern const size_t bg_gpl_licenses_cnt;

/* helpers.c */
enum {
	BG_HELPER_GPL = 1 << 0,		/* refused unless the license is GPL-compatible */
	BG_HELPER_SLEEPABLE = 1 << 1,	/* refused outside sleepable programs */
};

struct bg_helper {
	int id;			/* enum bpf_func_id */
	const char *name;	/* without the bpf_ prefix */
	unsigned flags;
};

/* The helper called NAME ("bpf_probe_read_kernel" or "probe_read_kernel"), or NULL. */
const struct bg_helper *bg_helper__find(const char *name);
/* The helper whose enum bpf_func_id value is ID, or NULL. */
const struct bg_helper *bg_helper__by_id(int id);
/* Whether H needs a GPL-compatible license in a program of TYPE and ATTACH. */
bool bg_helper__gpl_only(const struct bg_helper *h, enum bg_prog_type type, const char *attach);

/* ctx_fields.c */
enum {
	BG_CTX_READ = 1 << 0,
	BG_CTX_WRITE = 1 << 1,
};

struct bg_ctx_field {
	const char *name;	/* "mark", "cb[0]", "(anon)" for unnamed unions */
	long long off;
	long long size;
	unsigned flags;
};

struct bg_ctx_table {
	const char *sec;	/* the section it was measured with */
	bool any_attach;	/* holds for every attach type of the program type */
	const struct bg_ctx_field *fields;
	size_t nfields;
};

/* The context fields of programs of TYPE and ATTACH, or NULL when not measured. */
const struct bg_ctx_table *bg_ctx_table__find(enum bg_prog_type type, const char *attach);
/* The field holding byte OFF, or NULL. */
const struct bg_ctx_field *bg_ctx_table__field(const struct bg_ctx_table *t, long long off);
/*
 * The layout of the context of programs of TYPE and ATTACH: their table, else
 * one measured with another attach type of TYPE (the struct is the same; the
 * permissions may differ). NULL when TYPE has no measured context.
 */
const struct bg_ctx_table *bg_ctx_table__layout(enum bg_prog_type type, const char *attach);

/* maps.c: numbered as the kernel's enum bpf_map_type */
enum bg_map_type {
	BG_MAP_HASH = 1, BG_MAP_ARRAY, BG_MAP_PROG_ARRAY, BG_MAP_PERF_EVENT_ARRAY,
	BG_MAP_PERCPU_HASH, BG_MAP_PERCPU_ARRAY, BG_MAP_STACK_TRACE, BG_MAP_CGROUP_ARRAY,
	BG_MAP_LRU_HASH, BG_MAP_LRU_PERCPU_HASH, BG_MAP_LPM_TRIE, BG_MAP_ARRAY_OF_MAPS,
	BG_MAP_HASH_OF_MAPS, BG_MAP_DEVMAP, BG_MAP_SOCKMAP, BG_MAP_CPUMAP, BG_MAP_XSKMAP,
	BG_MAP_SOCKHASH, BG_MAP_CGROUP_STORAGE, BG_MAP_REUSEPORT_SOCKARRAY,
	BG_MAP_PERCPU_CGROUP_STORAGE, BG_MAP_QUEUE, BG_MAP_STACK, BG_MAP_SK_STORAGE,
	BG_MAP_DEVMAP_HASH, BG_MAP_STRUCT_OPS, BG_MAP_RINGBUF, BG_MAP_INODE_STORAGE,
	BG_MAP_TASK_STORAGE, BG_MAP_BLOOM_FILTER, BG_MAP_USER_RINGBUF, BG_MAP_CGRP_STORAGE,
	BG_MAP_ARENA,
};

/* "a hash map", "a ring buffer" */
const char *bg_map_type__describe(long long type);
/* Keys are 4-byte indexes (array-like maps). */
bool bg_map_type__array_key(long long type);
bool bg_map_type__needs_max_entries(long long type);
/* Why generic bpf_map_*() helpers are refused on TYPE, or NULL if they are not. */
const char *bg_map_type__only_helpers(long long type);

/* A helper that takes a map of given kinds, in argument ARG. */
struct bg_map_kind_rule {
	const char *helper;
	unsigned arg;
	unsigned long long types;	/* bit per enum bg_map_type */
	const char *needs;		/* "a devmap, cpumap or xskmap" */
};

const struct bg_map_kind_rule *bg_map_kind__rule(const char *helper);
bool bg_map_kind__allows(const struct bg_map_kind_rule *r, long long type);

/* What a helper does to the pointers it returns or takes, for the flow rules. */
enum bg_helper_flow {
	BG_FLOW_NONE,
	BG_FLOW_OR_NULL,	/* returns a pointer that may be NULL */
	BG_FLOW_RINGBUF,	/* returns a reservation (or NULL) to submit or discard */
	BG_FLOW_SOCK,		/* returns a socket reference (or NULL) to release */
	BG_FLOW_RINGBUF_RELEASE,/* releases the reservation in its first argument */
	BG_FLOW_SOCK_RELEASE,	/* releases the socket in its first argument */
	BG_FLOW_PKT_CHANGE,	/* may move packet data: packet pointers must be reloaded */
	/*
	 * returns a referenced kernel object (or NULL) to release or store:
	 * bpf_kptr_xchg(), and every kfunc the kernel registers KF_ACQUIRE
	 */
	BG_FLOW_KREF,
};

enum bg_helper_flow bg_helper__flow(const char *name);
/* Whether argument ARG (from 0) of helper or builtin NAME must be memory, not maybe-NULL. */
bool bg_helper__arg_nonnull(const char *name, unsigned arg);

/*
 * A kfunc and what the verifier knows of it: the KF_* flags the kernel
 * registers it with, and by argument (bit i for argument i) whether it is
 * a pointer, may be NULL (name__nullable, name__opt; name__ign and
 * name__prog, which the verifier does not check or fills in itself) or is
 * memory the kfunc initialises (name__uninit). Written from a Linux source tree by
 * scripts/gen-kfuncs.py: the flags are in the kernel's ELF, not its BTF.
 */
enum {
	BG_KF_ACQUIRE = 1 << 0,
	BG_KF_RELEASE = 1 << 1,
	BG_KF_RET_NULL = 1 << 2,
	BG_KF_TRUSTED_ARGS = 1 << 4,
	BG_KF_SLEEPABLE = 1 << 5,
	BG_KF_DESTRUCTIVE = 1 << 6,
	BG_KF_RCU = 1 << 7,
	BG_KF_ITER_NEW = 1 << 8,
	BG_KF_ITER_NEXT = 1 << 9,
	BG_KF_ITER_DESTROY = 1 << 10,
	BG_KF_RCU_PROTECTED = 1 << 11,
};

struct bg_kfunc {
	const char *name;
	unsigned flags;		/* BG_KF_* */
	unsigned char nargs;
	unsigned char ptr;
	unsigned char nullable;
	unsigned char uninit;
};

extern const struct bg_kfunc bg_kfuncs[];
extern const size_t bg_nkfuncs;

/* The kfunc NAME, or NULL when the table does not have it (a module's, or newer). */
const struct bg_kfunc *bg_kfunc__find(const char *name);
/*
 * Whether argument ARG of kfunc K must not be NULL: a pointer of a kfunc
 * whose arguments are trusted (KF_TRUSTED_ARGS, KF_RCU, or a release kfunc),
 * unless the kernel names it __nullable.
 */
bool bg_kfunc__arg_nonnull(const struct bg_kfunc *k, unsigned arg);

/*
 * The argument (from 0) a kfunc that is not KF_RELEASE takes ownership of, or
 * -1: the verifier's own cases, bpf_list_push_*_impl() and bpf_rbtree_add_impl()
 * turn the owning reference to their node into a non-owning one.
 */
int bg_kfunc__consumes(const char *name);

/* Edit distance, for did-you-mean suggestions. */
unsigned bg_edit_distance(const char *a, size_t alen, const char *b, size_t blen);

#endif
