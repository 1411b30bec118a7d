/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
#ifndef BPFGEN_PARSE_H
#define BPFGEN_PARSE_H

#include "diag.h"
#include "model.h"

/*
 * The functions below that parse or read a compilation database are
 * codegen/parse/ with libclang. In the tool it is a module (bpfgen-parse.so)
 * loaded on the first of those calls, which exits 2 when it cannot be loaded;
 * bpfgen_core links it in.
 */

/*
 * Load the module now: before fork(), so that workers share it. Returns 0, or
 * a negative errno after saying on stderr why it cannot be loaded.
 */
int bg_parse__load(void);

/*
 * Parse FILE as BPF C and build its model. bpfgen's own flags come first
 * (-target bpf, -D__TARGET_ARCH_<host>, -D__BPF__, the host's system include
 * directories as -idirafter), then ARGS. Clang's errors are added to DIAGS as
 * errors without a rule id. Returns 0 and sets *MODEL (free it with
 * bg_model__free()), or a negative errno when libclang could not parse at all.
 * With CACHE_DIR, the file's leading system and vmlinux.h includes are
 * precompiled there once and reused by every file that starts the same way.
 */
int bg_parse(const char *file, const char *const *args, int nargs, const char *cache_dir,
	     struct bg_model **model, struct bg_diags *diags);
/*
 * bg_parse() of FILE as an editor holds it: TEXT (TEXT_LEN bytes, not
 * NUL-terminated) stands for FILE's content on disk, which may differ or be
 * missing. TEXT NULL: FILE as it is on disk.
 */
int bg_parse_unsaved(const char *file, const char *text, size_t text_len,
		     const char *const *args, int nargs, const char *cache_dir,
		     struct bg_model **model, struct bg_diags *diags);

/*
 * The leading #include lines of FILE that many files share (system headers and
 * "vmlinux.h", past comments and blank lines): what a PCH holds. NULL when
 * there are none. *QUOTED says whether "vmlinux.h" is among them: it is looked
 * up next to FILE first.
 */
char *bg_shared_prefix(const char *file, bool *quoted);
/* bg_shared_prefix() of a file's text SRC (N bytes, not NUL-terminated). */
char *bg_shared_prefix_of(const char *src, size_t n, bool *quoted);

/* The BPF entries of a build's compile_commands.json: -target bpf, or a .bpf.c file. */
struct bg_compdb_entry {
	char *file;	/* as the database names it */
	char *dir;	/* where the command runs: relative -I paths start there */
	char **args;	/* its flags, without the compiler, the file, -c, -o and dependency output */
	int nargs;
	/* --target-kernel of a `bpfgen cc [OPTIONS --] clang ...` launcher, or NULL */
	char *target_kernel;
};

struct bg_compdb {
	struct bg_compdb_entry *v;
	size_t n;
};

/*
 * Read BUILD_DIR/compile_commands.json. Returns 0, -errno when it cannot be read
 * (-ENOENT: no database), -EINVAL when it is not a compilation database, -ENOMEM.
 */
int bg_compdb__load(const char *build_dir, struct bg_compdb **out);
void bg_compdb__free(struct bg_compdb *c);

#endif
