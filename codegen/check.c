// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* bpfgen check: parse each file, run the rules, print diagnostics. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "bpfgen.h"
#include "cache.h"
#include "check.h"
#include "check_jobs.h"
#include "diag.h"
#include "parse.h"
#include "result.h"
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
		"                    [--btf FILE] [--kernel-table FILE] [--target-kernel V[,V...]]\n"
		"                    [--cache DIR] [--list-rules]\n"
		"                    [--no-cache] [-j N] [--stats] [-p BUILD_DIR] FILE...\n"
		"                    [-- CLANG_ARGS...]\n"
		"\n"
		"-p BUILD_DIR checks the BPF files of BUILD_DIR/compile_commands.json (those\n"
		"built with -target bpf, and *.bpf.c) with their own flags.\n"
		"-j N checks N files at a time (0: one per online CPU); the output is the same.\n"
		"--stats prints each file's wall time and peak memory, and a summary, on stderr.\n"
		"--target-kernel 5.15,6.1 reports what those kernels do not have (kernel-version);\n"
		"a file's \"bpfgen: target-kernel 5.15\" comment sets it when the option does not.\n"
		"The cache of precompiled preambles and of check results is on by default (see\n"
		"'bpfgen cache --help'): an unchanged file, headers and options included, is not\n"
		"parsed again. --cache DIR names another, --no-cache or BPFGEN_CACHE=off turns it off.\n"
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

/* Whether clang compiles FILE as C by its name, rather than passing it to the linker. */
static bool is_c_name(const char *file)
{
	const char *dot = strrchr(file, '.');

	return dot && !strchr(dot, '/') && (!strcmp(dot, ".c") || !strcmp(dot, ".h"));
}

const char *bg_check_job_file(const struct check_ctx *c, size_t j)
{
	return j < c->nfiles ? c->files[j] : c->db->v[j - c->nfiles].file;
}

static uint64_t now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/*
 * Peak RSS per file: the kernel's high-water mark is reset before each file
 * (/proc/self/clear_refs, Linux 4.0) and read after it. Without /proc, the
 * process's peak so far (getrusage), which bounds it from above.
 */
static void rss_reset(void)
{
	int fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	/* when it fails, the peak covers earlier files too */
	(void)!write(fd, "5", 1);
	close(fd);
}

static uint64_t rss_peak_kb(void)
{
	char line[256];
	unsigned long long kb = 0;
	struct rusage ru;
	FILE *f = fopen("/proc/self/status", "re");

	if (f) {
		while (fgets(line, sizeof(line), f))
			if (sscanf(line, "VmHWM: %llu kB", &kb) == 1)
				break;
		fclose(f);
	}
	if (!kb && !getrusage(RUSAGE_SELF, &ru))
		kb = ru.ru_maxrss;
	return kb;
}

/* Append FROM's diagnostics to TO, which takes them over; FROM is left empty. */
static int diags_move(struct bg_diags *to, struct bg_diags *from)
{
	struct bg_diag *v;

	if (!from->n) {
		bg_diags__clear(from);
		return 0;
	}
	v = realloc(to->v, (to->n + from->n) * sizeof(*v));
	if (!v) {
		bg_diags__clear(from);
		return -ENOMEM;
	}
	memcpy(v + to->n, from->v, from->n * sizeof(*v));
	to->v = v;
	to->n += from->n;
	to->cap = to->n;
	free(from->v);
	memset(from, 0, sizeof(*from));
	return 0;
}

/* The versions of a "bpfgen: target-kernel 5.15,6.1" comment line in LINE, into BUF. */
static bool target_line(const char *line, size_t len, char *buf, size_t size)
{
	static const char key[] = "bpfgen: target-kernel";
	const char *p = memmem(line, len, key, sizeof(key) - 1);
	size_t n = 0;

	if (!p || !(memmem(line, p - line, "//", 2) || memmem(line, p - line, "/*", 2) ||
		    memmem(line, p - line, "*", 1)))
		return false;
	p += sizeof(key) - 1;
	len -= p - line;
	while (len && (*p == ' ' || *p == '\t' || *p == ':' || *p == '=')) {
		p++;
		len--;
	}
	while (n < len && n + 1 < size && p[n] != '\n' && p[n] != '*' && p[n] != '\r')
		n++;
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return n > 0;
}

/* M's file's target-kernel comment, from TEXT or the file on disk, into m->target_kernel. */
static void read_target_kernel(struct bg_model *m, const char *text, size_t text_len)
{
	char line[512], buf[256];
	const char *p, *nl;
	FILE *f;

	if (text) {
		for (p = text; p < text + text_len; p = nl + 1) {
			nl = memchr(p, '\n', text + text_len - p);
			if (!nl)
				nl = text + text_len;
			if (target_line(p, nl - p, buf, sizeof(buf)))
				break;
		}
		if (p >= text + text_len)
			return;
	} else {
		f = m->file ? fopen(m->file, "r") : NULL;
		if (!f)
			return;
		buf[0] = '\0';
		while (fgets(line, sizeof(line), f))
			if (target_line(line, strlen(line), buf, sizeof(buf)))
				break;
		fclose(f);
		if (!buf[0])
			return;
	}
	if (!bg_target_kernel__validate(buf))
		m->target_kernel = bg_model__strdup(m, buf);
}

void bg_check_rules(struct bg_model *m, const struct bg_rule_opts *opts, struct bg_diags *diags,
		    size_t nerr, size_t nfirst, const char *text, size_t text_len)
{
	if ((!opts || !opts->target_kernel) && !m->target_kernel)
		read_target_kernel(m, text, text_len);
	/* rules on a model clang could not finish would report its gaps */
	if (bg_diags__count(diags, BG_SEV_ERROR) == nerr)
		bg_rules__run(m, opts, diags);
	else	/* clang's own findings on typed-layer uses stand anyway */
		bg_rules__run_family(m, opts, diags, "typed");
	bg_diags__drop_ignored_in(diags, nfirst, m->file, text, text_len);
}

/*
 * Stored results: a file checked before, whose bytes, flags and headers have
 * not changed, under the same options, kernel and bpfgen, is not parsed
 * again. Its entry (CACHE/KEY.chk, KEY from result_key()) lists every file
 * the parse read with its size and modification time, then the job's result
 * record (result.h). An entry whose files changed is not replayed, and is
 * written again after the check.
 */
#define CHK_MAGIC "bpfgen-check 1\n"

static uint64_t result_key(const struct check_ctx *c, const char *file, const char *const *args,
			   int nargs, const char *target_kernel)
{
	char buf[65536], dir[4096];
	uint64_t h = c->result_key;
	size_t n;
	FILE *f;
	int i;

	h = bg_hash_str(h, getcwd(dir, sizeof(dir)) ? dir : "");
	h = bg_hash_str(h, file);
	for (i = 0; i < nargs; i++)
		h = bg_hash_str(h, args[i]);
	h = bg_hash_str(h, target_kernel ? target_kernel : "");
	f = fopen(file, "rb");
	if (!f)
		return 0;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		h = bg_hash_mem(h, buf, n);
	fclose(f);
	return h ? h : 1;
}

/* Replay the entry at PATH into ALL; false when there is none or its files changed. */
static bool result_replay(const struct check_ctx *c, const char *path, struct bg_diags *all,
			  struct job_result *r)
{
	char *text = NULL, *p, *end, *tab;
	long long size, mtime;
	struct bg_rbuf b;
	bool ok = false, noted = true;
	struct stat sb;
	size_t len = 0;
	long nsec;
	FILE *f;

	if (!bg_cache_sound(path) || !(f = fopen(path, "re")))
		return false;
	/* the record is binary: read all of it */
	if (fstat(fileno(f), &sb) || sb.st_size <= 0 || !(text = malloc(sb.st_size + 1)) ||
	    fread(text, 1, sb.st_size, f) != (size_t)sb.st_size)
		goto out;
	len = sb.st_size;
	text[len] = '\0';
	if (len < strlen(CHK_MAGIC) || memcmp(text, CHK_MAGIC, strlen(CHK_MAGIC)))
		goto out;
	for (p = text + strlen(CHK_MAGIC); p < text + len && strncmp(p, "--\n", 3); p = end + 1) {
		end = memchr(p, '\n', text + len - p);
		tab = end ? memchr(p, '\t', end - p) : NULL;
		if (!tab || sscanf(p, "%lld %lld.%ld", &size, &mtime, &nsec) != 3)
			goto out;
		*end = '\0';
		if (stat(tab + 1, &sb) || sb.st_size != size || sb.st_mtim.tv_sec != mtime ||
		    sb.st_mtim.tv_nsec != nsec)
			goto out;
	}
	if (p + 3 > text + len)
		goto out;
	b = (struct bg_rbuf){ p + 3, text + len - p - 3, 4, false };
	ok = bg_result__replay(&b, all, c->pool, r, &noted);
out:
	free(text);
	fclose(f);
	return ok;
}

/* Store the result of a check of M that gave DIAGS at PATH. */
static int result_store(const struct check_ctx *c, const char *path, const struct bg_model *m,
			const struct bg_diags *diags)
{
	struct job_result r = {};
	struct bg_wbuf b = {};
	struct stat sb;
	char *tmp = NULL;
	FILE *f = NULL;
	int err = -ENOMEM;
	size_t i;

	if (asprintf(&tmp, "%s.tmp.%d", path, (int)getpid()) < 0) {
		tmp = NULL;
		goto out;
	}
	bg_result__encode(&b, 0, &r, -1, -1, NULL, diags);
	if (b.oom)
		goto out;
	err = -errno;
	f = fopen(tmp, "we");
	if (!f)
		goto out;
	fputs(CHK_MAGIC, f);
	for (i = 0; i < m->ndeps; i++) {
		if (stat(m->deps[i], &sb) || strchr(m->deps[i], '\n')) {
			err = -ENOENT;	/* a file we cannot watch: no entry */
			goto out;
		}
		fprintf(f, "%lld %lld.%ld\t%s\n", (long long)sb.st_size, (long long)sb.st_mtim.tv_sec,
			sb.st_mtim.tv_nsec, m->deps[i]);
	}
	fputs("--\n", f);
	fwrite(b.p, 1, b.n, f);
	err = fclose(f) ? -errno : 0;
	f = NULL;
	if (!err)
		err = bg_cache_publish(c->cache_dir, tmp, path);
out:
	if (f)
		fclose(f);
	if (tmp)
		unlink(tmp);
	free(tmp);
	free(b.p);
	return err;
}

/*
 * What the stored results of this run depend on besides each file: bpfgen,
 * the options (not -j, --stats or --format, which change no finding), the
 * running kernel and its BTF, and the --btf and --kernel-table files.
 */
static uint64_t run_key(int argc, char **argv, const char *btf_path, const char *ktable_path)
{
	const char *const kfiles[] = { "/sys/kernel/btf/vmlinux", btf_path, ktable_path };
	uint64_t h = BG_HASH_INIT;
	struct utsname u;
	struct stat sb;
	size_t k;
	int i;

	h = bg_hash_str(h, "check-result");
	h = bg_hash_str(h, BPFGEN_VERSION);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--"))
			break;	/* the clang arguments are the file's, in its key */
		if (!strcmp(a, "--stats") || !strncmp(a, "--format=", 9) ||
		    (!strncmp(a, "-j", 2) && a[2]) || !strncmp(a, "--jobs=", 7))
			continue;
		if (!strcmp(a, "--format") || !strcmp(a, "-j") || !strcmp(a, "--jobs")) {
			i++;
			continue;
		}
		h = bg_hash_str(h, a);
	}
	if (!uname(&u)) {
		h = bg_hash_str(h, u.release);
		h = bg_hash_str(h, u.version);
	}
	/* without the kernel's BTF a run says so once, which a replay would not */
	if (access(btf_path ? btf_path : kfiles[0], R_OK))
		return 0;
	for (k = 0; k < sizeof(kfiles) / sizeof(kfiles[0]); k++)
		if (kfiles[k] && !stat(kfiles[k], &sb)) {
			h = bg_hash_mem(h, &sb.st_size, sizeof(sb.st_size));
			h = bg_hash_mem(h, &sb.st_mtim, sizeof(sb.st_mtim));
		}
	return h ? h : 1;
}

/*
 * Check job J (a file named on the command line, or an entry of the build's
 * compile_commands.json): its diagnostics are added to DIAGS and its model,
 * which they point into, is left in *MODEL for the caller to free after
 * printing them. Errors of bpfgen itself go to stderr. The rules see only the
 * file's own diagnostics, so that a file is checked alike alone, among others,
 * or in a worker of -j.
 */
void bg_check_one(const struct check_ctx *c, size_t j, struct bg_diags *all,
		  struct bg_model **model, struct job_result *r)
{
	struct bg_diags own = {}, *diags = &own;
	const struct bg_compdb_entry *e = j < c->nfiles ? NULL : &c->db->v[j - c->nfiles];
	const char *file = bg_check_job_file(c, j);
	const char **fargs = (const char **)c->clang_args;
	int nfargs = c->nclang, k, err;
	uint64_t t0 = now_us(), key = 0;
	struct bg_model *m = NULL;
	char *res = NULL;
	size_t nerr, nfirst;

	if (c->stats)
		rss_reset();
	if (e) {
		/* its relative paths start where its command ran */
		if (chdir(e->dir)) {
			fprintf(stderr, "bpfgen: error: cannot enter '%s': %s\n", e->dir,
				strerror(errno));
			r->failed = true;
			goto out;
		}
		fargs = calloc(e->nargs + c->nclang + 1, sizeof(*fargs));
		if (!fargs) {
			r->failed = true;
			goto back;
		}
		for (k = 0; k < e->nargs; k++)
			fargs[k] = e->args[k];
		for (k = 0; k < c->nclang; k++)
			fargs[e->nargs + k] = c->clang_args[k];
		nfargs = e->nargs + c->nclang;
	}
	if (file_usable(file)) {
		r->failed = true;
		goto back;
	}
	if (c->result_key && c->cache_dir && c->pool &&
	    (key = result_key(c, file, fargs, nfargs, e ? e->target_kernel : NULL)) &&
	    asprintf(&res, "%s/%016llx.chk", c->cache_dir, (unsigned long long)key) < 0)
		res = NULL;
	if (res && result_replay(c, res, diags, r))
		goto back;
	nerr = bg_diags__count(diags, BG_SEV_ERROR);
	nfirst = diags->n;
	err = bg_parse(file, fargs, nfargs, c->cache_dir, &m, diags);
	if (err == -EINVAL && !is_c_name(file)) {
		/* clang takes other names for linker input: nothing to compile */
		fprintf(stderr, "bpfgen: error: cannot check '%s': not a .c or .h file for clang "
			"(pass '-- -x c' to read it as C)\n", file);
		r->failed = true;
		goto back;
	} else if (err == -EINVAL) {
		fprintf(stderr, "bpfgen: error: cannot parse '%s': clang refuses its arguments "
			"(after '--', or in its compile command)\n", file);
		r->failed = true;
		goto back;
	} else if (err) {
		fprintf(stderr, "bpfgen: error: cannot parse '%s': libclang failed (%s)\n", file,
			strerror(-err));
		r->failed = true;
		goto back;
	}
	if (c->dump)
		bg_model__dump(m, stdout);
	/* the build's `bpfgen cc --target-kernel V` comes before the file's comment */
	if (e && e->target_kernel) {
		if (bg_target_kernel__validate(e->target_kernel)) {
			fprintf(stderr, "bpfgen: error: '%s': its compile command's --target-kernel "
				"'%s' is not a list of kernel versions\n", file, e->target_kernel);
			r->failed = true;
			*model = m;
			goto back;
		}
		m->target_kernel = bg_model__strdup(m, e->target_kernel);
	}
	bg_check_rules(m, c->opts, diags, nerr, nfirst, NULL, 0);
	*model = m;
	if (res && m->ndeps)
		result_store(c, res, m, diags);	/* none is slower, not wrong */
back:
	if (e) {
		if (fargs != (const char **)c->clang_args)
			free(fargs);
		if (chdir(c->cwd)) {
			fprintf(stderr, "bpfgen: error: cannot return to '%s': %s\n", c->cwd,
				strerror(errno));
			r->failed = true;
			r->stop = true;
		}
	}
out:
	free(res);
	if (diags_move(all, &own)) {
		fprintf(stderr, "bpfgen: error: '%s': out of memory\n", file);
		r->failed = true;
	}
	r->wall_us = now_us() - t0;
	r->rss_kb = c->stats ? rss_peak_kb() : 0;
}

void bg_check_stats_add(struct stats *s, const char *file, const struct job_result *r)
{
	fprintf(stderr, "bpfgen: stats: %s: wall %.1f ms, peak rss %.1f MiB\n", file,
		r->wall_us / 1000.0, r->rss_kb / 1024.0);
	s->wall_us[s->n] = r->wall_us;
	s->rss_kb[s->n] = r->rss_kb;
	s->n++;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static double median(uint64_t *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_u64);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

static void stats_summary(struct stats *s, int workers, uint64_t wall_us)
{
	double wmed, rmed;

	if (!s->n)
		return;
	wmed = median(s->wall_us, s->n);
	rmed = median(s->rss_kb, s->n);
	fprintf(stderr,
		"bpfgen: stats: %zu files, %d %s, wall %.1f ms; per file: wall median %.1f ms, "
		"max %.1f ms; peak rss median %.1f MiB, max %.1f MiB\n",
		s->n, workers, workers == 1 ? "process" : "worker processes", wall_us / 1000.0,
		wmed / 1000.0, s->wall_us[s->n - 1] / 1000.0, rmed / 1024.0,
		s->rss_kb[s->n - 1] / 1024.0);
}

static int parse_jobs(const char *v)
{
	char *end;
	long n;

	if (!*v || *v < '0' || *v > '9')
		return -1;
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || *end || n > 1024)
		return -1;
	if (!n)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
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
	int nfiles = 0, nclang = 0, i, err = 0, status = 0, jobs = 1;
	bool failed = false, dump = false, want_stats = false;
	const char *cache_dir = NULL;
	char *user_cache = NULL;
	bool no_cache = false;
	const char *build_dir = NULL;
	struct bg_compdb *db = NULL;
	struct stats stats = {};
	struct pool pool = {};
	struct check_ctx ctx;
	uint64_t t0 = now_us();
	char cwd[4096];
	size_t njobs = 0, j;

	memset(opts.enabled, -1, sizeof(opts.enabled));
	opts.werror = false;
	opts.kbtf = NULL;
	opts.ktable = NULL;
	cwd[0] = '\0';
	files = calloc(argc + 1, sizeof(*files));
	if (!files)
		return 2;
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
		} else if (!strcmp(a, "--target-kernel") || !strncmp(a, "--target-kernel=", 16)) {
			const char *v = a[15] == '=' ? a + 16 : (i + 1 < argc ? argv[++i] : "");

			if (bg_target_kernel__validate(v)) {
				fprintf(stderr, "bpfgen: error: '--target-kernel' needs kernel versions "
					"such as 5.15 or 5.15,6.1, not '%s'\n", v);
				status = 2;
				goto out;
			}
			opts.target_kernel = v;
		} else if (!strcmp(a, "-p")) {
			build_dir = i + 1 < argc ? argv[++i] : NULL;
			if (!build_dir) {
				fprintf(stderr, "bpfgen: error: -p needs a build directory\n");
				status = 2;
				goto out;
			}
		} else if (!strncmp(a, "-j", 2) || !strcmp(a, "--jobs") || !strncmp(a, "--jobs=", 7)) {
			const char *v = a[1] == 'j' ? (a[2] ? a + 2 : NULL) : (a[6] == '=' ? a + 7 : NULL);

			if (!v)
				v = i + 1 < argc ? argv[++i] : "";
			jobs = parse_jobs(v);
			if (jobs < 0) {
				fprintf(stderr, "bpfgen: error: -j needs a number of jobs from 0 (one "
					"per CPU) to 1024, not '%s'\n", v);
				status = 2;
				goto out;
			}
		} else if (!strcmp(a, "--stats")) {
			want_stats = true;
		} else if (!strcmp(a, "--cache") || !strncmp(a, "--cache=", 8)) {
			cache_dir = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
			if (!cache_dir || !*cache_dir) {
				fprintf(stderr, "bpfgen: error: --cache needs a directory\n");
				status = 2;
				goto out;
			}
		} else if (!strcmp(a, "--no-cache")) {
			no_cache = true;
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
		struct stat sb;

		if (!stat(ktable_path, &sb) && S_ISDIR(sb.st_mode)) {
			fprintf(stderr, "bpfgen: error: kernel table '%s': %s\n", ktable_path,
				strerror(EISDIR));
			status = 2;
			goto out;
		}
		if (bg_kernel_table__load(ktable_path, &ktable, why, sizeof(why))) {
			fprintf(stderr, "bpfgen: error: kernel table '%s': %s\n", ktable_path, why);
			status = 2;
			goto out;
		}
		opts.ktable = ktable;
	}
	/* no cache is slower, not wrong */
	if (no_cache)
		cache_dir = NULL;
	else if (cache_dir && mkdir(cache_dir, 0755) && errno != EEXIST)
		cache_dir = NULL;
	else if (!cache_dir)
		cache_dir = user_cache = bg_cache_dir();
	if (build_dir) {
		err = bg_compdb__load(build_dir, &db);
		if (err) {
			fprintf(stderr, "bpfgen: error: cannot read '%s/compile_commands.json': %s\n",
				build_dir, err == -EINVAL ? "not a JSON compilation database" :
				strerror(-err));
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
	/* diagnostics point into their models: keep them until printed */
	models = calloc(njobs + 1, sizeof(*models));
	stats.wall_us = calloc(njobs + 1, sizeof(*stats.wall_us));
	stats.rss_kb = calloc(njobs + 1, sizeof(*stats.rss_kb));
	if (!models || !stats.wall_us || !stats.rss_kb) {
		status = 2;
		goto out;
	}
	ctx = (struct check_ctx){ files, nfiles, db, clang_args, nclang, cache_dir, &opts, cwd,
				  dump, want_stats, dump ? 0 : run_key(argc, argv, btf_path, ktable_path),
				  &pool };
	if (jobs > 1 && njobs > 1) {
		/* libclang mapped once in the parent, not once in each worker */
		if (bg_parse__load()) {
			status = 2;
			goto out;
		}
		failed = !bg_check_parallel(&ctx, njobs, jobs < (int)njobs ? jobs : (int)njobs, &diags,
					 &pool, want_stats ? &stats : NULL);
	} else {
		for (j = 0; j < njobs; j++) {
			struct job_result r = {};

			bg_check_one(&ctx, j, &diags, &models[j], &r);
			if (want_stats)
				bg_check_stats_add(&stats, bg_check_job_file(&ctx, j), &r);
			failed |= r.failed;
			if (r.stop)
				break;
		}
	}
	if (want_stats)
		stats_summary(&stats, jobs > 1 && njobs > 1 ? (jobs < (int)njobs ? jobs : (int)njobs) : 1,
			      now_us() - t0);

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
	for (j = 0; models && j < njobs; j++)
		bg_model__free(models[j]);
	for (j = 0; j < pool.n; j++)
		free(pool.v[j]);
	free(pool.v);
	bg_compdb__free(db);
	free(stats.wall_us);
	free(stats.rss_kb);
	free(models);
	free(files);
	free(user_cache);
	return status;
}
