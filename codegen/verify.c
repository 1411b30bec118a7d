// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bpfgen verify: load every program of compiled BPF objects into the running
 * kernel, one at a time, and report each refusal like a `bpfgen check`
 * diagnostic at the source line the failing instruction came from, with what
 * it means and the check rule that finds it before the build.
 *
 * Each program is loaded from a fresh open of its object with only itself
 * autoloaded: libbpf stops at an object's first failing program, and we want
 * all of them.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/libbpf.h>

#include "bpfgen.h"
#include "diag.h"
#include "internal.h"

enum verify_format {
	VERIFY_TEXT,
	VERIFY_JSON,
};

struct verify {
	enum verify_format format;
	bool verbose;
	bool first_json;
	int status;		/* 0 all loaded, 1 some refused, 2 could not verify */
};

static void verify_usage(FILE *out)
{
	fprintf(out,
		"usage: bpfgen verify [--format text|json] [-v] OBJ.o...\n"
		"\n"
		"Loads each program of each compiled BPF object into the running kernel\n"
		"(root, or CAP_BPF with CAP_PERFMON, is needed) and reports every program the\n"
		"verifier or libbpf refuses, at the source line of the failing instruction,\n"
		"with what the message means and the `bpfgen check` rule that looks for it at\n"
		"build time. -v prints the whole verifier log too.\n"
		"\n"
		"Exit status: 0 every program loaded, 1 some program was refused, 2 an\n"
		"object could not be verified (missing, not a BPF object, no privilege).\n");
}

static int verbose_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	return level == LIBBPF_DEBUG ? 0 : vfprintf(stderr, fmt, ap);
}

static int quiet_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	return 0;
}

static void status_at_least(struct verify *v, int s)
{
	if (s > v->status)
		v->status = s;
}

static int read_file(const char *path, char **data, size_t *sz)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 0, len = 0, got;
	char *buf = NULL, *nb;
	int err = 0;

	if (!f)
		return -errno;
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			nb = realloc(buf, cap);
			if (!nb) {
				err = -ENOMEM;
				goto out;
			}
			buf = nb;
		}
		got = fread(buf + len, 1, cap - len, f);
		if (!got)
			break;
		len += got;
	}
	if (ferror(f))
		err = -EIO;
out:
	fclose(f);
	if (err) {
		free(buf);
		return err;
	}
	*data = buf;
	*sz = len;
	return 0;
}

static struct bpf_object *open_obj(const char *path, const char *data, size_t sz)
{
	LIBBPF_OPTS(bpf_object_open_opts, opts);
	char name[64];
	const char *base = strrchr(path, '/');
	char *dot;

	/* the name libbpf gives an object opened from a file: maps such as
	 * .rodata are named after it */
	snprintf(name, sizeof(name), "%s", base ? base + 1 : path);
	dot = strchr(name, '.');
	if (dot)
		*dot = '\0';
	opts.object_name = name;
	return bpf_object__open_mem(data, sz, &opts);
}

static void print_json_result(struct verify *v, const char *path, const char *prog,
			      const struct bpfgen_verifier_error *e)
{
	fputs(v->first_json ? "\n  {" : ",\n  {", stdout);
	v->first_json = false;
	fputs("\"object\": ", stdout);
	bg_json__string(stdout, path);
	fputs(", \"program\": ", stdout);
	bg_json__string(stdout, prog);
	fprintf(stdout, ", \"loaded\": %s", e ? "false" : "true");
	if (e) {
		fputs(", \"file\": ", stdout);
		bg_json__string(stdout, e->file);
		fprintf(stdout, ", \"line\": %d, \"column\": %d, \"insn\": %d, \"errno\": %d",
			e->line, e->col, e->insn, e->err);
		fputs(", \"message\": ", stdout);
		bg_json__string(stdout, e->message);
		fputs(", \"explanation\": ", stdout);
		bg_json__string(stdout, e->explanation);
		fputs(", \"rule\": ", stdout);
		bg_json__string(stdout, e->rule);
		if (v->verbose) {
			fputs(", \"log\": ", stdout);
			bg_json__string(stdout, e->log);
		}
	}
	fputc('}', stdout);
}

static void report(struct verify *v, const char *path, const char *prog,
		   struct bpfgen_verifier_error *e)
{
	if (e && !e->file) {
		/* no line to point at (a map the kernel refused): the object */
		e->file = strdup(path);
		e->line = e->col = 0;
	}
	if (v->format == VERIFY_JSON) {
		print_json_result(v, path, prog, e);
		return;
	}
	if (!e) {
		if (v->verbose)
			printf("%s: program '%s': loaded\n", path, prog);
		return;
	}
	bpfgen_verifier_error__print(e, stdout);
	if (v->verbose && e->log && *e->log) {
		printf("-- verifier log of '%s' --\n%s", prog, e->log);
		if (e->log[strlen(e->log) - 1] != '\n')
			putchar('\n');
		printf("-- end of log --\n");
	}
}

/* Load program INDEX of the object at PATH (DATA, SZ) alone. */
static int verify_prog(struct verify *v, const char *path, const char *data, size_t sz,
		       size_t index, bool *object_level)
{
	struct bpfgen_verifier_error e;
	struct bpf_object *obj;
	struct bpf_program *p;
	const char *name = NULL;
	size_t i = 0;
	int err;

	obj = open_obj(path, data, sz);
	if (!obj)
		return -errno;
	bpf_object__for_each_program(p, obj) {
		/* '?' sections are not autoloaded by default: this one is */
		bpf_program__set_autoload(p, i == index);
		if (i++ == index)
			name = bpf_program__name(p);
	}
	err = bpfgen_object__load_elf(obj, data, sz, &e, NULL);
	if (!err) {
		report(v, path, name, NULL);
		goto out;
	}
	if (err == -EPERM && geteuid() != 0) {
		fprintf(stderr, "bpfgen: error: %s: program '%s': loading needs root "
			"(or CAP_BPF and CAP_PERFMON)\n", path, name);
		status_at_least(v, 2);
		goto out_fini;
	}
	status_at_least(v, 1);
	/* a refusal of the object itself (a map, an extern) is the same for
	 * every program: reported once, for no program */
	*object_level = !e.prog;
	report(v, path, e.prog, &e);
out_fini:
	bpfgen_verifier_error__fini(&e);
out:
	bpf_object__close(obj);
	return 0;
}

static void verify_object(struct verify *v, const char *path)
{
	struct bpf_object *obj;
	struct bpf_program *p;
	size_t sz = 0, n = 0, i;
	char *data = NULL;
	bool object_level = false;
	int err;

	err = read_file(path, &data, &sz);
	if (err) {
		fprintf(stderr, "bpfgen: error: cannot read '%s': %s\n", path, strerror(-err));
		status_at_least(v, 2);
		return;
	}
	obj = open_obj(path, data, sz);
	if (!obj) {
		char why[128];

		libbpf_strerror(errno, why, sizeof(why));
		fprintf(stderr, "bpfgen: error: '%s' is not a BPF object libbpf can open: %s\n",
			path, why);
		status_at_least(v, 2);
		goto out;
	}
	bpf_object__for_each_program(p, obj)
		n++;
	bpf_object__close(obj);
	if (!n) {
		fprintf(stderr, "bpfgen: error: '%s' has no BPF programs\n", path);
		status_at_least(v, 2);
		goto out;
	}
	for (i = 0; i < n && !object_level; i++) {
		err = verify_prog(v, path, data, sz, i, &object_level);
		if (err) {
			fprintf(stderr, "bpfgen: error: cannot reopen '%s': %s\n", path,
				strerror(-err));
			status_at_least(v, 2);
			break;
		}
	}
out:
	free(data);
}

int bg_cmd_verify(int argc, char **argv)
{
	struct verify v = { .format = VERIFY_TEXT, .first_json = true };
	libbpf_print_fn_t prev;
	int i, nfiles = 0;
	bool opts_done = false;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (opts_done || a[0] != '-' || !a[1]) {
			nfiles++;
			continue;
		}
		if (!strcmp(a, "--")) {
			opts_done = true;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			verify_usage(stdout);
			return 0;
		} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			v.verbose = true;
		} else if (!strcmp(a, "--format") || !strncmp(a, "--format=", 9)) {
			const char *f = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);

			if (f && !strcmp(f, "text")) {
				v.format = VERIFY_TEXT;
			} else if (f && !strcmp(f, "json")) {
				v.format = VERIFY_JSON;
			} else {
				fprintf(stderr, "bpfgen: error: unknown format '%s' (text, json)\n",
					f ? f : "");
				return 2;
			}
		} else {
			fprintf(stderr, "bpfgen: error: unknown option '%s'\n", a);
			verify_usage(stderr);
			return 2;
		}
	}
	if (!nfiles) {
		fprintf(stderr, "bpfgen: error: no objects to verify\n");
		verify_usage(stderr);
		return 2;
	}

	/* libbpf's own messages would repeat what the report says */
	prev = libbpf_set_print(v.verbose ? verbose_print : quiet_print);
	if (v.format == VERIFY_JSON)
		fputs("{\"results\": [", stdout);
	opts_done = false;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!opts_done && a[0] == '-' && a[1]) {
			if (!strcmp(a, "--"))
				opts_done = true;
			else if (!strcmp(a, "--format"))
				i++;
			continue;
		}
		verify_object(&v, a);
	}
	if (v.format == VERIFY_JSON)
		fputs("\n]}\n", stdout);
	libbpf_set_print(prev);
	return v.status;
}
