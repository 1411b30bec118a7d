// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bpfgen_core, which the unit tests and fuzzers link: codegen/parse/ is
 * linked in, so there is nothing to load (the tool loads it: parse_loader.c).
 */
#include "parse.h"

int bg_parse__load(void)
{
	return 0;
}
