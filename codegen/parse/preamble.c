// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The shared preamble of a file, precompiled once in the cache (a PCH and
 * the list of its declarations that the model needs).
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

bool has_errors(CXTranslationUnit tu)
{
	unsigned i, n = clang_getNumDiagnostics(tu);
	bool found = false;

	for (i = 0; i < n && !found; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);

		found = clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error;
		clang_disposeDiagnostic(d);
	}
	return found;
}

/*
 * The declarations of a cached prefix that visit_top() acts on, so that a file
 * parsed over its PCH need not visit the whole unit: that would deserialize
 * every declaration of vmlinux.h. Each is found again with clang_getCursor() at
 * its place, which reads only the declarations there. They are listed in
 * CACHE/HASH.decls, a line per declaration after a line naming the PCH they
 * were written with (inode, size, mtime):
 *	KIND DEFINITION OFFSET<TAB>NAME<TAB>FILE
 */
struct pch_decl {
	int kind;
	int is_def;
	unsigned offset;
	char *name;
	char *file;
};

void pch_decls__free(struct pch_decls *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].name);
		free(d->v[i].file);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

/* The first filters of visit_top(), and whether the rest can do anything: a definition or an attribute. */
static bool visit_top_acts(struct parse_state *st, CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor attr = clang_getNullCursor();

	if (k != CXCursor_FunctionDecl && k != CXCursor_VarDecl)
		return false;
	if (in_system_header(st, clang_getCursorLocation(c)))
		return false;
	if (k == CXCursor_FunctionDecl && clang_isCursorDefinition(c))
		return true;
	clang_visitChildren(c, find_attr, &attr);
	return !clang_Cursor_isNull(attr);
}

static enum CXChildVisitResult list_decl(CXCursor c, CXCursor parent, CXClientData data)
{
	struct parse_state *st = ((void **)data)[0];
	struct pch_decls *d = ((void **)data)[1];
	struct pch_decl *e, *v;
	CXFile file;
	unsigned offset;
	char *fname;
	size_t i;

	(void)parent;
	if (!visit_top_acts(st, c))
		return CXChildVisit_Continue;
	clang_getExpansionLocation(clang_getCursorLocation(c), &file, NULL, NULL, &offset);
	fname = file ? cx_take(clang_getFileName(file)) : NULL;
	/* two declarations at one place (from one macro) cannot be told apart */
	for (i = d->n; fname && i-- > 0;)
		if (d->v[i].offset == offset && !strcmp(d->v[i].file, fname)) {
			free(fname);
			fname = NULL;
		}
	v = fname ? realloc(d->v, (d->n + 1) * sizeof(*v)) : NULL;
	if (!v) {
		free(fname);
		d->unfit = true;
		return CXChildVisit_Break;
	}
	d->v = v;
	e = &d->v[d->n++];
	e->kind = clang_getCursorKind(c);
	e->is_def = clang_isCursorDefinition(c);
	e->offset = offset;
	e->name = cx_take(clang_getCursorSpelling(c));
	e->file = fname;
	if (!e->name || strpbrk(e->name, "\t\n") || strpbrk(e->file, "\t\n"))
		d->unfit = true;
	return d->unfit ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* Write the declarations of prefix unit TU (from HDR) to PATH, for the PCH at PCH_PATH. */
static int pch_decls__write(CXTranslationUnit tu, const char *hdr, const char *path,
			    const char *pch_path)
{
	struct parse_state st = { .tu = tu };
	struct pch_decls d = {};
	char *tmp = NULL;
	struct stat sb;
	size_t i;
	FILE *f = NULL;
	int err = -EINVAL;

	st.main_file = clang_getFile(tu, hdr);
	clang_visitChildren(clang_getTranslationUnitCursor(tu), list_decl, (void *[]){ &st, &d });
	if (d.unfit || stat(pch_path, &sb) || asprintf(&tmp, "%s.tmp.%d", path, (int)getpid()) < 0) {
		tmp = NULL;
		goto out;
	}
	f = fopen(tmp, "w");
	if (!f)
		goto out;
	fprintf(f, "bpfgen-pch-decls %llu %llu %lld.%09ld\n", (unsigned long long)sb.st_ino,
		(unsigned long long)sb.st_size, (long long)sb.st_mtim.tv_sec, sb.st_mtim.tv_nsec);
	for (i = 0; i < d.n; i++)
		fprintf(f, "%d %d %u\t%s\t%s\n", d.v[i].kind, d.v[i].is_def, d.v[i].offset,
			d.v[i].name, d.v[i].file);
	if (fclose(f) == 0 && !rename(tmp, path))
		err = 0;
	f = NULL;
out:
	if (f)
		fclose(f);
	if (err && tmp)
		unlink(tmp);
	free(tmp);
	pch_decls__free(&d);
	return err;
}

/* Read PATH, written for the PCH at PCH_PATH; -ENOENT when absent or for another PCH. */
int pch_decls__read(const char *path, const char *pch_path, struct pch_decls *d)
{
	char line[8192], want[128], *name, *file, *end;
	struct stat sb;
	FILE *f;
	int err = 0;

	memset(d, 0, sizeof(*d));
	if (stat(pch_path, &sb))
		return -ENOENT;
	f = fopen(path, "r");
	if (!f)
		return -ENOENT;
	snprintf(want, sizeof(want), "bpfgen-pch-decls %llu %llu %lld.%09ld\n",
		 (unsigned long long)sb.st_ino, (unsigned long long)sb.st_size,
		 (long long)sb.st_mtim.tv_sec, sb.st_mtim.tv_nsec);
	if (!fgets(line, sizeof(line), f) || strcmp(line, want)) {
		fclose(f);
		return -ENOENT;
	}
	while (!err && fgets(line, sizeof(line), f)) {
		struct pch_decl *v, e = {};

		end = strchr(line, '\n');
		name = strchr(line, '\t');
		file = name ? strchr(name + 1, '\t') : NULL;
		if (!end || !file || sscanf(line, "%d %d %u", &e.kind, &e.is_def, &e.offset) != 3) {
			err = -EINVAL;
			break;
		}
		*end = *file = '\0';
		e.name = strdup(name + 1);
		e.file = strdup(file + 1);
		v = realloc(d->v, (d->n + 1) * sizeof(*v));
		if (v)
			d->v = v;
		if (!v || !e.name || !e.file) {
			free(e.name);
			free(e.file);
			err = -ENOMEM;
			break;
		}
		d->v[d->n++] = e;
	}
	fclose(f);
	if (err)
		pch_decls__free(d);
	return err;
}

/*
 * The cursors of D in ST's unit, in their order, or -ENOENT when one is not
 * found as it was listed (then the whole unit must be visited).
 */
int pch_decls__find(struct parse_state *st, const struct pch_decls *d, CXCursor *out)
{
	CXFile file = NULL, expf;
	const char *last = NULL;
	unsigned offset;
	size_t i;
	int up;

	for (i = 0; i < d->n; i++) {
		const struct pch_decl *e = &d->v[i];
		CXCursor c, parent;
		char *name;
		bool same;

		if (!last || strcmp(last, e->file)) {
			file = clang_getFile(st->tu, e->file);
			last = e->file;
		}
		if (!file)
			return -ENOENT;
		c = clang_getCursor(st->tu, clang_getLocationForOffset(st->tu, file, e->offset));
		for (up = 0; up < 64 && !clang_Cursor_isNull(c); up++) {
			parent = clang_getCursorSemanticParent(c);
			if (clang_Cursor_isNull(parent) ||
			    clang_getCursorKind(parent) == CXCursor_TranslationUnit)
				break;
			c = parent;
		}
		if (clang_Cursor_isNull(c) || (int)clang_getCursorKind(c) != e->kind ||
		    (int)clang_isCursorDefinition(c) != e->is_def)
			return -ENOENT;
		clang_getExpansionLocation(clang_getCursorLocation(c), &expf, NULL, NULL, &offset);
		name = cx_take(clang_getCursorSpelling(c));
		same = name && !strcmp(name, e->name) && offset == e->offset && expf &&
		       clang_File_isEqual(expf, file);
		free(name);
		if (!same)
			return -ENOENT;
		out[i] = c;
	}
	return 0;
}

/*
 * A precompiled header of FILE's shared prefix in CACHE_DIR, built on first
 * use and reused by every file with the same prefix and flags. Clang checks
 * that the headers it holds have not changed when it is loaded. TEXT, when
 * not NULL, is FILE's content as an editor holds it (TEXT_LEN bytes). Returns its
 * path (owned by the caller) or NULL when FILE has no prefix or it fails, and
 * in *DECLS the path of its list of declarations (pch_decls__write()).
 */
char *cached_pch(const char *cache_dir, const char *file, const char *text, size_t text_len,
		 const char **argv, int argc, char **decls)
{
	char *prefix, *pch = NULL, *hdr = NULL, *tmp = NULL, *dir = NULL, *slash;
	const char **args = NULL;
	CXTranslationUnit tu = NULL;
	CXIndex index = NULL;
	unsigned long long h = BG_HASH_INIT;
	CXString ver;
	bool quoted;
	int i, n = 0;
	FILE *f;

	*decls = NULL;
	prefix = text ? bg_shared_prefix_of(text, text_len, &quoted) : bg_shared_prefix(file, &quoted);
	if (!prefix)
		return NULL;
	dir = strdup(file);
	if (!dir)
		goto out;
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		strcpy(dir, ".");
	/* what changes the parse: the preamble's bytes, the compiler and its flags */
	ver = clang_getClangVersion();
	h = bg_hash_str(h, clang_getCString(ver));
	clang_disposeString(ver);
	h = bg_hash_str(h, BPFGEN_VERSION);
	h = bg_hash_str(h, prefix);
	for (i = 0; i < argc; i++)
		h = bg_hash_str(h, argv[i]);
	if (quoted) {
		/* "vmlinux.h" is looked up next to FILE first */
		char *abs = realpath(dir, NULL);

		h = bg_hash_str(h, abs ? abs : dir);
		free(abs);
	}
	if (asprintf(&pch, "%s/%016llx.pch", cache_dir, h) < 0 ||
	    asprintf(decls, "%s/%016llx.decls", cache_dir, h) < 0 ||
	    asprintf(&hdr, "%s/%016llx.h", cache_dir, h) < 0 ||
	    asprintf(&tmp, "%s/%016llx.pch.tmp.%d", cache_dir, h, (int)getpid()) < 0) {
		free(pch);
		pch = NULL;
		goto out;
	}
	/* a truncated, torn or foreign entry is dropped there and built again */
	if (bg_cache_sound(pch))
		goto out;
	/* the header is content-addressed: rewriting it would make the PCH of another build stale */
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
	args = calloc(argc + 4, sizeof(*args));
	index = clang_createIndex(0, 0);
	if (!args || !index)
		goto fail;
	for (i = 0; i < argc; i++)
		args[n++] = argv[i];
	args[n++] = "-x";
	args[n++] = "c-header";
	args[n++] = "-iquote";
	args[n++] = dir;
	if (clang_parseTranslationUnit2(index, hdr, args, n, NULL, 0,
					CXTranslationUnit_ForSerialization | CXTranslationUnit_Incomplete,
					&tu) != CXError_Success || !tu || has_errors(tu))
		goto fail;
	if (clang_saveTranslationUnit(tu, tmp, clang_defaultSaveOptions(tu)) != CXSaveError_None)
		goto fail;
	/* without its list, the PCH is still good: each file visits the whole unit */
	if (pch_decls__write(tu, hdr, *decls, tmp))
		unlink(*decls);
	if (bg_cache_publish(cache_dir, tmp, pch))
		goto fail;
	goto out;
fail:
	unlink(tmp);
	free(pch);
	pch = NULL;
out:
	if (!pch) {
		free(*decls);
		*decls = NULL;
	}
	if (tu)
		clang_disposeTranslationUnit(tu);
	if (index)
		clang_disposeIndex(index);
	free(args);
	free(prefix);
	free(dir);
	free(hdr);
	free(tmp);
	return pch;
}
