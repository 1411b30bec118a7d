// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * `bpfgen check -p BUILD_DIR`: the input is BUILD_DIR/compile_commands.json,
 * read by libclang's compilation database and turned into check jobs by
 * bg_compdb__load(). Every job it returns must be usable by bg_cmd_check():
 * a file, a directory, and a NULL-ended array of strings as flags.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse.h"

static char dir[] = "/tmp/bpfgen-fuzz-compdb.XXXXXX";
static char json[sizeof(dir) + 32];

static void cleanup(void)
{
	unlink(json);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		abort();
	}
	snprintf(json, sizeof(json), "%s/compile_commands.json", dir);
	atexit(cleanup);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bg_compdb *db = NULL;
	FILE *f = fopen(json, "wb");
	size_t i;
	int k, err;

	if (!f || fwrite(data, 1, size, f) != size || fclose(f))
		abort();
	err = bg_compdb__load(dir, &db);
	/* an error is a negative errno, with nothing returned */
	if (err) {
		if (db || err > 0)
			abort();
		return 0;
	}
	if (!db)
		abort();
	for (i = 0; i < db->n; i++) {
		const struct bg_compdb_entry *e = &db->v[i];

		if (!e->file || !e->dir || !e->args || e->nargs < 0)
			abort();
		for (k = 0; k < e->nargs; k++)
			if (!e->args[k] || !memchr(e->args[k], '\0', strlen(e->args[k]) + 1))
				abort();
		if (e->args[e->nargs])
			abort();
	}
	bg_compdb__free(db);
	return 0;
}
