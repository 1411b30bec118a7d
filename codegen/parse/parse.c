// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bg_parse(): bpfgen's own flags, the parse over the cached preamble, and
 * the walk of the unit into the model.
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

#if defined(__x86_64__) || defined(__i386__)
#define TARGET_ARCH "-D__TARGET_ARCH_x86"
#elif defined(__aarch64__)
#define TARGET_ARCH "-D__TARGET_ARCH_arm64"
#elif defined(__s390x__)
#define TARGET_ARCH "-D__TARGET_ARCH_s390"
#elif defined(__powerpc64__)
#define TARGET_ARCH "-D__TARGET_ARCH_powerpc"
#elif defined(__riscv)
#define TARGET_ARCH "-D__TARGET_ARCH_riscv"
#else
#define TARGET_ARCH "-D__TARGET_ARCH_x86"
#endif

#ifndef BPFGEN_MULTIARCH_INCLUDE
#define BPFGEN_MULTIARCH_INCLUDE "/usr/include/x86_64-linux-gnu"
#endif

#ifndef BPFGEN_CLANG_RESOURCE_DIR
#define BPFGEN_CLANG_RESOURCE_DIR ""
#endif

static const char *const default_args[] = {
	/*
	 * clang's own headers (stddef.h): libclang's guess of its resource
	 * directory can be wrong when it is loaded through a symlink. Must stay
	 * first: dropped when the directory is not there.
	 */
	"-isystem", BPFGEN_CLANG_RESOURCE_DIR "/include",
	"-target", "bpf", TARGET_ARCH, "-D__BPF__", "-O2",
	"-idirafter", "/usr/local/include",
	"-idirafter", BPFGEN_MULTIARCH_INCLUDE,
	"-idirafter", "/usr/include",
};

#define NDEFAULT_ARGS (int)(sizeof(default_args) / sizeof(default_args[0]))

/*
 * What the headers say about the loader: libbpf's version (section names
 * libbpf 1.0 stopped matching) and whether libxdp, which sets program types
 * itself, is in use.
 */
static void note_inclusion(CXFile inc, CXSourceLocation *stack, unsigned depth, CXClientData data)
{
	struct bg_model *m = data;
	const char *path;
	CXString name;
	char line[256];
	FILE *f;
	int v;

	(void)stack;
	(void)depth;
	name = clang_getFileName(inc);
	path = clang_getCString(name);
	if (path && !(m->ndeps & (m->ndeps - 1))) {
		/* doubled at each power of two */
		char **v = realloc(m->deps, (m->ndeps ? 2 * m->ndeps : 1) * sizeof(*v));

		if (v)
			m->deps = v;
		else
			path = NULL;
	}
	if (path && (m->deps[m->ndeps] = bg_model__strdup(m, path)))
		m->ndeps++;
	if (path && (strstr(path, "/xdp/xdp_helpers.h") || strstr(path, "/xdp/prog_dispatcher.h")))
		m->uses_libxdp = true;
	if (path && strstr(path, "bpf/libbpf_version.h") && (f = fopen(path, "r"))) {
		while (fgets(line, sizeof(line), f))
			if (sscanf(line, " #define LIBBPF_MAJOR_VERSION %d", &v) == 1)
				m->libbpf_major = v;
		fclose(f);
	}
	clang_disposeString(name);
}

int bg_parse(const char *file, const char *const *args, int nargs, const char *cache_dir,
	     struct bg_model **model, struct bg_diags *diags)
{
	return bg_parse_unsaved(file, NULL, 0, args, nargs, cache_dir, model, diags);
}

int bg_parse_unsaved(const char *file, const char *text, size_t text_len,
		     const char *const *args, int nargs, const char *cache_dir,
		     struct bg_model **model, struct bg_diags *diags)
{
	struct CXUnsavedFile unsaved = { file, text, text_len };
	unsigned nunsaved = text ? 1 : 0;
	struct parse_state st = {};
	const char **argv = NULL;
	enum CXErrorCode cerr;
	CXIndex index = NULL;
	char *pch = NULL, *decls_path = NULL;
	struct pch_decls decls = {};
	CXCursor *cursors = NULL;
	bool own_only = false;
	int err = 0, i, skip, argc = 0;
	size_t n;

	*model = NULL;
	argv = calloc(NDEFAULT_ARGS + nargs + 2, sizeof(*argv));
	st.m = bg_model__new(file);
	if (!argv || !st.m) {
		err = -ENOMEM;
		goto out;
	}
	/* libclang finds its resource directory itself when ours is gone */
	skip = access(BPFGEN_CLANG_RESOURCE_DIR "/include", F_OK) ? 2 : 0;
	for (i = skip; i < NDEFAULT_ARGS; i++)
		argv[argc++] = default_args[i];
	for (i = 0; i < nargs; i++)
		argv[argc++] = args[i];

	if (cache_dir)
		pch = cached_pch(cache_dir, file, text, text_len, argv, argc, &decls_path);
	/*
	 * With the list of the PCH's declarations that visit_top() acts on, the
	 * unit's children need only be its own (excludeDeclarationsFromPCH): the
	 * PCH's are found by place, and the rest of it is never deserialized.
	 */
	if (pch && decls_path && !pch_decls__read(decls_path, pch, &decls))
		own_only = true;
again:
	index = clang_createIndex(own_only, 0);
	if (pch) {
		argv[argc] = "-include-pch";
		argv[argc + 1] = pch;
		cerr = clang_parseTranslationUnit2(index, file, argv, argc + 2, &unsaved, nunsaved,
						   CXTranslationUnit_KeepGoing, &st.tu);
		if (cerr != CXError_Success || !st.tu || has_errors(st.tu)) {
			/* the file's own errors, or a stale or unfit header: parse it all */
			if (st.tu)
				clang_disposeTranslationUnit(st.tu);
			st.tu = NULL;
			if (own_only) {
				clang_disposeIndex(index);
				own_only = false;
				index = clang_createIndex(0, 0);
			}
		} else if (own_only && (!(cursors = calloc(decls.n + 1, sizeof(*cursors))) ||
					pch_decls__find(&st, &decls, cursors))) {
			/* not where the list says: visit the whole unit */
			clang_disposeTranslationUnit(st.tu);
			st.tu = NULL;
			clang_disposeIndex(index);
			free(cursors);
			cursors = NULL;
			own_only = false;
			goto again;
		} else {
			free(pch);
			pch = NULL;
		}
	}
	if (!st.tu) {
		cerr = index ? clang_parseTranslationUnit2(index, file, argv, argc, &unsaved,
							   nunsaved, CXTranslationUnit_KeepGoing,
							   &st.tu) :
			       CXError_Failure;
		if (cerr != CXError_Success || !st.tu) {
			err = cerr == CXError_ASTReadError ? -EINVAL : -EIO;
			goto out;
		}
		/* clean without it: the cached header was the trouble */
		if (pch && !has_errors(st.tu))
			bg_cache_drop(pch);
	}
	st.main_file = clang_getFile(st.tu, file);
	st.m->libbpf_major = -1;
	clang_getInclusions(st.tu, note_inclusion, st.m);
	for (n = 0; cursors && n < decls.n && !st.err; n++)
		visit_top(cursors[n], clang_getNullCursor(), &st);
	if (!st.err)
		clang_visitChildren(clang_getTranslationUnitCursor(st.tu), visit_top, &st);
	/* after the visit: whether a line uses the typed layer needs the functions */
	if (!st.err)
		add_clang_diags(&st, diags);
	err = st.err;
out:
	if (st.tu)
		clang_disposeTranslationUnit(st.tu);
	if (index)
		clang_disposeIndex(index);
	free(argv);
	free(pch);
	free(decls_path);
	free(cursors);
	pch_decls__free(&decls);
	if (err)
		bg_model__free(st.m);
	else
		*model = st.m;
	return err;
}
