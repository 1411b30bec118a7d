// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* bpfgen check: parse each file, run the rules, print diagnostics. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bpfgen.h"
#include "diag.h"
#include "parse.h"
#include "rules/rules.h"
#include "tables/kernel.h"

enum format { FMT_TEXT, FMT_JSON, FMT_SARIF };

static void list_rules(void)
{
	size_t i;

	printf("%-18s %-8s %-8s %s\n", "RULE", "SEVERITY", "FAMILY", "SUMMARY");
	for (i = 0; i < bg_rules_cnt; i++)
		printf("%-18s %-8s %-8s %s\n", bg_rules[i].id, bg_severity__name(bg_rules[i].sev),
		       bg_rules[i].family, bg_rules[i].summary);
}

static void check_usage(FILE *out)
{
	fprintf(out,
		"usage: bpfgen check [--format text|json|sarif] [-W<rule>|-Wno-<rule>|-Werror]\n"
		"                    [--btf FILE] [--kernel-table FILE] [--cache DIR] [--list-rules]\n"
		"                    [-p BUILD_DIR] FILE... [-- CLANG_ARGS...]\n"
		"\n"
		"-p BUILD_DIR checks the BPF files of BUILD_DIR/compile_commands.json (those\n"
		"built with -target bpf, and *.bpf.c) with their own flags.\n"
		"\n"
		"Check libbpf-style BPF C for mistakes the compiler accepts and the kernel\n"
		"refuses or runs wrongly. Exit status: 0 no errors, 1 errors, 2 bpfgen failed.\n");
}

/*
 * 0 when FILE can be checked; else a negative errno, after saying why:
 * missing, unreadable, a directory, or binary data (a NUL in its first 64 KiB).
 */
static int file_usable(const char *file)
{
	char buf[65536];
	FILE *f;
	size_t n;
	int err = 0;

	f = fopen(file, "rb");
	if (!f) {
		err = errno;
		fprintf(stderr, "bpfgen: error: cannot open '%s': %s\n", file, strerror(err));
		return -err;
	}
	n = fread(buf, 1, sizeof(buf), f);
	if (ferror(f)) {
		err = errno ? errno : EIO;
		fprintf(stderr, "bpfgen: error: cannot open '%s': %s\n", file, strerror(err));
		err = -err;
	} else if (memchr(buf, '\0', n)) {
		fprintf(stderr, "bpfgen: error: cannot check '%s': binary file, not C source\n", file);
		err = -EINVAL;
	}
	fclose(f);
	return err;
}

int bg_cmd_check(int argc, char **argv)
{
	struct bg_rule_opts opts = {};
	struct bg_diags diags = {};
	enum format fmt = FMT_TEXT;
	const char **files = NULL;
	struct bg_model **models = NULL;
	char **clang_args = NULL;
	const char *btf_path = NULL;
	const char *ktable_path = NULL;
	struct bg_kernel_table *ktable = NULL;
	int nfiles = 0, nclang = 0, i, err = 0, status = 0;
	bool failed = false, dump = false;
	const char *cache_dir = getenv("BPFGEN_CACHE_DIR");
	const char *build_dir = NULL;
	struct bg_compdb *db = NULL;
	char cwd[4096];
	size_t njobs, j;

	memset(opts.enabled, -1, sizeof(opts.enabled));
	opts.werror = false;
	opts.kbtf = NULL;
	opts.ktable = NULL;
	files = calloc(argc + 1, sizeof(*files));
	/* diagnostics point into their models: keep them until printed */
	models = calloc(argc + 1, sizeof(*models));
	if (!files || !models) {
		free(files);
		free(models);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--")) {
			clang_args = &argv[i + 1];
			nclang = argc - i - 1;
			break;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			check_usage(stdout);
			goto out;
		} else if (!strcmp(a, "--list-rules")) {
			list_rules();
			goto out;
		} else if (!strcmp(a, "--format") || !strncmp(a, "--format=", 9)) {
			const char *v = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : "");

			if (!strcmp(v, "text")) {
				fmt = FMT_TEXT;
			} else if (!strcmp(v, "json")) {
				fmt = FMT_JSON;
			} else if (!strcmp(v, "sarif")) {
				fmt = FMT_SARIF;
			} else {
				fprintf(stderr, "bpfgen: error: unknown format '%s' (text, json, sarif)\n", v);
				status = 2;
				goto out;
			}
		} else if (!strcmp(a, "--btf") || !strncmp(a, "--btf=", 6)) {
			/* the kernel BTF to check against: another kernel's vmlinux */
			if (a[5] != '=' && i + 1 >= argc) {
				fprintf(stderr, "bpfgen: error: '--btf' needs a file\n");
				status = 2;
				goto out;
			}
			btf_path = a[5] == '=' ? a + 6 : argv[++i];
		} else if (!strcmp(a, "--kernel-table") || !strncmp(a, "--kernel-table=", 15)) {
			/* helper verdicts measured on the target kernel by bpfgen probe */
			if (a[14] != '=' && i + 1 >= argc) {
				fprintf(stderr, "bpfgen: error: '--kernel-table' needs a file\n");
				status = 2;
				goto out;
			}
			ktable_path = a[14] == '=' ? a + 15 : argv[++i];
		} else if (!strcmp(a, "-p")) {
			build_dir = i + 1 < argc ? argv[++i] : NULL;
			if (!build_dir) {
				fprintf(stderr, "bpfgen: error: -p needs a build directory\n");
				status = 2;
				goto out;
			}
		} else if (!strcmp(a, "--cache") || !strncmp(a, "--cache=", 8)) {
			cache_dir = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
			if (!cache_dir || !*cache_dir) {
				fprintf(stderr, "bpfgen: error: --cache needs a directory\n");
				status = 2;
				goto out;
			}
		} else if (!strcmp(a, "--dump-model")) {
			dump = true;
		} else if (!strcmp(a, "-Werror")) {
			opts.werror = true;
		} else if (!strncmp(a, "-W", 2)) {
			bool off = !strncmp(a, "-Wno-", 5);
			const struct bg_rule *r = bg_rule__find(a + (off ? 5 : 2));

			if (!r) {
				fprintf(stderr, "bpfgen: error: unknown rule '%s' (see --list-rules)\n",
					a + (off ? 5 : 2));
				status = 2;
				goto out;
			}
			opts.enabled[r - bg_rules] = !off;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "bpfgen: error: unknown option '%s'\n", a);
			check_usage(stderr);
			status = 2;
			goto out;
		} else {
			files[nfiles++] = a;
		}
	}
	opts.kbtf = bg_kbtf__new(btf_path);
	if (ktable_path) {
		char why[512];

		if (bg_kernel_table__load(ktable_path, &ktable, why, sizeof(why))) {
			fprintf(stderr, "bpfgen: error: kernel table '%s': %s\n", ktable_path, why);
			status = 2;
			goto out;
		}
		opts.ktable = ktable;
	}
	if (cache_dir && mkdir(cache_dir, 0755) && errno != EEXIST)
		cache_dir = NULL;	/* no cache is slower, not wrong */
	if (build_dir) {
		err = bg_compdb__load(build_dir, &db);
		if (err) {
			fprintf(stderr, "bpfgen: error: cannot read '%s/compile_commands.json': %s\n",
				build_dir, strerror(-err));
			status = 2;
			goto out;
		}
		if (!getcwd(cwd, sizeof(cwd))) {
			fprintf(stderr, "bpfgen: error: cannot tell the current directory: %s\n",
				strerror(errno));
			status = 2;
			goto out;
		}
	}
	if (!nfiles && !db) {
		fprintf(stderr, "bpfgen: error: no input files\n");
		check_usage(stderr);
		status = 2;
		goto out;
	}

	/* the files named, then the BPF files of the build, each with its own flags */
	njobs = nfiles + (db ? db->n : 0);
	if (db) {
		struct bg_model **grown = realloc(models, (njobs + 1) * sizeof(*models));

		if (!grown) {
			status = 2;
			goto out;
		}
		models = grown;
		memset(models, 0, (njobs + 1) * sizeof(*models));
	}
	for (j = 0; j < njobs; j++) {
		const struct bg_compdb_entry *e = j < (size_t)nfiles ? NULL : &db->v[j - nfiles];
		const char *file = e ? e->file : files[j];
		const char **fargs = (const char **)clang_args;
		int nfargs = nclang, k;
		struct bg_model *m = NULL;
		size_t nerr, nfirst;

		if (e) {
			/* its relative paths start where its command ran */
			if (chdir(e->dir)) {
				fprintf(stderr, "bpfgen: error: cannot enter '%s': %s\n", e->dir,
					strerror(errno));
				failed = true;
				continue;
			}
			fargs = calloc(e->nargs + nclang + 1, sizeof(*fargs));
			if (!fargs) {
				failed = true;
				continue;
			}
			for (k = 0; k < e->nargs; k++)
				fargs[k] = e->args[k];
			for (k = 0; k < nclang; k++)
				fargs[e->nargs + k] = clang_args[k];
			nfargs = e->nargs + nclang;
		}
		if (file_usable(file)) {
			failed = true;
			goto next;
		}
		nerr = bg_diags__count(&diags, BG_SEV_ERROR);
		nfirst = diags.n;
		err = bg_parse(file, fargs, nfargs, cache_dir, &m, &diags);
		if (err) {
			fprintf(stderr, "bpfgen: error: cannot parse '%s': libclang failed (%s)\n",
				file, strerror(-err));
			failed = true;
			goto next;
		}
		if (dump)
			bg_model__dump(m, stdout);
		/* rules on a model clang could not finish would report its gaps */
		if (bg_diags__count(&diags, BG_SEV_ERROR) == nerr)
			bg_rules__run(m, &opts, &diags);
		bg_diags__drop_ignored(&diags, nfirst);
		models[j] = m;
next:
		if (e) {
			free(fargs);
			if (chdir(cwd)) {
				fprintf(stderr, "bpfgen: error: cannot return to '%s': %s\n", cwd,
					strerror(errno));
				failed = true;
				break;
			}
		}
	}

	bg_diags__sort(&diags);
	if (fmt == FMT_SARIF) {
		struct bg_rule_meta meta[64];
		size_t r;

		for (r = 0; r < bg_rules_cnt && r < 64; r++)
			meta[r] = (struct bg_rule_meta){ bg_rules[r].id, bg_rules[r].summary,
							 bg_rules[r].sev };
		bg_diags__print_sarif(&diags, stdout, BPFGEN_VERSION, meta, r);
	} else if (fmt == FMT_JSON)
		bg_diags__print_json(&diags, stdout);
	else
		bg_diags__print_text(&diags, stdout, isatty(STDOUT_FILENO));
	if (failed)
		status = 2;
	else if (bg_diags__count(&diags, BG_SEV_ERROR))
		status = 1;
out:
	bg_kbtf__free(opts.kbtf);
	bg_kernel_table__free(ktable);
	bg_diags__clear(&diags);
	for (j = 0; models && j < (size_t)nfiles + (db ? db->n : 0); j++)
		bg_model__free(models[j]);
	bg_compdb__free(db);
	free(models);
	free(files);
	return status;
}
