// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bpfgen-parse.so: codegen/parse/ with libclang, loaded by the tool only when
 * it parses (parse_loader.c). Everything else in the module is hidden.
 */
#include "module.h"

__attribute__((visibility("default"))) const struct bg_parse_module bg_parse_module = {
	.sz = sizeof(struct bg_parse_module),
	.version = BPFGEN_VERSION,
	.abi = BG_PARSE_MODULE_ABI,
	.parse = bg_parse,
	.parse_unsaved = bg_parse_unsaved,
	.compdb__load = bg_compdb__load,
	.compdb__free = bg_compdb__free,
};
