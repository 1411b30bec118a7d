/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The one symbol bpfgen-parse.so exports: its entry points, which
 * parse_loader.c resolves on first use. The module's code calls back into the
 * tool (the model, diagnostics, the cache), which exports its symbols, so a
 * module is only good with the build of the tool it came from.
 */
#ifndef BPFGEN_PARSE_MODULE_H
#define BPFGEN_PARSE_MODULE_H

#include <stddef.h>

#include "parse.h"

#define BG_PARSE_MODULE_SYM "bg_parse_module"
#define BG_PARSE_MODULE_NAME "bpfgen-parse.so"

/* what a module of another build would disagree on */
#define BG_PARSE_MODULE_ABI                                                              \
	(sizeof(struct bg_model) * 31 * 31 * 31 + sizeof(struct bg_func) * 31 * 31 +     \
	 sizeof(struct bg_diag) * 31 + sizeof(struct bg_stmt))

struct bg_parse_module {
	size_t sz;		/* sizeof(struct bg_parse_module) of the module */
	const char *version;	/* BPFGEN_VERSION */
	size_t abi;		/* BG_PARSE_MODULE_ABI */
	int (*parse)(const char *file, const char *const *args, int nargs, const char *cache_dir,
		     struct bg_model **model, struct bg_diags *diags);
	int (*parse_unsaved)(const char *file, const char *text, size_t text_len,
			     const char *const *args, int nargs, const char *cache_dir,
			     struct bg_model **model, struct bg_diags *diags);
	int (*compdb__load)(const char *build_dir, struct bg_compdb **out);
	void (*compdb__free)(struct bg_compdb *c);
};

#endif
