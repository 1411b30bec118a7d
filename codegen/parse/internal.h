/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * What the files of codegen/parse/ share: the state of one parse and the
 * functions one file calls in another. libclang stays inside this folder:
 * nothing outside it includes this header.
 */
#ifndef BPFGEN_PARSE_INTERNAL_H
#define BPFGEN_PARSE_INTERNAL_H

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

struct parse_state {
	struct bg_model *m;
	CXTranslationUnit tu;
	CXFile main_file;
	struct bg_func *func;	/* the function whose body is being walked */
	int depth;		/* of the expression being lowered */
	bool too_deep;		/* the body nests deeper than the flow rules follow */
	long long scope_frame;	/* aggregate locals of the blocks enclosing the one walked */
	/* the counters of the enclosing for loops with a small constant trip count */
	CXCursor counted[8];
	int ncounted;
	/* the expression of the expression statement being lowered, if any */
	CXCursor dropped;
	int err;
};

/* Deeper than this, a body is not lowered: its flow rules are skipped, not guessed. */
#define MAX_LOWER_DEPTH 256

/* The children of a cursor, in order; at most 8 are kept, n counts all. */
struct kids {
	CXCursor v[8];
	int n;
};

struct pch_decls {
	struct pch_decl *v;
	size_t n;
	bool unfit;	/* a declaration that cannot be found again by place */
};

char *cx_take(CXString s);
struct bg_loc loc_of(struct parse_state *st, CXSourceLocation cl);
enum bg_type_kind kind_of(CXType t);
char *unqualified(CXType t);
void type_from(struct bg_type *t, CXType ty);
enum CXChildVisitResult find_attr(CXCursor c, CXCursor parent, CXClientData data);
bool in_system_header(struct parse_state *st, CXSourceLocation loc);
enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData data);
void add_clang_diags(struct parse_state *st, struct bg_diags *diags);
char *first_identifier(struct parse_state *st, CXCursor expr);
int kids_of(CXCursor c, struct kids *k);
char *arena_take(struct parse_state *st, CXString s);
struct bg_stmt *new_stmt(struct parse_state *st, enum bg_stmt_kind kind, CXCursor at);
long long pointee_size(CXType t);
void lower_stmt(struct parse_state *st, CXCursor c, struct bg_stmt *seq);
bool has_errors(CXTranslationUnit tu);
void pch_decls__free(struct pch_decls *d);
int pch_decls__read(const char *path, const char *pch_path, struct pch_decls *d);
int pch_decls__find(struct parse_state *st, const struct pch_decls *d, CXCursor *out);
char *cached_pch(const char *cache_dir, const char *file, const char *text, size_t text_len,
		 const char **argv, int argc, char **decls);

#endif
