/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The kernel table: which helpers each program type may call, as `bpfgen
 * probe` measured it on one kernel. Rows are the probe's representative
 * sections (one per program type and expected attach type); each holds a
 * verdict per helper id. bpfgen carries a built-in table measured on Linux
 * 6.18 (kernel_linux_6_18.c) and one measured on Debian 12's 6.1
 * (kernel_linux_6_1.c, for --target-kernel 6.1); `bpfgen check
 * --kernel-table FILE` replaces the first with one measured on the target.
 */
#ifndef BPFGEN_TABLES_KERNEL_H
#define BPFGEN_TABLES_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tables.h"

/* Verdict flags; 0 is "refused: the program type may not call the helper". */
enum {
	BG_KV_CALL = 1 << 0,	/* the program type may call it */
	BG_KV_GPL = 1 << 1,	/* only under a GPL-compatible license */
	BG_KV_SLEEP = 1 << 2,	/* only from a sleepable program */
};

/* The highest helper id a table can hold (Linux 6.18 has 211). */
#define BG_KERNEL_HELPER_MAX 255

struct bg_kernel_row {
	char *section;		/* the section probed: "xdp", "tcx/ingress" */
	enum bg_prog_type type;
	char *attach;		/* expected attach type as libbpf names it, without BPF_; NULL for none */
	bool sleepable;		/* loaded with BPF_F_SLEEPABLE */
	bool measured;		/* false: the kernel would not load the type at all */
	char *reason;		/* why not measured, or NULL */
	unsigned char verdict[BG_KERNEL_HELPER_MAX + 1];	/* BG_KV_* by helper id */
};

/*
 * The context fields of one section as the kernel measured them: a load of a
 * read and of a write of each field of the section's context struct (the
 * layouts of tables/ctx_fields.c), BG_CTX_READ / BG_CTX_WRITE when it loaded.
 */
struct bg_kernel_ctx_field {
	long long off;
	unsigned flags;		/* BG_CTX_* */
};

struct bg_kernel_ctx {
	char *section;		/* "xdp/devmap", "cgroup/sendmsg4" */
	enum bg_prog_type type;
	char *attach;		/* as bg_kernel_row.attach */
	char *reason;		/* why not measured; NULL when measured */
	struct bg_kernel_ctx_field *fields;
	size_t nfields;
};

struct bg_kernel_table {
	char *release;		/* uname -r of the kernel it was measured on */
	int helper_max;		/* helpers 1..helper_max were probed */
	struct bg_kernel_row *rows;
	size_t nrows;
	struct bg_kernel_ctx *ctx;	/* none in tables written before context probing */
	size_t nctx;
};

struct bg_kernel_table *bg_kernel_table__new(const char *release, int helper_max);
/* Accepts NULL. Never pass the built-in table. */
void bg_kernel_table__free(struct bg_kernel_table *t);
/* Append a row, not yet measured; NULL on ENOMEM. */
struct bg_kernel_row *bg_kernel_table__add_row(struct bg_kernel_table *t, const char *section,
					       enum bg_prog_type type, const char *attach,
					       bool sleepable);

/* Append a context row for SEC (a section libbpf knows), not yet measured; NULL on ENOMEM. */
struct bg_kernel_ctx *bg_kernel_table__add_ctx(struct bg_kernel_table *t, const char *sec);
/*
 * Set CTX's fields from "name@OFF:rw name@OFF:r name@OFF:- ..." (the name
 * is for readers; the offset decides). A negative errno and a reason in ERR.
 */
int bg_kernel_ctx__parse(struct bg_kernel_ctx *ctx, const char *fields, char *err, size_t errsz);
/*
 * The measured context row that stands for a program in section SEC: the
 * same program type and attach type, else the same program type when its
 * context does not depend on the attach type. NULL when none.
 */
const struct bg_kernel_ctx *bg_kernel_table__find_ctx(const struct bg_kernel_table *t,
						      const char *sec);
/* BG_CTX_* of the field at byte OFF, or -1 when CTX did not measure it. */
int bg_kernel_ctx__flags(const struct bg_kernel_ctx *ctx, long long off);

/*
 * The table measured on Linux 6.18, built from kernel_linux_6_18.c on first
 * use; owned by bpfgen. NULL only on ENOMEM.
 */
const struct bg_kernel_table *bg_kernel_table__builtin(void);
/*
 * The built-in table measured on Linux MAJOR.MINOR (6.1: Debian 12's cloud
 * kernel, measured in a VM; 6.18: the builtin), or NULL when bpfgen has
 * measured no such kernel or on ENOMEM.
 */
const struct bg_kernel_table *bg_kernel_table__measured(unsigned major, unsigned minor);
/*
 * The oldest measured kernel that is MAJOR.MINOR or newer, its version in
 * *MMAJOR.*MMINOR; NULL when none is (or on ENOMEM).
 */
const struct bg_kernel_table *bg_kernel_table__measured_from(unsigned major, unsigned minor,
							     unsigned *mmajor, unsigned *mminor);

/*
 * Read a table from PATH: the json `bpfgen probe --format json` writes, or
 * the text of `--format text` (one "SECTION: helper helper!gpl ..." per line).
 * On failure returns a negative errno and writes a one-line reason, naming
 * the place in the file, into ERR.
 */
int bg_kernel_table__load(const char *path, struct bg_kernel_table **out, char *err, size_t errsz);
int bg_kernel_table__parse_json(const char *text, size_t len, struct bg_kernel_table **out,
				char *err, size_t errsz);
int bg_kernel_table__parse_text(const char *text, size_t len, struct bg_kernel_table **out,
				char *err, size_t errsz);
/*
 * Set ROW's verdicts from "helper helper!gpl helper!sleep ..." (names without
 * bpf_); every other helper bpfgen knows is refused.
 */
int bg_kernel_row__parse(struct bg_kernel_row *row, const char *helpers, char *err, size_t errsz);

/*
 * The row that stands for a program in section SEC: the row of the same
 * program type and attach type (preferring the same sleepability), else one
 * of the same program type. NULL when there is none, or SEC is unknown.
 */
const struct bg_kernel_row *bg_kernel_table__find(const struct bg_kernel_table *t, const char *sec);
/* Record the verdict BG_KV_* for helper ID (1..BG_KERNEL_HELPER_MAX) and mark ROW measured. */
void bg_kernel_row__set(struct bg_kernel_row *row, int id, unsigned verdict);
/* BG_KV_* for helper ID in ROW, or -1 when ROW does not know (not measured, not probed). */
int bg_kernel_row__verdict(const struct bg_kernel_row *row, int id);

/*
 * Print to OUT what differs between A and B, row by row (matched by section
 * and sleepability): rows one of them lacks or could not load, and per
 * helper "only RELEASE: helper!gpl" or both verdicts; then the context rows
 * both measured, per field "name: RELEASE rw, RELEASE r". Returns the number of
 * differences; 0 prints nothing.
 */
size_t bg_kernel_table__compare(const struct bg_kernel_table *a, const struct bg_kernel_table *b,
				FILE *out);

void bg_kernel_table__print_text(const struct bg_kernel_table *t, FILE *out);
void bg_kernel_table__print_json(const struct bg_kernel_table *t, FILE *out);
/* The table as C data like kernel_linux_6_18.c, named after its release: bg_kernel_linux_X_Y. */
void bg_kernel_table__print_c(const struct bg_kernel_table *t, FILE *out);

/* The kernel's enum bpf_attach_type value of libbpf's NAME ("TCX_INGRESS"), or -1. */
int bg_attach_type__id(const char *name);

/* The built-in tables' data (kernel_linux_6_18.c, kernel_linux_6_1.c). */
struct bg_kernel_row_src {
	const char *section;
	enum bg_prog_type type;
	const char *attach;
	bool sleepable;
	const char *helpers;	/* as bg_kernel_row__parse() reads it; NULL: not measured */
	const char *reason;	/* NULL when measured */
};

struct bg_kernel_ctx_src {
	const char *section;
	const char *fields;	/* as bg_kernel_ctx__parse() reads it; NULL: not measured */
	const char *reason;	/* NULL when measured */
};

struct bg_kernel_src {
	const char *release;
	int helper_max;
	const struct bg_kernel_row_src *rows;
	size_t nrows;
	const struct bg_kernel_ctx_src *ctx;
	size_t nctx;
};

extern const struct bg_kernel_src bg_kernel_linux_6_18;
extern const struct bg_kernel_src bg_kernel_linux_6_1;

#endif
