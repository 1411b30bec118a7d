// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * `bpfgen check FILE` in process on mutated C: libclang parses the input,
 * parse/ builds the model, the rules run and a printer writes the
 * diagnostics (text, json or sarif, by the input's length). Any exit status
 * is fine (0, 1, or 2 for binary data); a crash, a sanitizer report or a leak
 * per input is not. Slow: libclang parses every input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bpfgen.h"

static char dir[] = "/tmp/bpfgen-fuzz-check.XXXXXX";
static char file[sizeof(dir) + 32];

static void cleanup(void)
{
	unlink(file);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		abort();
	}
	snprintf(file, sizeof(file), "%s/input.bpf.c", dir);
	atexit(cleanup);
	/* a shared cache would make one input depend on the ones before it */
	unsetenv("BPFGEN_CACHE_DIR");
	setenv("BPFGEN_CACHE", "off", 1);
	/* diagnostics go to stdout: thousands of runs of them are noise, but
	 * BPFGEN_FUZZ_SHOW=1 shows them when replaying one input */
	if (!getenv("BPFGEN_FUZZ_SHOW") && !freopen("/dev/null", "w", stdout))
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const formats[] = { "text", "json", "sarif" };
	char *argv[] = { "check", "--format", (char *)formats[size % 3], file, NULL };
	FILE *f = fopen(file, "wb");
	int status;

	if (!f || fwrite(data, 1, size, f) != size || fclose(f))
		abort();
	status = bg_cmd_check(4, argv);
	if (status < 0 || status > 2)
		abort();
	fflush(stdout);
	return 0;
}
