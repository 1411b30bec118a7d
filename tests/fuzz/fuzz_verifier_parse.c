// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bpfgen_verifier_parse(): a verifier log is text from the kernel or libbpf,
 * of any length and any version. The input (NUL-ended) is parsed; a log with
 * a failure in it must give NUL-ended strings, a line and column >= 0, an
 * instruction index >= -1, and an explanation lookup of its message; storage
 * is freed by bpfgen_verifier_error__fini() (a leak is a failure).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bpfgen/runtime.h"

static void str_ok(const char *s)
{
	if (s && strlen(s) > (1u << 30))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bpfgen_verifier_error err;
	char *log = malloc(size + 1);
	int ret;

	if (!log)
		abort();
	memcpy(log, data, size);
	log[size] = '\0';
	memset(&err, 0, sizeof(err));
	ret = bpfgen_verifier_parse(log, &err);
	if (ret == 0) {
		if (!err.message || err.line < 0 || err.col < 0 || err.insn < -1)
			abort();
		str_ok(err.prog);
		str_ok(err.message);
		str_ok(err.file);
		str_ok(err.explanation);
		str_ok(err.rule);
		str_ok(err.log);
		bpfgen_verifier_explain(err.message);
		bpfgen_verifier_error__fini(&err);
	} else if (ret != -EINVAL && ret != -ENOMEM) {
		abort();
	}
	free(log);
	return 0;
}
