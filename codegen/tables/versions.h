/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The first Linux version that has each program type, attach type, map type,
 * map flag, helper and kfunc (versions_upstream.c), and context field
 * (versions_ctx.c), generated from public data (see their banners), for `bpfgen check --target-kernel`. Upstream versions: a
 * distribution kernel with backports may have a feature earlier, which only
 * a table measured on it (tables/kernel.h) can tell.
 */
#ifndef BPFGEN_TABLES_VERSIONS_H
#define BPFGEN_TABLES_VERSIONS_H

#include <stdbool.h>
#include <stddef.h>

enum bg_feature_kind {
	BG_FEAT_PROG_TYPE,	/* BPF_PROG_TYPE_*; value: enum bpf_prog_type */
	BG_FEAT_ATTACH_TYPE,	/* BPF_*; value: enum bpf_attach_type */
	BG_FEAT_MAP_TYPE,	/* BPF_MAP_TYPE_*; value: enum bpf_map_type */
	BG_FEAT_MAP_FLAG,	/* BPF_F_* of map_flags; value: the bit */
	BG_FEAT_PROG_FLAG,	/* BPF_F_SLEEPABLE, BPF_F_XDP_HAS_FRAGS (set by the section) */
	BG_FEAT_HELPER,		/* bpf_*; value: enum bpf_func_id */
	BG_FEAT_KFUNC,		/* value -1 */
};

struct bg_feature_version {
	enum bg_feature_kind kind;
	const char *name;
	long long value;	/* -1 when the kernel's enum did not have it */
	unsigned short major, minor;
};

extern const struct bg_feature_version bg_feature_versions[];
extern const size_t bg_feature_versions_cnt;

/* The row of KIND named NAME, or NULL. */
const struct bg_feature_version *bg_feature__find(enum bg_feature_kind kind, const char *name);
/* The row of KIND whose value is VALUE, or NULL. */
const struct bg_feature_version *bg_feature__by_value(enum bg_feature_kind kind, long long value);

/* versions_ctx.c: the first version with each context field, by context struct. */
struct bg_ctx_field_version {
	const char *ctx;	/* "struct xdp_md" */
	const char *field;	/* "egress_ifindex" */
	unsigned short major, minor;
};

extern const struct bg_ctx_field_version bg_ctx_field_versions[];
extern const size_t bg_ctx_field_versions_cnt;

/* The row of field FIELD of context struct CTX, or NULL when the data has none. */
const struct bg_ctx_field_version *bg_ctx_field__version(const char *ctx, const char *field);

/* A kernel version, major.minor: 5.15 is { 5, 15 }. */
struct bg_kver {
	unsigned short major, minor;
};

/*
 * Parse "5.15", "6.1.0" or "6.1.0-18-cloud-amd64" (only major.minor count)
 * into *V. Returns 0, or -EINVAL for anything else.
 */
int bg_kver__parse(const char *s, struct bg_kver *v);
/* < 0, 0 or > 0 as A is older than, the same as or newer than B. */
int bg_kver__cmp(struct bg_kver a, struct bg_kver b);

#endif
