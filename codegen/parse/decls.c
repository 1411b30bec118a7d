// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * libclang -> model: types, attributes, sections, and the top-level
 * declarations (programs, functions, maps, licenses, ksyms).
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

static bool is_typed_header(CXFile f);

char *cx_take(CXString s)
{
	char *r = bg_strdup(clang_getCString(s));

	clang_disposeString(s);
	return r;
}

struct bg_loc loc_of(struct parse_state *st, CXSourceLocation cl)
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

enum bg_type_kind kind_of(CXType t)
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
char *unqualified(CXType t)
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

void type_from(struct bg_type *t, CXType ty)
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

enum CXChildVisitResult find_attr(CXCursor c, CXCursor parent, CXClientData data)
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

/* __noinline and __always_inline, from the declaration printed with its attributes. */
static void func_attrs(CXCursor fn, bool *noinline, bool *always_inline)
{
	CXCursor attr = clang_getNullCursor();
	CXPrintingPolicy pol;
	char *printed;

	clang_visitChildren(fn, find_attr, &attr);
	if (clang_Cursor_isNull(attr))
		return;
	pol = clang_getCursorPrintingPolicy(fn);
	clang_PrintingPolicy_setProperty(pol, CXPrintingPolicy_TerseOutput, 1);
	printed = cx_take(clang_getCursorPrettyPrinted(fn, pol));
	clang_PrintingPolicy_dispose(pol);
	if (!printed)
		return;
	*noinline = strstr(printed, "__attribute__((noinline))") != NULL;
	*always_inline = strstr(printed, "__attribute__((always_inline))") != NULL;
	free(printed);
}

/* The type of PARM as written in the main file, from its start to its name. */
static void ctx_type_span(struct parse_state *st, CXCursor parm, struct bg_prog *p)
{
	CXSourceLocation start = clang_getRangeStart(clang_getCursorExtent(parm));
	CXSourceLocation name = clang_getCursorLocation(parm);
	unsigned soff, eoff, xoff, line, col;
	CXFile sf, ef, xf;

	clang_getSpellingLocation(start, &sf, &line, &col, &soff);
	clang_getExpansionLocation(start, &xf, NULL, NULL, &xoff);
	clang_getSpellingLocation(name, &ef, NULL, NULL, &eoff);
	/* spelled where it expands: no macro made it */
	if (!sf || !ef || !xf || !clang_File_isEqual(sf, st->main_file) ||
	    !clang_File_isEqual(ef, sf) || !clang_File_isEqual(xf, sf) || xoff != soff ||
	    eoff <= soff || eoff - soff > 256)
		return;
	p->ctx_type_loc = (struct bg_loc){ st->m->file, line, col };
	p->ctx_type_len = eoff - soff;
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
		ctx_type_span(st, parm, p);
	}
}

static void add_function(struct parse_state *st, CXCursor fn)
{
	struct bg_loc sec_loc = {};
	CXCursor body = clang_getNullCursor();
	struct bg_func *f;
	struct kids k;
	unsigned i;
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
	/*
	 * The typed layer's own functions: bpf.h's, and those a BPFGEN_ macro
	 * writes into the user's file (libclang places them at the macro's use),
	 * but not the program body the user writes after BPFGEN_XDP(...).
	 */
	if (strncmp(f->name, "___bpfgen_body_", 15)) {
		char *id = first_identifier(st, fn);

		f->typed = (file && is_typed_header(file)) || (id && !strncmp(id, "BPFGEN_", 7));
		free(id);
	}

	f->params = bg_model__alloc(st->m, (f->nparams + 1) * sizeof(*f->params));
	for (i = 0; f->params && i < f->nparams; i++)
		f->params[i] = arena_take(st, clang_getCursorSpelling(clang_Cursor_getArgument(fn, i)));
	if (f->is_main_file && f->nparams) {
		f->ptypes = calloc(f->nparams, sizeof(*f->ptypes));
		if (!f->ptypes) {
			st->err = -ENOMEM;
			return;
		}
		for (i = 0; i < f->nparams; i++)
			type_from(&f->ptypes[i], clang_getCursorType(clang_Cursor_getArgument(fn, i)));
	}
	func_attrs(fn, &f->noinline, &f->always_inline);
	kids_of(fn, &k);
	for (i = 0; i < (unsigned)k.n; i++)
		if (clang_getCursorKind(k.v[i]) == CXCursor_CompoundStmt)
			body = k.v[i];
	if (!clang_Cursor_isNull(body)) {
		st->func = f;
		st->depth = 0;
		st->too_deep = false;
		st->scope_frame = 0;
		f->body = new_stmt(st, BG_ST_SEQ, body);
		lower_stmt(st, body, f->body);
		if (st->too_deep)
			f->body = NULL;	/* half a body would make the flow rules guess */
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
	struct kids k;
	int i;
	CXType t = clang_getCanonicalType(clang_getCursorType(var));

	if (!map) {
		st->err = -ENOMEM;
		return;
	}
	map->name = cx_take(clang_getCursorSpelling(var));
	map->loc = loc_of(st, clang_getCursorLocation(var));
	kids_of(var, &k);
	for (i = 0; i < k.n; i++)
		if (clang_getCursorKind(k.v[i]) == CXCursor_AsmLabelAttr)
			map->sym = cx_take(clang_getCursorSpelling(k.v[i]));
	if (t.kind == CXType_Record)
		clang_Type_visitFields(t, map_field, st);
}

/* The fields of iproute2's struct bpf_elf_map and of libbpf 0.x's struct bpf_map_def */
static void legacy_field(struct bg_map *map, const char *name, long long v)
{
	if (!strcmp(name, "type"))
		map->type = v;
	else if (!strcmp(name, "key_size") || !strcmp(name, "size_key"))
		map->key_size = v;
	else if (!strcmp(name, "value_size") || !strcmp(name, "size_value"))
		map->value_size = v;
	else if (!strcmp(name, "max_entries") || !strcmp(name, "max_elem"))
		map->max_entries = v;
	else if (!strcmp(name, "map_flags") || !strcmp(name, "flags"))
		map->flags = v;
}

struct field_names {
	char *v[16];
	int n;
};

static enum CXVisitorResult name_field(CXCursor field, CXClientData data)
{
	struct field_names *f = data;

	if (f->n < 16)
		f->v[f->n++] = cx_take(clang_getCursorSpelling(field));
	return CXVisit_Continue;
}

static bool eval_int(CXCursor e, long long *v)
{
	CXEvalResult ev = clang_Cursor_Evaluate(e);
	bool ok = false;

	if (ev) {
		ok = clang_EvalResult_getKind(ev) == CXEval_Int;
		if (ok)
			*v = clang_EvalResult_getAsLongLong(ev);
		clang_EvalResult_dispose(ev);
	}
	return ok;
}

/*
 * A legacy map in SEC("maps"), for the loaders that still read one
 * (iproute2; libbpf before 1.0): its type and sizes from the initializer,
 * by designator (.type = ...) or by position.
 */
static void add_legacy_map(struct parse_state *st, CXCursor var)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(var));
	struct bg_map *map = bg_model__add_map(st->m);
	struct field_names f = {};
	struct kids k, init, d;
	long long v;
	int i, j;
	char *name;

	if (!map) {
		st->err = -ENOMEM;
		return;
	}
	map->name = cx_take(clang_getCursorSpelling(var));
	map->loc = loc_of(st, clang_getCursorLocation(var));
	if (t.kind != CXType_Record)
		return;
	clang_Type_visitFields(t, name_field, &f);
	kids_of(var, &k);
	for (i = 0; i < k.n && i < 8; i++) {
		if (clang_getCursorKind(k.v[i]) != CXCursor_InitListExpr)
			continue;
		kids_of(k.v[i], &init);
		for (j = 0; j < init.n && j < 8; j++) {
			CXCursor e = init.v[j];

			name = NULL;
			/* .field = value: a designator (MemberRef) then the value */
			if (kids_of(e, &d) >= 2 && clang_getCursorKind(d.v[0]) == CXCursor_MemberRef) {
				name = cx_take(clang_getCursorSpelling(d.v[0]));
				e = d.v[d.n - 1];
			} else if (j < f.n && f.v[j]) {
				name = strdup(f.v[j]);
			}
			if (name && eval_int(e, &v))
				legacy_field(map, name, v);
			free(name);
		}
	}
	for (i = 0; i < f.n; i++)
		free(f.v[i]);
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
	{
		/* the literal as written in the file: what a fix-it replaces */
		CXSourceLocation at = clang_getCursorLocation(lit);
		unsigned soff, xoff;
		CXFile sf, xf;

		clang_getSpellingLocation(at, &sf, NULL, NULL, &soff);
		clang_getExpansionLocation(at, &xf, NULL, NULL, &xoff);
		if (sf && xf && clang_File_isEqual(sf, st->main_file) && clang_File_isEqual(xf, sf) &&
		    soff == xoff && s[0] == '"') {
			st->m->license_str_loc = loc_of(st, at);
			st->m->license_str_len = strlen(s);
		}
	}
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
bool in_system_header(struct parse_state *st, CXSourceLocation loc)
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

enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData data)
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
	else if (!strcmp(sec, "maps"))
		add_legacy_map(st, c);
	else if (!strcmp(sec, "license"))
		add_license(st, c);
	free(sec);
	return st->err ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* headers/bpfgen/bpf.h or log.h, wherever they are installed */
static bool is_typed_header(CXFile f)
{
	CXString name = clang_getFileName(f);
	const char *n = clang_getCString(name);
	size_t len = n ? strlen(n) : 0;
	bool r = len >= 12 && (!strcmp(n + len - 12, "bpfgen/bpf.h") ||
			       !strcmp(n + len - 12, "bpfgen/log.h"));

	clang_disposeString(name);
	return r;
}

/*
 * Whether the tokens of RANGE use the typed layer: a bpfgen_ or BPFGEN_ name,
 * or a function the typed layer defines, such as the accessors a map macro
 * writes into the user's file (the model's functions are known by now).
 */
static bool range_uses_typed(struct parse_state *st, CXSourceRange range)
{
	CXToken *toks = NULL;
	unsigned i, n = 0;
	bool found = false;

	clang_tokenize(st->tu, range, &toks, &n);
	for (i = 0; i < n && !found; i++) {
		CXString sp;
		const char *t;

		if (clang_getTokenKind(toks[i]) != CXToken_Identifier)
			continue;
		sp = clang_getTokenSpelling(st->tu, toks[i]);
		t = clang_getCString(sp);
		found = t && (!strncmp(t, "bpfgen_", 7) || !strncmp(t, "BPFGEN_", 7));
		if (!found && t) {
			const struct bg_func *fn = bg_model__find_func(st->m, t);

			found = fn && fn->typed;
		}
		clang_disposeString(sp);
	}
	if (toks)
		clang_disposeTokens(st->tu, toks, n);
	return found;
}

/* The whole line of the user's file that LOC expands at. */
static CXSourceRange line_of(struct parse_state *st, CXSourceLocation loc)
{
	const char *buf;
	unsigned off, b, e;
	size_t size;
	CXFile f;

	clang_getExpansionLocation(loc, &f, NULL, NULL, &off);
	buf = f ? clang_getFileContents(st->tu, f, &size) : NULL;
	if (!buf || off > size)
		return clang_getNullRange();
	for (b = off; b > 0 && buf[b - 1] != '\n'; b--)
		;
	for (e = off; e < size && buf[e] != '\n'; e++)
		;
	return clang_getRange(clang_getLocationForOffset(st->tu, f, b),
			      clang_getLocationForOffset(st->tu, f, e));
}

/*
 * The typed-* rule a clang diagnostic belongs to: what C only warns about
 * (bpf.h makes it an error) when the line uses the typed layer, and the hard
 * errors whose message names a type of the typed layer. NULL otherwise.
 */
static const char *typed_rule_of(struct parse_state *st, CXDiagnostic d, const char *msg)
{
	CXString opt = clang_getDiagnosticOption(d, NULL);
	const char *o = clang_getCString(opt), *rule = NULL;
	CXSourceLocation loc = clang_getDiagnosticLocation(d);
	bool hard = !o || !*o;
	unsigned i, nr;
	CXFile f;

	clang_getExpansionLocation(loc, &f, NULL, NULL, NULL);
	if (!f || is_typed_header(f))
		goto out;
	if (hard) {
		if (strstr(msg, "incompatible result type 'bpfgen_"))
			rule = "typed-return";
		else if ((strstr(msg, "static assertion failed") || strstr(msg, "static_assert failed")) &&
			 (strstr(msg, "\"bpfgen_") || strstr(msg, "\"BPFGEN_CORE_READ") ||
			  strstr(msg, "\"BPFGEN_USER_RINGBUF")))
			rule = "typed-type";	/* a helper's or a map's types, not a program's arguments */
		else if ((strstr(msg, "static assertion failed") || strstr(msg, "static_assert failed")) &&
			 strstr(msg, "BPFGEN_"))
			rule = "typed-args";
		else if (strstr(msg, "'bpfgen_") || strstr(msg, "bpfgen_load_bytes"))
			rule = "typed-type";
		goto out;
	}
	if (strstr(o, "-Wformat"))
		rule = "typed-format";
	else if (!strcmp(o, "-Wunused-result"))
		rule = "typed-unused";
	else if (!strcmp(o, "-Wincompatible-pointer-types") || !strcmp(o, "-Wpointer-sign") ||
		 !strcmp(o, "-Wint-conversion") || !strcmp(o, "-Wenum-conversion") ||
		 !strcmp(o, "-Wincompatible-pointer-types-discards-qualifiers") ||
		 !strcmp(o, "-Wimplicit-function-declaration"))
		rule = "typed-type";
	if (!rule)
		goto out;
	if (range_uses_typed(st, line_of(st, loc)))
		goto out;
	nr = clang_getDiagnosticNumRanges(d);
	for (i = 0; i < nr; i++)
		if (range_uses_typed(st, clang_getDiagnosticRange(d, i)))
			goto out;
	rule = NULL;
out:
	clang_disposeString(opt);
	return rule;
}

/*
 * Clang's errors go to DIAGS; those about the typed layer, and its warnings
 * there, go to the model for the typed-* rules, which report them with a
 * rule id (and so do not stop the other rules, as a broken parse does).
 */
void add_clang_diags(struct parse_state *st, struct bg_diags *diags)
{
	unsigned i, n = clang_getNumDiagnostics(st->tu);

	for (i = 0; i < n && !st->err; i++) {
		CXDiagnostic d = clang_getDiagnostic(st->tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		CXString msg = clang_getDiagnosticSpelling(d);
		const char *text = clang_getCString(msg);
		struct bg_loc loc = loc_of(st, clang_getDiagnosticLocation(d));
		const char *rule = NULL;

		if (sev >= CXDiagnostic_Warning)
			rule = typed_rule_of(st, d, text);
		/* a getter past the registers: the macro's _Static_assert says it better */
		if (rule && strstr(text, "implicit declaration of function '___bpfgen_")) {
			;
		} else if (rule) {
			struct bg_cdiag *cd = bg_model__add_cdiag(st->m);
			CXDiagnosticSet kids = clang_getChildDiagnostics(d);

			if (!cd) {
				st->err = -ENOMEM;
			} else {
				cd->rule = rule;
				cd->loc = loc;
				cd->msg = bg_model__strdup(st->m, text);
				if (kids && clang_getNumDiagnosticsInSet(kids) > 0) {
					CXDiagnostic k = clang_getDiagnosticInSet(kids, 0);
					CXString km = clang_getDiagnosticSpelling(k);

					cd->note_loc = loc_of(st, clang_getDiagnosticLocation(k));
					cd->note = bg_model__strdup(st->m, clang_getCString(km));
					clang_disposeString(km);
					clang_disposeDiagnostic(k);
				}
			}
		} else if (sev >= CXDiagnostic_Error) {
			bg_diags__add(diags, BG_SEV_ERROR, NULL, loc, "%s", text);
		}
		clang_disposeString(msg);
		clang_disposeDiagnostic(d);
	}
}
