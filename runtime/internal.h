/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * libbpfgen's internals, shared between its files (and with the bpfgen tool,
 * which links libbpfgen.a). Never installed; hidden from libbpfgen.so.
 */
#ifndef __BPFGEN_RUNTIME_INTERNAL_H__
#define __BPFGEN_RUNTIME_INTERNAL_H__

#include <stdio.h>

#include "bpfgen/runtime.h"

#define BPFGEN_HIDDEN __attribute__((visibility("hidden")))

/* explain.c: the row for MESSAGE; CALL is the instruction that took a leaked
 * reference ("call bpf_ringbuf_reserve#131"), or NULL. */
BPFGEN_HIDDEN const struct bpfgen_verifier_explain *
bpfgen_verifier__explain(const char *message, const char *call);
/* The whole table, for tests and documentation. */
BPFGEN_HIDDEN const struct bpfgen_verifier_explain *bpfgen_verifier__explain_table(size_t *cnt);

/*
 * verifier.c: bpfgen_object__load() for a caller that has the object's ELF
 * image (ELF, ELF_SZ), which gives the failure's full path, line and column.
 * OUT NULL: print nothing.
 */
BPFGEN_HIDDEN int bpfgen_object__load_elf(struct bpf_object *obj, const void *elf, size_t elf_sz,
					  struct bpfgen_verifier_error *err, FILE *out);

/*
 * source.c: the source lines under a diagnostic, as clang prints them. A
 * cache holds the last file read, so that many diagnostics in one file read
 * it once. Zero-initialise it; bpfgen_src__fini() frees it.
 */
struct bpfgen_src {
	char *path;
	char *buf;
	size_t len;
};

/* Line LINE (1-based) of PATH without its newline, LEN bytes, or NULL when
 * the file cannot be read or is shorter. Valid until the next call. */
BPFGEN_HIDDEN const char *bpfgen_src__line(struct bpfgen_src *c, const char *path, unsigned line,
					   size_t *len);
/* Print line LINE of PATH and a caret under column COL (1-based; tabs are
 * kept so the caret lines up), then FIXIT (or nothing when NULL) under it.
 * Prints nothing when the line is not readable. */
BPFGEN_HIDDEN void bpfgen_src__snippet(struct bpfgen_src *c, FILE *out, const char *path,
				       unsigned line, unsigned col, const char *fixit, int color);
BPFGEN_HIDDEN void bpfgen_src__fini(struct bpfgen_src *c);

#endif
