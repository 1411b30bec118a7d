// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * compile_commands.json: the BPF entries of a build, with the flags
 * bg_parse() can take.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <clang-c/CXCompilationDatabase.h>
#include <clang-c/Index.h>

#include "bpfgen.h"
#include "cache.h"
#include "parse.h"
#include "tables/tables.h"

#include "internal.h"

/* A compile command whose flags can be handed to bg_parse(). */
static bool keep_arg(const char *a, const char *next, int *skip)
{
	static const char *const with_value[] = { "-o", "-MF", "-MT", "-MQ", "-Xclang" };
	size_t i;

	*skip = 0;
	for (i = 0; i < sizeof(with_value) / sizeof(with_value[0]); i++) {
		if (!strcmp(a, with_value[i])) {
			*skip = next ? 1 : 0;
			return false;
		}
	}
	return strcmp(a, "-c") && strcmp(a, "-MD") && strcmp(a, "-MMD") && strcmp(a, "-MP") &&
	       strncmp(a, "-o", 2) && strncmp(a, "-g", 2) && strcmp(a, "-Werror");
}

/* Whether ARG names the source file itself (PREV is the argument before it). */
static bool is_source_arg(const char *arg, const char *file, const char *prev)
{
	static const char *const takes_value[] = { "-I", "-D", "-U", "-include", "-imacros",
						   "-isystem", "-idirafter", "-iquote", "-x",
						   "-target", "-isysroot", "--sysroot" };
	const char *base = strrchr(file, '/'), *abase = strrchr(arg, '/');
	size_t i;

	if (arg[0] == '-')
		return false;
	for (i = 0; prev && i < sizeof(takes_value) / sizeof(takes_value[0]); i++)
		if (!strcmp(prev, takes_value[i]))
			return false;
	return !strcmp(abase ? abase + 1 : arg, base ? base + 1 : file);
}

static bool is_bpf_command(CXCompileCommand cmd, const char *file)
{
	unsigned i, n = clang_CompileCommand_getNumArgs(cmd);
	size_t len = strlen(file);
	bool bpf = len > 6 && !strcmp(file + len - 6, ".bpf.c");

	for (i = 0; !bpf && i < n; i++) {
		CXString a = clang_CompileCommand_getArg(cmd, i);
		const char *s = clang_getCString(a);

		if (!strcmp(s, "--target=bpf") || !strncmp(s, "--target=bpf", 12) ||
		    (!strcmp(s, "-target") && i + 1 < n)) {
			CXString b = clang_CompileCommand_getArg(cmd, i + 1);

			bpf = strncmp(s, "--target", 8) ? !strncmp(clang_getCString(b), "bpf", 3) : true;
			clang_disposeString(b);
		}
		clang_disposeString(a);
	}
	return bpf;
}

/*
 * Where the compiler is in CMD: 0, or after a `bpfgen cc [OPTIONS --]`
 * launcher (a Makefile's CC="bpfgen cc --target-kernel 5.15 -- clang", as
 * bear records it), whose --target-kernel E takes.
 */
static unsigned compiler_arg(CXCompileCommand cmd, struct bg_compdb_entry *e)
{
	unsigned i, n = clang_CompileCommand_getNumArgs(cmd), at = 0;
	char **v = calloc(n + 1, sizeof(*v));
	const char *base;

	if (!v)
		return 0;
	for (i = 0; i < n; i++)
		v[i] = cx_take(clang_CompileCommand_getArg(cmd, i));
	base = n > 1 && v[0] ? strrchr(v[0], '/') : NULL;
	base = base ? base + 1 : v[0];
	if (n > 2 && base && !strcmp(base, "bpfgen") && v[1] && !strcmp(v[1], "cc")) {
		at = 2;
		for (i = 2; i < n && v[i] && v[i][0] == '-'; i++) {
			if (!strcmp(v[i], "--")) {
				at = i + 1;
				break;
			}
			if (!strcmp(v[i], "--target-kernel") && i + 1 < n && v[i + 1]) {
				free(e->target_kernel);
				e->target_kernel = bg_strdup(v[++i]);
			} else if (!strncmp(v[i], "--target-kernel=", 16)) {
				free(e->target_kernel);
				e->target_kernel = bg_strdup(v[i] + 16);
			}
		}
		if (at >= n)
			at = 0;
	}
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return at;
}

int bg_compdb__load(const char *build_dir, struct bg_compdb **out)
{
	CXCompilationDatabase_Error cerr;
	CXCompilationDatabase db;
	CXCompileCommands cmds;
	struct bg_compdb *c;
	unsigned i, j, n, nargs, cc;
	int skip, err = 0, saved, devnull;
	char *path;

	*out = NULL;
	if (asprintf(&path, "%s/compile_commands.json", build_dir) < 0)
		return -ENOMEM;
	err = access(path, R_OK) ? -errno : 0;
	free(path);
	if (err)
		return err;
	/* libclang says why on stderr in its own words; the caller's message is enough */
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved >= 0 && devnull >= 0)
		dup2(devnull, STDERR_FILENO);
	db = clang_CompilationDatabase_fromDirectory(build_dir, &cerr);
	if (saved >= 0 && devnull >= 0)
		dup2(saved, STDERR_FILENO);
	if (saved >= 0)
		close(saved);
	if (devnull >= 0)
		close(devnull);
	if (cerr != CXCompilationDatabase_NoError || !db)
		return -EINVAL;
	cmds = clang_CompilationDatabase_getAllCompileCommands(db);
	c = calloc(1, sizeof(*c));
	n = cmds ? clang_CompileCommands_getSize(cmds) : 0;
	if (!c || (n && !(c->v = calloc(n, sizeof(*c->v))))) {
		err = -ENOMEM;
		goto out;
	}
	for (i = 0; i < n; i++) {
		CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, i);
		struct bg_compdb_entry *e = &c->v[c->n];
		CXString file = clang_CompileCommand_getFilename(cmd);
		CXString dir = clang_CompileCommand_getDirectory(cmd);

		if (!is_bpf_command(cmd, clang_getCString(file))) {
			clang_disposeString(file);
			clang_disposeString(dir);
			continue;
		}
		e->file = bg_strdup(clang_getCString(file));
		e->dir = bg_strdup(clang_getCString(dir));
		clang_disposeString(file);
		clang_disposeString(dir);
		nargs = clang_CompileCommand_getNumArgs(cmd);
		e->args = calloc(nargs + 1, sizeof(*e->args));
		if (!e->file || !e->dir || !e->args) {
			err = -ENOMEM;
			c->n++;
			goto out;
		}
		c->n++;
		cc = compiler_arg(cmd, e);
		/* the compiler, the source and what only a compile does are not ours */
		for (j = cc + 1; j < nargs; j++) {
			CXString a = clang_CompileCommand_getArg(cmd, j);
			CXString b = j + 1 < nargs ? clang_CompileCommand_getArg(cmd, j + 1) : (CXString){};
			const char *as = clang_getCString(a);

			if (keep_arg(as, j + 1 < nargs ? clang_getCString(b) : NULL, &skip) &&
			    !is_source_arg(as, e->file, e->nargs ? e->args[e->nargs - 1] : NULL))
				e->args[e->nargs++] = bg_strdup(as);
			clang_disposeString(a);
			if (j + 1 < nargs)
				clang_disposeString(b);
			j += skip;
		}
	}
out:
	if (cmds)
		clang_CompileCommands_dispose(cmds);
	clang_CompilationDatabase_dispose(db);
	if (err) {
		bg_compdb__free(c);
		return err;
	}
	*out = c;
	return 0;
}

void bg_compdb__free(struct bg_compdb *c)
{
	size_t i;
	int j;

	if (!c)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->v[i].file);
		free(c->v[i].dir);
		for (j = 0; j < c->v[i].nargs; j++)
			free(c->v[i].args[j]);
		free(c->v[i].args);
		free(c->v[i].target_kernel);
	}
	free(c->v);
	free(c);
}
