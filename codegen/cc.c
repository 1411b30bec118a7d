// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bpfgen cc: a compiler launcher (the ccache convention) that checks a BPF
 * file and compiles it on one cached preamble, so that the checked build is
 * faster than the unchecked one. The compile uses a PCH that the same
 * compiler binary built from the file's leading includes; the object is the
 * one the plain command writes. What it cannot accelerate it runs unchanged.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bpfgen.h"
#include "cache.h"
#include "parse.h"

extern char **environ;

/* What the compile command is, as far as acceleration goes. */
struct ccmd {
	char **argv;		/* the compiler and its arguments, as given */
	int argc;
	const char *src;
	const char *out;
	const char *depfile;	/* -MF, with -MD or -MMD */
	bool deps;		/* -MD or -MMD */
	bool bpf, compile;
	bool plain;		/* something it does not understand: run it unchanged */
};

/* Flags that take their value as the next argument, and that the check keeps. */
static const char *const keep_with_value[] = { "-I", "-D", "-U", "-include", "-imacros",
					       "-isystem", "-idirafter", "-iquote" };
/* The same, that only the compile needs. */
static const char *const drop_with_value[] = { "-MF", "-MT", "-MQ" };

static bool in(const char *a, const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(a, v[i]))
			return true;
	return false;
}

#define IN(a, v) in(a, v, sizeof(v) / sizeof(v[0]))

/* Flags known not to change how a file is read beyond what the key holds. */
static bool known_flag(const char *a)
{
	static const char *const prefixes[] = { "-O", "-g", "-D", "-U", "-I", "-W", "-w", "-f",
						"-m", "-std=", "--target=", "-isystem", "-idirafter",
						"-iquote", "-nostdinc", "-pipe" };
	size_t i;

	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(a, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

static void parse_cmd(struct ccmd *c)
{
	int i;

	for (i = 1; i < c->argc; i++) {
		const char *a = c->argv[i], *next = i + 1 < c->argc ? c->argv[i + 1] : NULL;

		if (a[0] != '-') {
			size_t len = strlen(a);

			if (c->src || len < 3 || strcmp(a + len - 2, ".c"))
				c->plain = true;
			c->src = a;
		} else if (!strcmp(a, "-c")) {
			c->compile = true;
		} else if (!strcmp(a, "-o") || !strncmp(a, "-o", 2)) {
			c->out = a[2] ? a + 2 : next;
			i += !a[2];
		} else if (!strcmp(a, "-target")) {
			c->bpf = next && !strncmp(next, "bpf", 3);
			i++;
		} else if (!strncmp(a, "--target=", 9)) {
			c->bpf = !strncmp(a + 9, "bpf", 3);
		} else if (!strcmp(a, "-MD") || !strcmp(a, "-MMD")) {
			c->deps = true;
		} else if (!strcmp(a, "-MP")) {
			;
		} else if (IN(a, drop_with_value)) {
			if (!strcmp(a, "-MF"))
				c->depfile = next;
			i++;
		} else if (IN(a, keep_with_value)) {
			i++;
		} else if (!strncmp(a, "-M", 2) || !strcmp(a, "-E") || !strcmp(a, "-S") ||
			   !strcmp(a, "-emit-llvm") || !strcmp(a, "-fsyntax-only") ||
			   !strncmp(a, "-include-pch", 12) || !known_flag(a)) {
			c->plain = true;
		}
		if (i >= c->argc)
			c->plain = true;	/* a flag without its value */
	}
	if (!c->src || !c->out || !c->compile || !c->bpf || (c->deps && !c->depfile))
		c->plain = true;
}

/* Run ARGV; its stderr goes to ERR_FD when that is not -1. Returns its exit status. */
static int run(char **argv, int err_fd)
{
	posix_spawn_file_actions_t fa;
	int status, err;
	pid_t pid;

	posix_spawn_file_actions_init(&fa);
	if (err_fd >= 0)
		posix_spawn_file_actions_adddup2(&fa, err_fd, STDERR_FILENO);
	err = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (err) {
		fprintf(stderr, "bpfgen: error: cannot run '%s': %s\n", argv[0], strerror(err));
		return 127;
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 127;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* FD's bytes from OFF on, to TO. */
static void copy_from(int fd, off_t off, FILE *to)
{
	char buf[8192];
	ssize_t n;

	fflush(to);
	while ((n = pread(fd, buf, sizeof(buf), off)) > 0) {
		if (write(fileno(to), buf, n) != n)
			break;
		off += n;
	}
}

static void copy_fd(int fd, FILE *to)
{
	copy_from(fd, 0, to);
}

/* The compiler's identity: a new build of it at the same path is another compiler. */
static uint64_t hash_compiler(uint64_t h, const char *name)
{
	char *path = NULL, *dirs, *d, *save = NULL, *real;
	struct stat sb;

	if (strchr(name, '/')) {
		path = strdup(name);
	} else if ((dirs = strdup(getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin"))) {
		for (d = strtok_r(dirs, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
			if (asprintf(&path, "%s/%s", d, name) < 0) {
				path = NULL;
				break;
			}
			if (!access(path, X_OK))
				break;
			free(path);
			path = NULL;
		}
		free(dirs);
	}
	real = path ? realpath(path, NULL) : NULL;
	if (real && !stat(real, &sb)) {
		h = bg_hash_str(h, real);
		h = bg_hash_mem(h, &sb.st_size, sizeof(sb.st_size));
		h = bg_hash_mem(h, &sb.st_mtim, sizeof(sb.st_mtim));
		h = bg_hash_mem(h, &sb.st_ino, sizeof(sb.st_ino));
	} else {
		h = bg_hash_str(h, name);
	}
	free(real);
	free(path);
	return h;
}

static char *dir_of(const char *file)
{
	const char *slash = strrchr(file, '/');

	return slash ? strndup(file, slash - file) : strdup(".");
}

/*
 * The compile's PCH of SRC's preamble, built by the compiler of C with the
 * flags of C, and kept in DIR; NULL when there is no preamble or it fails.
 */
static char *compiler_pch(const struct ccmd *c, const char *dir)
{
	char cwd[4096], *prefix, *srcdir = NULL, *pch = NULL, *hdr = NULL, *tmp = NULL;
	char **argv = NULL;
	uint64_t h = BG_HASH_INIT;
	bool quoted;
	int i, n = 0, fd = -1;
	FILE *f;

	prefix = bg_shared_prefix(c->src, &quoted);
	if (!prefix || !getcwd(cwd, sizeof(cwd)))
		goto out;
	srcdir = dir_of(c->src);
	h = bg_hash_str(h, "compiler-pch");
	h = bg_hash_str(h, BPFGEN_VERSION);
	h = hash_compiler(h, c->argv[0]);
	h = bg_hash_str(h, prefix);
	/* the PCH records the paths it found: relative ones start here */
	h = bg_hash_str(h, cwd);
	h = bg_hash_str(h, quoted && srcdir ? srcdir : "");
	for (i = 1; i < c->argc; i++) {
		const char *a = c->argv[i];

		if (a == c->src || !strcmp(a, "-c") || !strcmp(a, "-MD") || !strcmp(a, "-MMD") ||
		    !strcmp(a, "-MP"))
			continue;
		if (!strcmp(a, "-o") || IN(a, drop_with_value)) {
			i++;
			continue;
		}
		if (!strncmp(a, "-o", 2))
			continue;
		h = bg_hash_str(h, a);
	}
	if (asprintf(&pch, "%s/%016llx.cpch", dir, (unsigned long long)h) < 0 ||
	    asprintf(&hdr, "%s/%016llx.cpch.h", dir, (unsigned long long)h) < 0 ||
	    asprintf(&tmp, "%s/%016llx.cpch.tmp.%d", dir, (unsigned long long)h, (int)getpid()) < 0) {
		free(pch);
		pch = NULL;
		goto out;
	}
	if (bg_cache_sound(pch) && !access(hdr, R_OK))
		goto out;
	if (access(hdr, R_OK)) {
		char *htmp;

		if (asprintf(&htmp, "%s.tmp.%d", hdr, (int)getpid()) < 0)
			goto fail;
		f = fopen(htmp, "w");
		if (!f || fputs(prefix, f) < 0 || fclose(f) || rename(htmp, hdr)) {
			if (f)
				fclose(f);
			unlink(htmp);
			free(htmp);
			goto fail;
		}
		free(htmp);
	}
	argv = calloc(c->argc + 8, sizeof(*argv));
	if (!argv)
		goto fail;
	argv[n++] = c->argv[0];
	for (i = 1; i < c->argc; i++) {
		char *a = c->argv[i];

		if (a == c->src || !strcmp(a, "-c") || !strcmp(a, "-MD") || !strcmp(a, "-MMD") ||
		    !strcmp(a, "-MP"))
			continue;
		if (!strcmp(a, "-o") || IN(a, drop_with_value)) {
			i++;
			continue;
		}
		if (!strncmp(a, "-o", 2))
			continue;
		argv[n++] = a;
	}
	if (quoted) {
		/* "vmlinux.h" is looked up next to the file first */
		argv[n++] = "-iquote";
		argv[n++] = srcdir;
	}
	argv[n++] = "-x";
	argv[n++] = "c-header";
	argv[n++] = hdr;
	argv[n++] = "-o";
	argv[n++] = tmp;
	/* the preamble's warnings are the file's too: the compile without the PCH says them */
	fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (run(argv, fd) || bg_cache_publish(dir, tmp, pch))
		goto fail;
	goto out;
fail:
	unlink(tmp);
	free(pch);
	pch = NULL;
out:
	if (fd >= 0)
		close(fd);
	free(argv);
	free(prefix);
	free(srcdir);
	free(hdr);
	free(tmp);
	return pch;
}

/*
 * Rewrite the depfile PATH without the entries inside the cache DIR: the PCH's
 * own header. The headers the PCH holds stay listed: they are inputs.
 */
static void fix_depfile(const char *path, const char *dir)
{
	char *text = NULL, *tmp = NULL, *tok, *p;
	size_t len = 0, dlen = strlen(dir);
	FILE *in = fopen(path, "r"), *out = NULL;

	if (!in)
		return;
	if (getdelim(&text, &len, '\0', in) < 0 || asprintf(&tmp, "%s.tmp.%d", path, (int)getpid()) < 0) {
		tmp = NULL;
		goto out;
	}
	out = fopen(tmp, "w");
	if (!out)
		goto out;
	for (p = text; *p;) {
		size_t n;

		if (*p == ' ' || *p == '\t' || *p == '\n' || (*p == '\\' && p[1] == '\n')) {
			fputc(*p, out);
			p++;
			continue;
		}
		tok = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n' && !(*p == '\\' && p[1] == '\n'))
			p += *p == '\\' && p[1] ? 2 : 1;
		n = p - tok;
		if (n > dlen && !strncmp(tok, dir, dlen) && tok[dlen] == '/') {
			/* a -MP target of its own: drop the whole "hdr:" line */
			if (tok[n - 1] == ':')
				while (*p && *p != '\n')
					p++;
			continue;
		}
		fwrite(tok, 1, n, out);
	}
	if (!fclose(out) && !rename(tmp, path)) {
		out = NULL;
		free(tmp);
		tmp = NULL;
	}
	out = NULL;
out:
	if (out)
		fclose(out);
	if (tmp)
		unlink(tmp);
	free(tmp);
	free(text);
	fclose(in);
}

/* The compile with the PCH, or plain when that fails; the plain command's status. */
static int compile(const struct ccmd *c, const char *cache, const char *extra_dep)
{
	char **argv;
	char *pch = cache ? compiler_pch(c, cache) : NULL;
	int i, n = 0, status, fd;

	argv = calloc(c->argc + 6, sizeof(*argv));
	if (!argv) {
		free(pch);
		return run(c->argv, -1);
	}
	for (i = 0; i < c->argc; i++)
		argv[n++] = c->argv[i];
	if (extra_dep) {
		argv[n++] = "-MD";
		argv[n++] = "-MF";
		argv[n++] = (char *)extra_dep;
	}
	if (pch) {
		argv[n++] = "-include-pch";
		argv[n++] = pch;
		fd = memfd_create("bpfgen-cc", MFD_CLOEXEC);
		status = fd < 0 ? 1 : run(argv, fd);
		if (!status) {
			copy_fd(fd, stderr);
			close(fd);
			free(pch);
			free(argv);
			if (c->depfile || extra_dep)
				fix_depfile(c->depfile ? c->depfile : extra_dep, cache);
			return 0;
		}
		/* the compiler refused its PCH (or the file is wrong): what it says without one */
		if (fd >= 0)
			close(fd);
		bg_cache_drop(pch);
		n -= 2;
		argv[n] = NULL;
	}
	status = run(argv, -1);
	free(pch);
	free(argv);
	return status;
}

/*
 * A stored check result: the key names the file's bytes, the flags, bpfgen's
 * version and the kernel's identity; the entry lists the headers the compile
 * read (with their size and time) and what the check printed.
 */
static uint64_t result_key(const struct ccmd *c, char **copts, int ncopts, char **cargs, int ncargs)
{
	static const char *const kfiles[] = { "/sys/kernel/btf/vmlinux" };
	char buf[65536], cwd[4096];
	uint64_t h = BG_HASH_INIT;
	struct utsname u;
	struct stat sb;
	size_t n;
	FILE *f;
	int i;

	h = bg_hash_str(h, "check-result");
	h = bg_hash_str(h, BPFGEN_VERSION);
	h = bg_hash_str(h, getcwd(cwd, sizeof(cwd)) ? cwd : "");
	h = bg_hash_str(h, c->src);
	for (i = 0; i < ncopts; i++)
		h = bg_hash_str(h, copts[i]);
	for (i = 0; i < ncargs; i++)
		h = bg_hash_str(h, cargs[i]);
	if (!uname(&u)) {
		h = bg_hash_str(h, u.release);
		h = bg_hash_str(h, u.version);
	}
	/* the kernel BTF and tables the check reads: --btf and --kernel-table name others */
	for (i = 0; i < (int)(sizeof(kfiles) / sizeof(kfiles[0])); i++)
		if (!stat(kfiles[i], &sb))
			h = bg_hash_mem(h, &sb.st_size, sizeof(sb.st_size));
	for (i = 0; i + 1 < ncopts; i++)
		if ((!strcmp(copts[i], "--btf") || !strcmp(copts[i], "--kernel-table")) &&
		    !stat(copts[i + 1], &sb)) {
			h = bg_hash_mem(h, &sb.st_size, sizeof(sb.st_size));
			h = bg_hash_mem(h, &sb.st_mtim, sizeof(sb.st_mtim));
		}
	f = fopen(c->src, "rb");
	if (!f)
		return 0;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		h = bg_hash_mem(h, buf, n);
	fclose(f);
	return h;
}

#define RES_MAGIC "bpfgen-result 1\n"

/* Replay RES: its check output to stderr; the check's status, or -1 when it does not hold. */
static int replay(const char *res)
{
	char *line = NULL, *path;
	size_t cap = 0;
	long long size, mtime;
	long nsec;
	struct stat sb;
	int status = -1, st;
	FILE *f;

	if (!bg_cache_sound(res))
		return -1;
	f = fopen(res, "re");
	if (!f)
		return -1;
	if (getline(&line, &cap, f) < 0 || strcmp(line, RES_MAGIC) ||
	    getline(&line, &cap, f) < 0 || sscanf(line, "status %d", &st) != 1)
		goto out;
	while (getline(&line, &cap, f) > 0 && strcmp(line, "--\n")) {
		line[strcspn(line, "\n")] = '\0';
		path = strchr(line, '\t');
		if (!path || sscanf(line, "%lld %lld.%ld", &size, &mtime, &nsec) != 3)
			goto out;
		if (stat(path + 1, &sb) || sb.st_size != size || sb.st_mtim.tv_sec != mtime ||
		    sb.st_mtim.tv_nsec != nsec)
			goto out;
	}
	copy_from(fileno(f), ftell(f), stderr);
	status = st;
out:
	free(line);
	fclose(f);
	return status;
}

/* Store RES: the check's STATUS, the prerequisites of DEPFILE, the output in OUT_FD. */
static int store(const char *dir, const char *res, int status, const char *depfile, int out_fd)
{
	char *text = NULL, *tmp = NULL, *p, *tok;
	size_t len = 0;
	struct stat sb;
	FILE *in = depfile ? fopen(depfile, "r") : NULL, *f = NULL;
	int err = -EINVAL;

	if (!in || getdelim(&text, &len, '\0', in) < 0)
		goto out;
	if (asprintf(&tmp, "%s.tmp.%d", res, (int)getpid()) < 0) {
		tmp = NULL;
		goto out;
	}
	f = fopen(tmp, "w");
	if (!f)
		goto out;
	fprintf(f, RES_MAGIC "status %d\n", status);
	/* every prerequisite of the depfile's first rule: the file and all it read */
	for (p = text; *p;) {
		while (*p == ' ' || *p == '\t' || (*p == '\\' && p[1] == '\n'))
			p += *p == '\\' ? 2 : 1;
		if (*p == '\n')
			break;
		tok = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n' && !(*p == '\\' && p[1] == '\n'))
			p += *p == '\\' && p[1] ? 2 : 1;
		if (p > tok && p[-1] == ':' && tok == text)
			continue;	/* the target */
		{
			char *name = strndup(tok, p - tok), *s, *d;

			if (!name)
				goto out;
			for (s = d = name; *s; s++) {
				if (*s == '\\' && s[1] == ' ')
					s++;
				*d++ = *s;
			}
			*d = '\0';
			if (!*name || name[strlen(name) - 1] == ':' || strchr(name, '\t') || stat(name, &sb)) {
				if (*name && name[strlen(name) - 1] != ':') {
					free(name);
					goto out;	/* a prerequisite it cannot watch */
				}
			} else {
				fprintf(f, "%lld %lld.%ld\t%s\n", (long long)sb.st_size,
					(long long)sb.st_mtim.tv_sec, sb.st_mtim.tv_nsec, name);
			}
			free(name);
		}
	}
	fputs("--\n", f);
	fflush(f);
	copy_fd(out_fd, f);
	if (fclose(f)) {
		f = NULL;
		goto out;
	}
	f = NULL;
	err = bg_cache_publish(dir, tmp, res);
	free(tmp);
	tmp = NULL;
out:
	if (f)
		fclose(f);
	if (tmp)
		unlink(tmp);
	free(tmp);
	free(text);
	if (in)
		fclose(in);
	return err;
}

static void cc_usage(FILE *out)
{
	fprintf(out,
		"usage: bpfgen cc [CHECK-OPTIONS --] COMPILER ARGS...\n"
		"\n"
		"A compiler launcher: CMAKE_C_COMPILER_LAUNCHER=bpfgen;cc, or CC=\"bpfgen cc clang\".\n"
		"For a BPF compile (-target bpf -c FILE.c -o OBJ) it runs bpfgen check on FILE\n"
		"with CHECK-OPTIONS and the compile's flags, then compiles it on a precompiled\n"
		"preamble that the same compiler built: the object is the plain command's. An\n"
		"error of the check fails the compile (status 1, no object). Unchanged inputs\n"
		"replay the stored check. Anything else (-E, -M, other targets, flags it does\n"
		"not know) runs unchanged. BPFGEN_CACHE=off or --no-cache: no cache.\n");
}

int bg_cmd_cc(int argc, char **argv)
{
	struct ccmd c = {};
	char **copts = NULL, **cargs = NULL, **chk = NULL, *cache = NULL, *res = NULL;
	char *depfile = NULL;
	int ncopts = 0, ncargs = 0, i, n, status, saved = -1, fd = -1, cstat;
	bool no_cache = false;
	uint64_t key;

	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		cc_usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	i = 1;
	if (argv[1][0] == '-') {
		for (; i < argc && strcmp(argv[i], "--"); i++)
			;
		if (i + 1 >= argc) {
			fprintf(stderr, "bpfgen: error: cc: CHECK-OPTIONS end with '--', then the compiler\n");
			return 2;
		}
		copts = &argv[1];
		ncopts = i - 1;
		i++;
	}
	c.argv = &argv[i];
	c.argc = argc - i;
	parse_cmd(&c);
	if (c.plain) {
		execvp(c.argv[0], c.argv);
		fprintf(stderr, "bpfgen: error: cannot run '%s': %s\n", c.argv[0], strerror(errno));
		return 127;
	}
	for (i = 0; i < ncopts; i++)
		no_cache |= !strcmp(copts[i], "--no-cache");
	if (!no_cache)
		cache = bg_cache_dir();

	/* the check: its options, the file, and the flags that change how it reads */
	chk = calloc(ncopts + c.argc + 4, sizeof(*chk));
	cargs = calloc(c.argc + 1, sizeof(*cargs));
	if (!chk || !cargs) {
		status = 2;
		goto out;
	}
	for (i = 1; i < c.argc; i++) {
		char *a = c.argv[i];

		if (a == c.src)
			continue;
		if (IN(a, keep_with_value)) {
			cargs[ncargs++] = a;
			cargs[ncargs++] = c.argv[++i];
		} else if (!strcmp(a, "-o") || !strcmp(a, "-target") || IN(a, drop_with_value)) {
			i++;
		} else if (!strncmp(a, "-D", 2) || !strncmp(a, "-U", 2) || !strncmp(a, "-I", 2) ||
			   !strncmp(a, "-std=", 5) || !strncmp(a, "-f", 2) || !strncmp(a, "-m", 2) ||
			   !strncmp(a, "-isystem", 8) || !strncmp(a, "-idirafter", 10) ||
			   !strncmp(a, "-iquote", 7) || !strcmp(a, "-nostdinc")) {
			cargs[ncargs++] = a;
		}
		/* -O, -g, -W and what only the compile does: the check does not read them */
	}
	n = 0;
	chk[n++] = "check";
	for (i = 0; i < ncopts; i++)
		chk[n++] = copts[i];
	chk[n++] = (char *)c.src;
	chk[n++] = "--";
	for (i = 0; i < ncargs; i++)
		chk[n++] = cargs[i];

	key = cache ? result_key(&c, copts, ncopts, cargs, ncargs) : 0;
	if (key && asprintf(&res, "%s/%016llx.res", cache, (unsigned long long)key) < 0)
		res = NULL;
	status = res ? replay(res) : -1;
	if (status < 0) {
		/* its diagnostics, on stderr like the compiler's */
		fd = memfd_create("bpfgen-check", MFD_CLOEXEC);
		fflush(stdout);
		saved = dup(STDOUT_FILENO);
		if (fd < 0 || saved < 0 || dup2(fd, STDOUT_FILENO) < 0) {
			status = 2;
			goto out;
		}
		status = bg_cmd_check(n, chk);
		fflush(stdout);
		dup2(saved, STDOUT_FILENO);
		copy_fd(fd, stderr);
	} else {
		free(res);
		res = NULL;	/* nothing to store */
	}
	if (status == 1) {
		unlink(c.out);
		goto out;
	}
	/* bpfgen failed (status 2): the compile still says what is wrong, or builds */
	if (res && !status && !c.depfile &&
	    asprintf(&depfile, "%s/%016llx.d.tmp.%d", cache, (unsigned long long)key, (int)getpid()) < 0)
		depfile = NULL;
	cstat = compile(&c, cache, res && !status ? depfile : NULL);
	if (!cstat && res && !status)
		store(cache, res, status, c.depfile ? c.depfile : depfile, fd);
	status = cstat;
out:
	if (depfile)
		unlink(depfile);
	if (saved >= 0)
		close(saved);
	if (fd >= 0)
		close(fd);
	free(depfile);
	free(res);
	free(cache);
	free(chk);
	free(cargs);
	return status;
}
