// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * libclang -> model. The only file that includes clang-c/Index.h: every CX
 * type stays here, and the model is plain data.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <clang-c/Index.h>

#include "parse.h"

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

struct parse_state {
	struct bg_model *m;
	CXTranslationUnit tu;
	CXFile main_file;
	struct bg_func *func;	/* the function whose body is being walked */
	int err;
};

static char *cx_take(CXString s)
{
	char *r = bg_strdup(clang_getCString(s));

	clang_disposeString(s);
	return r;
}

static struct bg_loc loc_of(struct parse_state *st, CXSourceLocation cl)
{
	struct bg_loc loc = {};
	CXFile file;
	CXString name;

	clang_getExpansionLocation(cl, &file, &loc.line, &loc.col, NULL);
	if (!file) {
		loc.line = loc.col = 0;
		return loc;
	}
	if (clang_File_isEqual(file, st->main_file)) {
		loc.file = st->m->file;
		return loc;
	}
	name = clang_getFileName(file);
	loc.file = bg_model__intern(st->m, clang_getCString(name));
	clang_disposeString(name);
	if (!loc.file)
		st->err = -ENOMEM;
	return loc;
}

static enum bg_type_kind kind_of(CXType t)
{
	switch (t.kind) {
	case CXType_Void:
		return BG_TYPE_VOID;
	case CXType_Pointer:
		return BG_TYPE_PTR;
	case CXType_Record:
		return BG_TYPE_STRUCT;
	default:
		if (t.kind >= CXType_Bool && t.kind <= CXType_Int128)
			return BG_TYPE_INT;
		if (t.kind == CXType_Enum)
			return BG_TYPE_INT;
		return BG_TYPE_OTHER;
	}
}

/* "const volatile struct x" -> "struct x": qualifiers do not change what a pointer is to */
static char *unqualified(CXType t)
{
	char *s = cx_take(clang_getTypeSpelling(t)), *p = s;

	if (!s)
		return NULL;
	for (;;) {
		if (!strncmp(p, "const ", 6))
			p += 6;
		else if (!strncmp(p, "volatile ", 9))
			p += 9;
		else if (!strncmp(p, "restrict ", 9))
			p += 9;
		else
			break;
	}
	memmove(s, p, strlen(p) + 1);
	return s;
}

static void type_from(struct bg_type *t, CXType ty)
{
	CXType canon = clang_getCanonicalType(ty);

	t->spelling = cx_take(clang_getTypeSpelling(ty));
	t->canonical = cx_take(clang_getTypeSpelling(canon));
	t->kind = kind_of(canon);
	t->size = clang_Type_getSizeOf(canon);
	if (t->size < 0)
		t->size = -1;
	t->pointee_size = -1;
	if (t->kind == BG_TYPE_PTR) {
		CXType pt = clang_getCanonicalType(clang_getPointeeType(canon));

		t->pointee = unqualified(pt);
		t->pointee_kind = kind_of(pt);
		t->pointee_size = clang_Type_getSizeOf(pt);
		if (t->pointee_size < 0)
			t->pointee_size = -1;
	}
}

static enum CXChildVisitResult find_attr(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (clang_isAttribute(clang_getCursorKind(c))) {
		*(CXCursor *)data = c;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

/*
 * libclang 14 exposes section("...") as an UnexposedAttr without tokens; the
 * declaration printed tersely has it with macros expanded and strings joined.
 * Returns the section name (owned by the caller) or NULL, and where SEC() is.
 */
/* The section and weakness of DECL from its terse printout; *SEC owned by the caller. */
static void printed_attrs(CXCursor decl, char **sec, bool *weak)
{
	CXPrintingPolicy pol;
	const char *p;
	char *printed, *q;

	*sec = NULL;
	pol = clang_getCursorPrintingPolicy(decl);
	clang_PrintingPolicy_setProperty(pol, CXPrintingPolicy_TerseOutput, 1);
	printed = cx_take(clang_getCursorPrettyPrinted(decl, pol));
	clang_PrintingPolicy_dispose(pol);
	if (!printed)
		return;
	if (weak && strstr(printed, "__attribute__((weak))"))
		*weak = true;
	p = strstr(printed, "__attribute__((section(\"");
	if (p) {
		p += strlen("__attribute__((section(\"");
		*sec = malloc(strlen(p) + 1);
		if (*sec) {
			/* copy the string literal, undoing escapes */
			for (q = *sec; *p && *p != '"'; p++) {
				if (*p == '\\' && p[1])
					p++;
				*q++ = *p;
			}
			*q = '\0';
		}
	}
	free(printed);
}

/*
 * libclang 14 exposes section("...") as an UnexposedAttr without tokens; the
 * declaration printed tersely has it with macros expanded and strings joined.
 * Returns the section name (owned by the caller) or NULL, and where SEC() is.
 */
static char *section_of(struct parse_state *st, CXCursor decl, struct bg_loc *loc)
{
	CXCursor attr = clang_getNullCursor(), first;
	char *sec;

	clang_visitChildren(decl, find_attr, &attr);
	if (clang_Cursor_isNull(attr))
		return NULL;
	printed_attrs(decl, &sec, &st->m->has_weak);
	if (!sec) {
		/*
		 * BPF_PROG() puts SEC() on a prototype before the definition, which
		 * inherits the attribute but does not print it.
		 */
		first = clang_getCanonicalCursor(decl);
		if (clang_equalCursors(first, decl))
			return NULL;
		printed_attrs(first, &sec, NULL);
		if (!sec)
			return NULL;
		attr = clang_getNullCursor();
		clang_visitChildren(first, find_attr, &attr);
	}
	*loc = loc_of(st, clang_getCursorLocation(attr));
	return sec;
}

/* Look through implicit casts and parentheses. */
static CXCursor strip_expr(CXCursor c);

static enum CXChildVisitResult first_child(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	*(CXCursor *)data = c;
	return CXChildVisit_Break;
}

static CXCursor strip_expr(CXCursor c)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(c);
		CXCursor child = clang_getNullCursor();

		if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr &&
		    k != CXCursor_CStyleCastExpr)
			return c;
		clang_visitChildren(c, first_child, &child);
		if (clang_Cursor_isNull(child))
			return c;
		c = child;
	}
}

/*
 * The identifier written where EXPR starts in the user's source, such as a
 * macro name (TC_ACT_SHOT) that the AST only shows expanded, or NULL.
 */
static char *first_identifier(struct parse_state *st, CXCursor expr)
{
	const char *buf, *p, *q;
	unsigned offset;
	size_t size;
	CXFile file;
	char *r;

	clang_getExpansionLocation(clang_getCursorLocation(expr), &file, NULL, NULL, &offset);
	if (!file)
		return NULL;
	buf = clang_getFileContents(st->tu, file, &size);
	if (!buf || offset >= size)
		return NULL;
	p = buf + offset;
	if (!(*p == '_' || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')))
		return NULL;
	for (q = p; q < buf + size && (*q == '_' || (*q >= 'A' && *q <= 'Z') ||
				       (*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9')); q++)
		;
	r = malloc(q - p + 1);
	if (r) {
		memcpy(r, p, q - p);
		r[q - p] = '\0';
	}
	return r;
}

struct ret_walk {
	struct parse_state *st;
	int n;
	CXCursor kids[3];
};

static enum CXChildVisitResult collect_kids(CXCursor c, CXCursor parent, CXClientData data)
{
	struct ret_walk *w = data;

	(void)parent;
	if (w->n < 3)
		w->kids[w->n++] = c;
	return CXChildVisit_Continue;
}

/*
 * Record the value EXPR gives a return at LOC: a constant, the result of a
 * call, or, for "c ? a : b", each branch as a return of its own.
 */
static void add_return_value(struct parse_state *st, struct bg_loc loc, CXCursor expr, int depth)
{
	struct bg_return *r;
	CXCursor inner;
	CXEvalResult ev;
	bool is_const = false;
	long long value = 0;

	ev = clang_Cursor_Evaluate(expr);
	if (ev) {
		if (clang_EvalResult_getKind(ev) == CXEval_Int) {
			is_const = true;
			value = clang_EvalResult_getAsLongLong(ev);
		}
		clang_EvalResult_dispose(ev);
	}
	inner = strip_expr(expr);
	if (!is_const && depth < 4 && clang_getCursorKind(inner) == CXCursor_ConditionalOperator) {
		struct ret_walk w = { .st = st };

		clang_visitChildren(inner, collect_kids, &w);
		if (w.n == 3) {
			add_return_value(st, loc_of(st, clang_getCursorLocation(w.kids[1])),
					 w.kids[1], depth + 1);
			add_return_value(st, loc_of(st, clang_getCursorLocation(w.kids[2])),
					 w.kids[2], depth + 1);
			return;
		}
	}
	r = bg_func__add_return(st->func);
	if (!r) {
		st->err = -ENOMEM;
		return;
	}
	r->loc = loc;
	r->is_const = is_const;
	r->value = value;
	r->token = first_identifier(st, expr);
	if (clang_getCursorKind(inner) == CXCursor_CallExpr) {
		CXCursor callee = clang_getCursorReferenced(inner);

		if (clang_getCursorKind(callee) == CXCursor_FunctionDecl)
			r->callee = cx_take(clang_getCursorSpelling(callee));
	}
}

static void add_return(struct parse_state *st, CXCursor ret)
{
	struct bg_loc loc = loc_of(st, clang_getCursorLocation(ret));
	CXCursor expr = clang_getNullCursor();
	struct bg_return *r;

	clang_visitChildren(ret, first_child, &expr);
	if (!clang_Cursor_isNull(expr)) {
		add_return_value(st, loc, expr, 0);
		return;
	}
	r = bg_func__add_return(st->func);
	if (!r)
		st->err = -ENOMEM;
	else
		r->loc = loc;
}

static void add_call(struct parse_state *st, CXCursor call)
{
	CXCursor callee = clang_getCursorReferenced(call);
	enum CXCursorKind k = clang_getCursorKind(callee);
	struct bg_call *c;
	int n;

	if (k != CXCursor_FunctionDecl && k != CXCursor_VarDecl && k != CXCursor_ParmDecl &&
	    k != CXCursor_FieldDecl)
		return;
	c = bg_func__add_call(st->func);
	if (!c) {
		st->err = -ENOMEM;
		return;
	}
	c->callee = cx_take(clang_getCursorSpelling(callee));
	c->indirect = k != CXCursor_FunctionDecl;
	c->loc = loc_of(st, clang_getCursorLocation(call));
	n = clang_Cursor_getNumArguments(call);
	c->nargs = n > 0 ? n : 0;
}

static enum CXChildVisitResult walk_body(CXCursor c, CXCursor parent, CXClientData data)
{
	struct parse_state *st = data;

	(void)parent;
	switch (clang_getCursorKind(c)) {
	case CXCursor_ReturnStmt:
		add_return(st, c);
		break;
	case CXCursor_CallExpr:
		add_call(st, c);
		break;
	default:
		break;
	}
	return st->err ? CXChildVisit_Break : CXChildVisit_Recurse;
}

static enum CXChildVisitResult find_body(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_CompoundStmt) {
		*(CXCursor *)data = c;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

static void add_prog(struct parse_state *st, CXCursor fn, char *sec, struct bg_loc sec_loc,
		     int func_idx)
{
	struct bg_prog *p = bg_model__add_prog(st->m);
	CXType ft = clang_getCursorType(fn);

	if (!p) {
		free(sec);
		st->err = -ENOMEM;
		return;
	}
	p->name = cx_take(clang_getCursorSpelling(fn));
	p->section = sec;
	p->sec_loc = sec_loc;
	p->loc = loc_of(st, clang_getCursorLocation(fn));
	p->func = func_idx;
	type_from(&p->ret, clang_getResultType(ft));
	p->nparams = clang_Cursor_getNumArguments(fn) > 0 ? clang_Cursor_getNumArguments(fn) : 0;
	if (p->nparams) {
		CXCursor parm = clang_Cursor_getArgument(fn, 0);

		type_from(&p->ctx, clang_getCursorType(parm));
		p->ctx_loc = loc_of(st, clang_getCursorLocation(parm));
	}
}

static void add_function(struct parse_state *st, CXCursor fn)
{
	struct bg_loc sec_loc = {};
	CXCursor body = clang_getNullCursor();
	struct bg_func *f;
	CXFile file;
	char *sec;

	f = bg_model__add_func(st->m);
	if (!f) {
		st->err = -ENOMEM;
		return;
	}
	f->name = cx_take(clang_getCursorSpelling(fn));
	f->loc = loc_of(st, clang_getCursorLocation(fn));
	f->is_static = clang_Cursor_getStorageClass(fn) == CX_SC_Static;
	f->nparams = clang_Cursor_getNumArguments(fn) > 0 ? clang_Cursor_getNumArguments(fn) : 0;
	clang_getExpansionLocation(clang_getCursorLocation(fn), &file, NULL, NULL, NULL);
	f->is_main_file = file && clang_File_isEqual(file, st->main_file);

	clang_visitChildren(fn, find_body, &body);
	if (!clang_Cursor_isNull(body)) {
		st->func = f;
		clang_visitChildren(body, walk_body, st);
		st->func = NULL;
	}

	sec = section_of(st, fn, &sec_loc);
	/* ".text" and friends hold subprograms, not entry points */
	if (sec && sec[0] && sec[0] != '.')
		add_prog(st, fn, sec, sec_loc, (int)(st->m->nfuncs - 1));
	else
		free(sec);
}

/* __uint(name, N) is "int (*name)[N]"; __type(name, T) is "typeof(T) *name". */
static enum CXVisitorResult map_field(CXCursor field, CXClientData data)
{
	struct parse_state *st = data;
	struct bg_map *map = &st->m->maps[st->m->nmaps - 1];
	CXType ft = clang_getCanonicalType(clang_getCursorType(field));
	CXString name_s = clang_getCursorSpelling(field);
	const char *name = clang_getCString(name_s);
	CXType pt;

	if (ft.kind != CXType_Pointer)
		goto out;
	pt = clang_getCanonicalType(clang_getPointeeType(ft));
	if (!strcmp(name, "key") || !strcmp(name, "value")) {
		struct bg_type *t = name[0] == 'k' ? &map->key : &map->value;

		bg_type__clear(t);
		type_from(t, clang_getPointeeType(ft));
		if (name[0] == 'k')
			map->key_size = t->size;
		else
			map->value_size = t->size;
		goto out;
	}
	if (pt.kind != CXType_ConstantArray)
		goto out;
	if (!strcmp(name, "type"))
		map->type = clang_getArraySize(pt);
	else if (!strcmp(name, "max_entries"))
		map->max_entries = clang_getArraySize(pt);
	else if (!strcmp(name, "map_flags"))
		map->flags = clang_getArraySize(pt);
	else if (!strcmp(name, "key_size"))
		map->key_size = clang_getArraySize(pt);
	else if (!strcmp(name, "value_size"))
		map->value_size = clang_getArraySize(pt);
out:
	clang_disposeString(name_s);
	return CXVisit_Continue;
}

static void add_map(struct parse_state *st, CXCursor var)
{
	struct bg_map *map = bg_model__add_map(st->m);
	CXType t = clang_getCanonicalType(clang_getCursorType(var));

	if (!map) {
		st->err = -ENOMEM;
		return;
	}
	map->name = cx_take(clang_getCursorSpelling(var));
	map->loc = loc_of(st, clang_getCursorLocation(var));
	if (t.kind == CXType_Record)
		clang_Type_visitFields(t, map_field, st);
}

static enum CXChildVisitResult find_string(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_StringLiteral) {
		*(CXCursor *)data = c;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

static void add_license(struct parse_state *st, CXCursor var)
{
	CXCursor lit = clang_getNullCursor();
	char *s, *end;

	st->m->has_license = true;
	st->m->license_loc = loc_of(st, clang_getCursorLocation(var));
	clang_visitChildren(var, find_string, &lit);
	if (clang_Cursor_isNull(lit))
		return;
	/* the literal's spelling, quotes and all: "GPL" */
	s = cx_take(clang_getCursorSpelling(lit));
	if (!s)
		return;
	if (s[0] == '"' && (end = strrchr(s + 1, '"'))) {
		*end = '\0';
		memmove(s, s + 1, strlen(s + 1) + 1);
	}
	free(st->m->license);
	st->m->license = s;
}

/* __ksym: extern "C" symbols libbpf resolves against the kernel's BTF. */
static void add_ksym(struct parse_state *st, CXCursor decl, bool is_func)
{
	char *name = cx_take(clang_getCursorSpelling(decl)), *sec = NULL;
	struct bg_ksym *k;
	bool weak = false;

	/* redeclarations */
	if (!name || bg_model__find_ksym(st->m, name)) {
		free(name);
		return;
	}
	k = bg_model__add_ksym(st->m);
	if (!k) {
		free(name);
		st->err = -ENOMEM;
		return;
	}
	k->name = name;
	k->loc = loc_of(st, clang_getCursorLocation(decl));
	k->is_func = is_func;
	printed_attrs(decl, &sec, &weak);
	k->is_weak = weak;
	free(sec);
}

/*
 * Whether LOC comes from a system header. A declaration that a system header's
 * macro expands in user code (BPF_PROG's ____name()) is the user's.
 */
static bool in_system_header(struct parse_state *st, CXSourceLocation loc)
{
	unsigned sline, scol, eline, ecol;
	CXFile sfile, efile;

	clang_getSpellingLocation(loc, &sfile, &sline, &scol, NULL);
	clang_getExpansionLocation(loc, &efile, &eline, &ecol, NULL);
	if (!efile)
		return true;
	if (sline == eline && scol == ecol && clang_File_isEqual(sfile, efile))
		return clang_Location_isInSystemHeader(loc);
	return clang_Location_isInSystemHeader(clang_getLocation(st->tu, efile, eline, ecol));
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData data)
{
	struct parse_state *st = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	struct bg_loc loc;
	char *sec;

	(void)parent;
	if (k != CXCursor_FunctionDecl && k != CXCursor_VarDecl)
		return CXChildVisit_Continue;
	if (in_system_header(st, clang_getCursorLocation(c)))
		return CXChildVisit_Continue;
	if (k == CXCursor_FunctionDecl && clang_isCursorDefinition(c)) {
		add_function(st, c);
		return st->err ? CXChildVisit_Break : CXChildVisit_Continue;
	}
	sec = section_of(st, c, &loc);
	if (!sec)
		return CXChildVisit_Continue;
	if (!strcmp(sec, ".ksyms"))
		add_ksym(st, c, k == CXCursor_FunctionDecl);
	else if (k == CXCursor_FunctionDecl)
		;
	else if (!strcmp(sec, ".maps"))
		add_map(st, c);
	else if (!strcmp(sec, "license"))
		add_license(st, c);
	free(sec);
	return st->err ? CXChildVisit_Break : CXChildVisit_Continue;
}

static void add_clang_diags(struct parse_state *st, struct bg_diags *diags)
{
	unsigned i, n = clang_getNumDiagnostics(st->tu);

	for (i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(st->tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);

		if (sev >= CXDiagnostic_Error) {
			CXString msg = clang_getDiagnosticSpelling(d);
			struct bg_loc loc = loc_of(st, clang_getDiagnosticLocation(d));

			bg_diags__add(diags, BG_SEV_ERROR, NULL, loc, "%s", clang_getCString(msg));
			clang_disposeString(msg);
		}
		clang_disposeDiagnostic(d);
	}
}

int bg_parse(const char *file, const char *const *args, int nargs, struct bg_model **model,
	     struct bg_diags *diags)
{
	struct parse_state st = {};
	const char **argv = NULL;
	enum CXErrorCode cerr;
	CXIndex index = NULL;
	int err = 0, i, skip, argc = 0;

	*model = NULL;
	argv = calloc(NDEFAULT_ARGS + nargs, sizeof(*argv));
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

	index = clang_createIndex(0, 0);
	cerr = clang_parseTranslationUnit2(index, file, argv, argc, NULL, 0,
					   CXTranslationUnit_KeepGoing, &st.tu);
	if (cerr != CXError_Success || !st.tu) {
		err = cerr == CXError_ASTReadError ? -EINVAL : -EIO;
		goto out;
	}
	st.main_file = clang_getFile(st.tu, file);
	add_clang_diags(&st, diags);
	clang_visitChildren(clang_getTranslationUnitCursor(st.tu), visit_top, &st);
	err = st.err;
out:
	if (st.tu)
		clang_disposeTranslationUnit(st.tu);
	if (index)
		clang_disposeIndex(index);
	free(argv);
	if (err)
		bg_model__free(st.m);
	else
		*model = st.m;
	return err;
}
