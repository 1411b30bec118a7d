// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The kernel-table reader (`bpfgen check --kernel-table FILE`): both formats
 * over an exact-size copy of the input (an over-read is an ASan report), and
 * bg_kernel_table__load() on it as a file. A table that loads must print and
 * answer lookups.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "tables/kernel.h"

static int memfd = -1;
static char memfd_path[64];
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	memfd = memfd_create("kernel-table", 0);
	if (memfd < 0) {
		perror("memfd_create");
		abort();
	}
	snprintf(memfd_path, sizeof(memfd_path), "/proc/self/fd/%d", memfd);
	devnull = fopen("/dev/null", "w");
	if (!devnull)
		abort();
	return 0;
}

static void use(struct bg_kernel_table *t, const char *err, int ret)
{
	size_t i;

	/* a reason on failure, a table on success, never both */
	if (ret) {
		if (t || !err[0] || strlen(err) >= 512)
			abort();
		return;
	}
	if (!t || t->nrows == 0 || t->helper_max < 1 || t->helper_max > BG_KERNEL_HELPER_MAX)
		abort();
	for (i = 0; i < t->nrows; i++) {
		if (!t->rows[i].section)
			abort();
		bg_kernel_table__find(t, t->rows[i].section);
	}
	bg_kernel_table__print_text(t, devnull);
	bg_kernel_table__print_json(t, devnull);
	bg_kernel_table__free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bg_kernel_table *t;
	char err[512];
	char *copy = malloc(size ? size : 1);
	int ret;

	if (!copy)
		return 0;
	memcpy(copy, data, size);

	err[0] = '\0';
	ret = bg_kernel_table__parse_json(copy, size, &t, err, sizeof(err));
	use(t, err, ret);
	err[0] = '\0';
	ret = bg_kernel_table__parse_text(copy, size, &t, err, sizeof(err));
	use(t, err, ret);
	free(copy);

	/* the whole reader, as --kernel-table runs it */
	if (ftruncate(memfd, 0) || pwrite(memfd, data, size, 0) != (ssize_t)size)
		abort();
	err[0] = '\0';
	ret = bg_kernel_table__load(memfd_path, &t, err, sizeof(err));
	use(t, err, ret);
	return 0;
}
