/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
#ifndef BPFGEN_PARSE_H
#define BPFGEN_PARSE_H

#include "diag.h"
#include "model.h"

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

#endif
