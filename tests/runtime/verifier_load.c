// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * verifier_load obj|skel OBJ.o: load OBJ.o with bpfgen_object__load() (a
 * plain object) or bpfgen_skel__load() (a skeleton built over the file's
 * bytes, as bpftool's would embed them), for verify.sh. Prints the filled
 * error as "key=value" lines, then what libbpfgen printed. Checks the capture
 * contract on the way: the print callback installed before is back after
 * the load, it received libbpf's other warnings, and never the log itself.
 * Exit: 0 loaded, 1 refused, 2 usage or broken contract.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/libbpf.h>

#include "bpfgen/runtime.h"

static int warns, logs;

static int counting_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	char *msg = NULL;

	if (vasprintf(&msg, fmt, ap) < 0)
		return 0;
	if (strstr(msg, "PROG LOAD LOG"))
		logs++;
	else if (level == LIBBPF_WARN)
		warns++;
	free(msg);
	return 0;
}

static char *slurp(const char *path, size_t *sz)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n ? n : 1);
	if (buf && fread(buf, 1, n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*sz = n;
	return buf;
}

int main(int argc, char **argv)
{
	struct bpfgen_verifier_error e;
	struct bpf_object_skeleton s = { .sz = sizeof(s), .name = "verifier_load" };
	struct bpf_object *obj = NULL;
	char *out = NULL, *data = NULL;
	size_t out_len = 0, sz = 0;
	FILE *mem;
	int err;

	if (argc != 3 || (strcmp(argv[1], "obj") && strcmp(argv[1], "skel"))) {
		fprintf(stderr, "usage: %s obj|skel OBJ.o\n", argv[0]);
		return 2;
	}
	libbpf_set_print(counting_print);
	mem = open_memstream(&out, &out_len);
	if (!mem)
		return 2;
	if (!strcmp(argv[1], "obj")) {
		obj = bpf_object__open_file(argv[2], NULL);
		if (!obj) {
			fprintf(stderr, "cannot open %s: %d\n", argv[2], -errno);
			return 2;
		}
		err = bpfgen_object__load(obj, &e, mem);
	} else {
		data = slurp(argv[2], &sz);
		if (!data)
			return 2;
		s.data = data;
		s.data_sz = sz;
		s.obj = &obj;
		if (bpf_object__open_skeleton(&s, NULL)) {
			fprintf(stderr, "cannot open %s as a skeleton: %d\n", argv[2], -errno);
			return 2;
		}
		err = bpfgen_skel__load(&s, &e, mem);
	}
	fclose(mem);

	if (libbpf_set_print(NULL) != counting_print) {
		fprintf(stderr, "the previous print callback was not restored\n");
		return 2;
	}
	if (logs) {
		fprintf(stderr, "the verifier log was forwarded to the previous callback\n");
		return 2;
	}
	if (err && !warns) {
		fprintf(stderr, "libbpf's other warnings were not forwarded\n");
		return 2;
	}
	printf("err=%d\n", err);
	if (err) {
		printf("e.err=%d\nprog=%s\nfile=%s\nline=%d\ncol=%d\ninsn=%d\nrule=%s\n"
		       "message=%s\nlog_has_summary=%d\n",
		       e.err, e.prog ? e.prog : "", e.file ? e.file : "", e.line, e.col, e.insn,
		       e.rule ? e.rule : "", e.message ? e.message : "",
		       e.log && strstr(e.log, "processed ") ? 1 : 0);
		printf("--- printed\n%s", out);
		bpfgen_verifier_error__fini(&e);
	}
	free(out);
	/* not bpf_object__destroy_skeleton(): it frees S, which is ours */
	bpf_object__close(obj);
	free(data);
	return err ? 1 : 0;
}
