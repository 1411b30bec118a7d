// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * libclang -> model. The only file that includes clang-c/Index.h: every CX
 * type stays here, and the model is plain data.
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
#include "parse.h"
#include "tables/tables.h"

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
	int depth;		/* of the expression being lowered */
	bool too_deep;		/* the body nests deeper than the flow rules follow */
	long long scope_frame;	/* aggregate locals of the blocks enclosing the one walked */
	int err;
};

/* Deeper than this, a body is not lowered: its flow rules are skipped, not guessed. */
#define MAX_LOWER_DEPTH 256

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

/* The children of a cursor, in order; at most 8 are kept, n counts all. */
struct kids {
	CXCursor v[8];
	int n;
};

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent, CXClientData data)
{
	struct kids *k = data;

	(void)parent;
	if (k->n < 8)
		k->v[k->n] = c;
	k->n++;
	return CXChildVisit_Continue;
}

static int kids_of(CXCursor c, struct kids *k)
{
	k->n = 0;
	clang_visitChildren(c, collect, k);
	if (k->n > 8)
		k->n = 8;
	return k->n;
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
		struct kids k;

		if (kids_of(inner, &k) == 3) {
			add_return_value(st, loc_of(st, clang_getCursorLocation(k.v[1])), k.v[1],
					 depth + 1);
			add_return_value(st, loc_of(st, clang_getCursorLocation(k.v[2])), k.v[2],
					 depth + 1);
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

static char *arena_take(struct parse_state *st, CXString s)
{
	char *r = bg_model__strdup(st->m, clang_getCString(s));

	clang_disposeString(s);
	if (!r)
		st->err = -ENOMEM;
	return r;
}

static struct bg_stmt *new_stmt(struct parse_state *st, enum bg_stmt_kind kind, CXCursor at)
{
	struct bg_stmt *s = bg_model__alloc(st->m, sizeof(*s));

	if (!s) {
		st->err = -ENOMEM;
		return NULL;
	}
	s->kind = kind;
	s->call = -1;
	if (!clang_Cursor_isNull(at))
		s->loc = loc_of(st, clang_getCursorLocation(at));
	return s;
}

static void emit(struct parse_state *st, struct bg_stmt *seq, struct bg_stmt *s)
{
	if (s && seq && bg_stmt__add(st->m, seq, s))
		st->err = -ENOMEM;
}

static bool is_pointer(CXType t)
{
	return clang_getCanonicalType(t).kind == CXType_Pointer;
}

static bool is_integer(CXType t)
{
	enum bg_type_kind k = kind_of(clang_getCanonicalType(t));

	return k == BG_TYPE_INT;
}

static long long pointee_size(CXType t)
{
	CXType p = clang_getCanonicalType(clang_getPointeeType(clang_getCanonicalType(t)));
	long long n = p.kind == CXType_Void ? 1 : clang_Type_getSizeOf(p);

	return n > 0 ? n : -1;
}

/* The local variable or parameter E names, seen through casts; else NULL. */
static char *local_var(struct parse_state *st, CXCursor e)
{
	CXCursor d;
	enum CXCursorKind k;

	e = strip_expr(e);
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return NULL;
	d = clang_getCursorReferenced(e);
	k = clang_getCursorKind(d);
	if (k == CXCursor_ParmDecl || (k == CXCursor_VarDecl && !clang_Cursor_hasVarDeclGlobalStorage(d)))
		return arena_take(st, clang_getCursorSpelling(d));
	return NULL;
}

static bool const_value(CXCursor e, long long *v)
{
	CXEvalResult ev = clang_Cursor_Evaluate(e);
	bool ok = false;

	if (ev) {
		if (clang_EvalResult_getKind(ev) == CXEval_Int) {
			*v = clang_EvalResult_getAsLongLong(ev);
			ok = true;
		}
		clang_EvalResult_dispose(ev);
	}
	return ok;
}

/* The text of E as the user wrote it (one line, short), for messages; else NULL. */
static char *expr_text(struct parse_state *st, CXCursor e)
{
	CXSourceRange r = clang_getCursorExtent(e);
	unsigned b, en;
	CXFile f1, f2;
	const char *buf;
	size_t size;
	char *s;

	clang_getExpansionLocation(clang_getRangeStart(r), &f1, NULL, NULL, &b);
	clang_getExpansionLocation(clang_getRangeEnd(r), &f2, NULL, NULL, &en);
	if (!f1 || !clang_File_isEqual(f1, f2) || en <= b || en - b > 60)
		return NULL;
	buf = clang_getFileContents(st->tu, f1, &size);
	if (!buf || en > size || memchr(buf + b, '\n', en - b))
		return NULL;
	s = bg_model__alloc(st->m, en - b + 1);
	if (s)
		memcpy(s, buf + b, en - b);
	return s;
}

enum binop {
	OP_OTHER, OP_ASSIGN, OP_EQ, OP_NE, OP_LT, OP_GT, OP_LE, OP_GE, OP_LAND, OP_LOR,
	OP_ADD, OP_SUB, OP_ADD_ASSIGN, OP_SUB_ASSIGN, OP_OTHER_ASSIGN, OP_COMMA,
};

/*
 * libclang 14 does not say which operator a BinaryOperator is: read it from
 * the source between the operands. Inside a macro the text is not there:
 * OP_OTHER, which the rules treat as "not understood".
 */
static enum binop binop_of(struct parse_state *st, CXCursor lhs, CXCursor rhs)
{
	unsigned lend, rbeg;
	CXFile f1, f2;
	const char *buf, *p, *end;
	size_t size;

	clang_getFileLocation(clang_getRangeEnd(clang_getCursorExtent(lhs)), &f1, NULL, NULL, &lend);
	clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(rhs)), &f2, NULL, NULL, &rbeg);
	if (!f1 || !f2 || !clang_File_isEqual(f1, f2) || rbeg <= lend)
		return OP_OTHER;
	buf = clang_getFileContents(st->tu, f1, &size);
	if (!buf || rbeg > size)
		return OP_OTHER;
	p = buf + lend;
	end = buf + rbeg;
	while (p < end) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\\')
			p++;
		else if (p + 1 < end && p[0] == '/' && p[1] == '*')
			p = strstr(p + 2, "*/") ? strstr(p + 2, "*/") + 2 : end;
		else
			break;
	}
	if (p >= end)
		return OP_OTHER;
#define IS(s) (!strncmp(p, s, strlen(s)))
	if (IS("==")) return OP_EQ;
	if (IS("!=")) return OP_NE;
	if (IS("<=")) return OP_LE;
	if (IS(">=")) return OP_GE;
	if (IS("&&")) return OP_LAND;
	if (IS("||")) return OP_LOR;
	if (IS("+=")) return OP_ADD_ASSIGN;
	if (IS("-=")) return OP_SUB_ASSIGN;
	if (IS("<<=") || IS(">>=") || IS("*=") || IS("/=") || IS("%=") || IS("&=") || IS("|=") ||
	    IS("^="))
		return OP_OTHER_ASSIGN;
	if (IS("<<") || IS(">>"))
		return OP_OTHER;
	if (IS("<")) return OP_LT;
	if (IS(">")) return OP_GT;
	if (IS("=")) return OP_ASSIGN;
	if (IS("+")) return OP_ADD;
	if (IS("-")) return OP_SUB;
	if (IS(",")) return OP_COMMA;
#undef IS
	return OP_OTHER;
}

/* The character where C starts in a file: for what a macro body wrote, the first of its name. */
static char char_at(struct parse_state *st, CXCursor c)
{
	CXSourceLocation loc = clang_getRangeStart(clang_getCursorExtent(c));
	const char *buf;
	unsigned off;
	size_t size;
	CXFile f;

	/* a macro argument's own text, or the macro's name for what the macro wrote */
	clang_getFileLocation(loc, &f, NULL, NULL, &off);
	if (!f)
		return 0;
	buf = clang_getFileContents(st->tu, f, &size);
	return buf && off < size ? buf[off] : 0;
}

static bool same_type(CXType a, CXType b)
{
	return clang_equalTypes(clang_getCanonicalType(a), clang_getCanonicalType(b));
}

/*
 * Which unary operator C is, for '&', '*' and '!' (else 0): from the source
 * when C is written there, else from the types where they tell (a macro).
 */
static char unary_op(struct parse_state *st, CXCursor c, CXCursor operand)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(c));
	CXType ot = clang_getCanonicalType(clang_getCursorType(operand));
	bool addr = t.kind == CXType_Pointer && same_type(clang_getPointeeType(t), ot);
	bool deref = ot.kind == CXType_Pointer && same_type(clang_getPointeeType(ot), t);
	bool not = ot.kind == CXType_Pointer && is_integer(t);
	unsigned op_off, operand_off;
	CXFile f1, f2;
	char ch = 0;

	/* written in the source: the operator comes before its operand */
	clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(c)), &f1, NULL, NULL,
			      &op_off);
	clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(operand)), &f2, NULL, NULL,
			      &operand_off);
	if (f1 && f2 && clang_File_isEqual(f1, f2) && op_off < operand_off)
		ch = char_at(st, c);

	if (ch == '&' && addr)
		return '&';
	if (ch == '*' && deref)
		return '*';
	if (ch == '!')
		return '!';
	if (ch)
		return 0;	/* -x, ~x, ++x ... */
	/* inside a macro: only where the types leave one reading */
	if (addr + deref + not == 1)
		return addr ? '&' : deref ? '*' : '!';
	return 0;
}

enum { LOW_WRITE = 1, LOW_ADDR = 2 };

static struct bg_val lower_expr(struct parse_state *st, CXCursor c, struct bg_stmt *seq, int mode);
static struct bg_cond *lower_cond(struct parse_state *st, CXCursor c);
static void lower_stmt(struct parse_state *st, CXCursor c, struct bg_stmt *seq);

static const struct bg_val val_other = { .kind = BG_VAL_OTHER, .call = -1 };

struct lower_all {
	struct parse_state *st;
	struct bg_stmt *seq;
};

/* Subexpressions of an expression not modelled: lower each for its effects. */
static enum CXChildVisitResult lower_subexpr(CXCursor c, CXCursor parent, CXClientData data)
{
	struct lower_all *la = data;
	enum CXCursorKind k = clang_getCursorKind(c);

	(void)parent;
	if (k == CXCursor_CompoundStmt || k == CXCursor_DeclStmt || k == CXCursor_ReturnStmt ||
	    k == CXCursor_IfStmt)
		lower_stmt(la->st, c, la->seq);
	else if (clang_isExpression(k))
		lower_expr(la->st, c, la->seq, 0);
	return la->st->err ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* What an lvalue expression reaches memory through: a variable and an offset. */
struct lvalue {
	char *var;
	long long off;		/* -1: unknown */
	int ctx_acc;		/* index of the context access it made, or -1 */
};

static int record_ctx_access(struct parse_state *st, CXCursor member, CXType base_ptr, int mode)
{
	CXType rec = clang_getCanonicalType(clang_getPointeeType(clang_getCanonicalType(base_ptr)));
	char *name = unqualified(rec), *field;
	struct bg_ctx_access *a;
	long long off;

	if (!name || !bg_prog_type__by_ctx(name)) {
		free(name);
		return -1;
	}
	field = cx_take(clang_getCursorSpelling(member));
	off = field ? clang_Type_getOffsetOf(rec, field) : -1;
	a = bg_func__add_ctx_access(st->func);
	if (!a) {
		free(name);
		free(field);
		st->err = -ENOMEM;
		return -1;
	}
	a->loc = loc_of(st, clang_getCursorLocation(member));
	a->ctx = name;
	a->field = field;
	a->off = off >= 0 ? off / 8 : -1;
	a->size = clang_Type_getSizeOf(clang_getCanonicalType(clang_getCursorType(member)));
	a->write = mode & LOW_WRITE;
	return (int)(st->func->nctx_acc - 1);
}

static bool lvalue_of(struct parse_state *st, CXCursor c, struct bg_stmt *seq, int mode,
		      struct lvalue *lv)
{
	struct kids k;
	struct bg_val v;
	long long idx, sz;

	c = strip_expr(c);
	lv->ctx_acc = -1;
	switch (clang_getCursorKind(c)) {
	case CXCursor_MemberRefExpr:
		if (kids_of(c, &k) < 1)
			return false;
		if (is_pointer(clang_getCursorType(k.v[0]))) {
			v = lower_expr(st, k.v[0], seq, 0);
			lv->ctx_acc = record_ctx_access(st, c, clang_getCursorType(k.v[0]), mode);
			if (v.kind != BG_VAL_VAR)
				return false;
			lv->var = v.var;
			lv->off = v.off;
		} else if (!lvalue_of(st, k.v[0], seq, mode, lv)) {
			return false;
		}
		if (lv->off >= 0) {
			CXCursor fd = clang_getCursorReferenced(c);
			long long fo = clang_Cursor_getOffsetOfField(fd);

			lv->off = fo >= 0 ? lv->off + fo / 8 : -1;
		}
		return true;
	case CXCursor_ArraySubscriptExpr:
		if (kids_of(c, &k) < 2)
			return false;
		sz = clang_Type_getSizeOf(clang_getCanonicalType(clang_getCursorType(c)));
		/* an array decays to a pointer: look at what it was */
		if (is_pointer(clang_getCursorType(k.v[0])) &&
		    clang_getCanonicalType(clang_getCursorType(strip_expr(k.v[0]))).kind != CXType_ConstantArray) {
			v = lower_expr(st, k.v[0], seq, 0);
			if (v.kind != BG_VAL_VAR) {
				lower_expr(st, k.v[1], seq, 0);
				return false;
			}
			lv->var = v.var;
			lv->off = v.off;
		} else if (!lvalue_of(st, k.v[0], seq, mode, lv)) {
			lower_expr(st, k.v[1], seq, 0);
			return false;
		}
		if (const_value(k.v[1], &idx) && sz > 0) {
			if (lv->off >= 0)
				lv->off += idx * sz;
			if (lv->ctx_acc >= 0) {
				st->func->ctx_acc[lv->ctx_acc].off += idx * sz;
				st->func->ctx_acc[lv->ctx_acc].size = sz;
			}
		} else {
			lower_expr(st, k.v[1], seq, 0);
			lv->off = -1;
			if (lv->ctx_acc >= 0)
				st->func->ctx_acc[lv->ctx_acc].var_off = true;
		}
		return true;
	case CXCursor_UnaryOperator:
		if (kids_of(c, &k) != 1 || unary_op(st, c, k.v[0]) != '*')
			return false;
		v = lower_expr(st, k.v[0], seq, 0);
		if (v.kind != BG_VAL_VAR)
			return false;
		lv->var = v.var;
		lv->off = v.off;
		return true;
	default:
		return false;
	}
}

/* An access through memory: MemberRef, ArraySubscript or a unary '*'. */
static struct bg_val lower_access(struct parse_state *st, CXCursor c, struct bg_stmt *seq, int mode)
{
	struct lvalue lv = {};
	struct bg_stmt *s;
	struct kids k;

	if (!lvalue_of(st, c, seq, mode, &lv))
		return val_other;
	/* p->array is an address: nothing is read until it is indexed */
	if (!(mode & LOW_ADDR) &&
	    clang_getCanonicalType(clang_getCursorType(c)).kind != CXType_ConstantArray) {
		s = new_stmt(st, BG_ST_DEREF, c);
		if (!s)
			return val_other;
		s->var = lv.var;
		s->off = lv.off;
		s->size = clang_Type_getSizeOf(clang_getCanonicalType(clang_getCursorType(c)));
		s->write = mode & LOW_WRITE;
		s->text = expr_text(st, c);
		emit(st, seq, s);
	}
	/*
	 * A pointer loaded from memory through a pointer: in kprobe, tracepoint
	 * and raw_tp programs the verifier sees a number (the flow rules use it
	 * only there).
	 */
	if (!(mode & (LOW_ADDR | LOW_WRITE)) && is_pointer(clang_getCursorType(c)) &&
	    clang_getCanonicalType(clang_getCursorType(c)).kind != CXType_ConstantArray)
		return (struct bg_val){ .kind = BG_VAL_SCALAR_PTR, .call = -1 };
	/* ctx->data and ctx->data_end: where packets start and end */
	if (clang_getCursorKind(c) == CXCursor_MemberRefExpr && lv.ctx_acc >= 0 &&
	    kids_of(c, &k) == 1) {
		const struct bg_ctx_access *a = &st->func->ctx_acc[lv.ctx_acc];

		if (!a->write && a->field && !strcmp(a->field, "data"))
			return (struct bg_val){ .kind = BG_VAL_PKT, .call = -1 };
		if (!a->write && a->field && !strcmp(a->field, "data_end"))
			return (struct bg_val){ .kind = BG_VAL_PKT_END, .call = -1 };
	}
	return val_other;
}

static void set_arg(struct parse_state *st, struct bg_arg *a, CXCursor e)
{
	CXCursor s = strip_expr(e);
	struct kids k;

	type_from(&a->type, clang_getCursorType(s));
	a->is_const = const_value(e, &a->value);
	if (clang_getCursorKind(s) == CXCursor_UnaryOperator && kids_of(s, &k) == 1 &&
	    is_pointer(clang_getCursorType(s)) &&
	    same_type(clang_getPointeeType(clang_getCanonicalType(clang_getCursorType(s))),
		      clang_getCursorType(k.v[0]))) {
		a->addr_of = true;
		s = strip_expr(k.v[0]);
	}
	if (clang_getCursorKind(s) == CXCursor_DeclRefExpr)
		a->ref = cx_take(clang_getCursorSpelling(clang_getCursorReferenced(s)));
}

static struct bg_val lower_call(struct parse_state *st, CXCursor call, struct bg_stmt *seq)
{
	CXCursor callee = clang_getCursorReferenced(call);
	enum CXCursorKind k = clang_getCursorKind(callee);
	struct bg_val v = val_other;
	struct bg_stmt *s;
	struct bg_call *c;
	int i, n = clang_Cursor_getNumArguments(call);
	char *name;

	name = cx_take(clang_getCursorSpelling(callee));
	if (name && !strcmp(name, "__builtin_expect") && n > 0) {
		free(name);
		return lower_expr(st, clang_Cursor_getArgument(call, 0), seq, 0);
	}
	/* CO-RE queries do not evaluate their argument: check->field there reads nothing */
	if (!name || strncmp(name, "__builtin_preserve_", 19) ||
	    !strcmp(name, "__builtin_preserve_access_index"))
		for (i = 0; i < n; i++)
			lower_expr(st, clang_Cursor_getArgument(call, i), seq, 0);
	if (k != CXCursor_FunctionDecl && k != CXCursor_VarDecl && k != CXCursor_ParmDecl &&
	    k != CXCursor_FieldDecl) {
		free(name);
		return val_other;
	}
	c = bg_func__add_call(st->func);
	if (!c) {
		free(name);
		st->err = -ENOMEM;
		return val_other;
	}
	c->callee = name;
	c->indirect = k != CXCursor_FunctionDecl;
	c->loc = loc_of(st, clang_getCursorLocation(call));
	if (n > 0) {
		c->args = calloc(n, sizeof(*c->args));
		if (!c->args) {
			st->err = -ENOMEM;
			return val_other;
		}
		c->nargs = n;
		for (i = 0; i < n; i++)
			set_arg(st, &c->args[i], clang_Cursor_getArgument(call, i));
	}
	s = new_stmt(st, BG_ST_CALL, call);
	if (s) {
		s->call = (int)(st->func->ncalls - 1);
		emit(st, seq, s);
	}
	v.kind = BG_VAL_CALL;
	v.call = (int)(st->func->ncalls - 1);
	return v;
}

/* The value stored by an assignment: an integer constant is kept as one. */
static struct bg_val lower_value(struct parse_state *st, CXCursor c, struct bg_stmt *seq)
{
	long long n;

	if (is_integer(clang_getCursorType(c)) && clang_getCursorKind(strip_expr(c)) != CXCursor_CallExpr &&
	    const_value(c, &n))
		return (struct bg_val){ .kind = BG_VAL_CONST, .call = -1, .off = n };
	return lower_expr(st, c, seq, 0);
}

static struct bg_stmt *lower_branch(struct parse_state *st, CXCursor c, bool as_stmt)
{
	struct bg_stmt *seq = new_stmt(st, BG_ST_SEQ, clang_getNullCursor());

	if (seq) {
		if (as_stmt)
			lower_stmt(st, c, seq);
		else
			lower_expr(st, c, seq, 0);
	}
	return seq;
}

static struct bg_val lower_binop(struct parse_state *st, CXCursor c, struct bg_stmt *seq, int mode)
{
	struct bg_val v = val_other, r;
	struct bg_stmt *s;
	struct kids k;
	enum binop op;
	long long n, esz;
	char *var, *idx;

	if (kids_of(c, &k) != 2)
		goto generic;
	op = binop_of(st, k.v[0], k.v[1]);
	switch (op) {
	case OP_ASSIGN:
		var = local_var(st, k.v[0]);
		r = lower_value(st, k.v[1], seq);
		if (var) {
			s = new_stmt(st, BG_ST_ASSIGN, c);
			if (s) {
				s->var = var;
				s->val = r;
				emit(st, seq, s);
			}
			return (struct bg_val){ .kind = BG_VAL_VAR, .var = var, .call = -1 };
		}
		lower_expr(st, k.v[0], seq, LOW_WRITE);
		if (r.kind == BG_VAL_VAR && r.off == 0 && is_pointer(clang_getCursorType(k.v[1]))) {
			/* stored in memory: someone else may release or check it */
			s = new_stmt(st, BG_ST_FORGET, c);
			if (s) {
				s->var = r.var;
				emit(st, seq, s);
			}
		}
		return val_other;
	case OP_ADD_ASSIGN:
	case OP_SUB_ASSIGN:
	case OP_OTHER_ASSIGN:
		var = local_var(st, k.v[0]);
		if (var) {
			s = new_stmt(st, BG_ST_ASSIGN, c);
			if (!s)
				return val_other;
			s->var = var;
			s->val.kind = BG_VAL_OTHER;
			esz = is_pointer(clang_getCursorType(k.v[0])) ?
			      pointee_size(clang_getCursorType(k.v[0])) :
			      is_integer(clang_getCursorType(k.v[0])) ? 1 : -1;
			if (op != OP_OTHER_ASSIGN && const_value(k.v[1], &n) && esz > 0) {
				s->val.kind = BG_VAL_VAR;
				s->val.var = var;
				s->val.off = (op == OP_ADD_ASSIGN ? n : -n) * esz;
			} else {
				lower_expr(st, k.v[1], seq, 0);
			}
			emit(st, seq, s);
			return val_other;
		}
		lower_expr(st, k.v[1], seq, 0);
		lower_expr(st, k.v[0], seq, LOW_WRITE);
		return val_other;
	case OP_ADD:
	case OP_SUB:
		if (is_pointer(clang_getCursorType(c)) && is_pointer(clang_getCursorType(k.v[0]))) {
			v = lower_expr(st, k.v[0], seq, 0);
			esz = pointee_size(clang_getCursorType(k.v[0]));
			idx = NULL;
			if (!const_value(k.v[1], &n) || esz < 0) {
				idx = op == OP_ADD && esz > 0 ? local_var(st, k.v[1]) : NULL;
				lower_expr(st, k.v[1], seq, 0);
				n = -1;
			}
			if (v.kind == BG_VAL_VAR || v.kind == BG_VAL_PKT) {
				if (idx && !v.idx && v.off >= 0) {
					/* data + nh_off: known when nh_off is */
					v.idx = idx;
					v.scale = esz;
				} else if (n < 0 || v.off < 0) {
					v.off = -1;
				} else if (op == OP_ADD) {
					v.off += n * esz;
				} else {
					v.off = v.off >= n * esz ? v.off - n * esz : -1;
				}
				return v;
			}
			return val_other;
		}
		goto generic;
	case OP_LAND:
	case OP_LOR:
		s = new_stmt(st, BG_ST_IF, c);
		if (!s)
			return val_other;
		s->cond = lower_cond(st, k.v[0]);
		emit(st, seq, s);
		if (bg_stmt__add(st->m, s, op == OP_LAND ? lower_branch(st, k.v[1], false) : NULL) ||
		    bg_stmt__add(st->m, s, op == OP_LOR ? lower_branch(st, k.v[1], false) : NULL))
			st->err = -ENOMEM;
		return val_other;
	case OP_COMMA:
		lower_expr(st, k.v[0], seq, 0);
		return lower_expr(st, k.v[1], seq, mode);
	default:
		break;
	}
generic:
	for (int i = 0; i < k.n; i++)
		lower_expr(st, k.v[i], seq, 0);
	return val_other;
}

static struct bg_val lower_expr_at(struct parse_state *st, CXCursor c, struct bg_stmt *seq,
				   int mode);

static struct bg_val lower_expr(struct parse_state *st, CXCursor c, struct bg_stmt *seq, int mode)
{
	struct bg_val v;

	if (st->err || st->too_deep || clang_Cursor_isNull(c))
		return val_other;
	if (st->depth >= MAX_LOWER_DEPTH) {
		st->too_deep = true;
		return val_other;
	}
	st->depth++;
	v = lower_expr_at(st, c, seq, mode);
	st->depth--;
	return v;
}

static struct bg_val lower_expr_at(struct parse_state *st, CXCursor c, struct bg_stmt *seq, int mode)
{
	struct bg_val v = val_other;
	struct bg_stmt *s;
	struct kids k;
	CXType t, ct;
	long long n;
	char *var;

	switch (clang_getCursorKind(c)) {
	case CXCursor_UnexposedExpr:
	case CXCursor_ParenExpr:
		if (kids_of(c, &k) == 1)
			return lower_expr(st, k.v[0], seq, mode);
		goto generic;
	case CXCursor_UnaryExpr:	/* sizeof, alignof: not evaluated */
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_StringLiteral:
	case CXCursor_FloatingLiteral:
		return val_other;
	case CXCursor_DeclRefExpr:
		var = local_var(st, c);
		if (var) {
			v.kind = BG_VAL_VAR;
			v.var = var;
			/* &ptr lets others write the pointer: stop trusting what we know */
			if ((mode & LOW_ADDR) && is_pointer(clang_getCursorType(c))) {
				s = new_stmt(st, BG_ST_FORGET, c);
				if (s) {
					s->var = var;
					emit(st, seq, s);
				}
			}
		}
		return v;
	case CXCursor_CallExpr:
		return lower_call(st, c, seq);
	case CXCursor_MemberRefExpr:
	case CXCursor_ArraySubscriptExpr:
		return lower_access(st, c, seq, mode);
	case CXCursor_UnaryOperator:
		if (kids_of(c, &k) != 1)
			goto generic;
		t = clang_getCanonicalType(clang_getCursorType(c));
		ct = clang_getCanonicalType(clang_getCursorType(k.v[0]));
		switch (unary_op(st, c, k.v[0])) {
		case '&':
			/* &x: an address, no access */
			lower_expr(st, k.v[0], seq, LOW_ADDR);
			return val_other;
		case '*':
			return lower_access(st, c, seq, mode);
		default:
			break;
		}
		if (ct.kind == CXType_Pointer && same_type(t, ct) && (var = local_var(st, k.v[0]))) {
			/* p++ and friends */
			lower_expr(st, k.v[0], seq, 0);
			s = new_stmt(st, BG_ST_FORGET, c);
			if (s) {
				s->var = var;
				emit(st, seq, s);
			}
			return val_other;
		}
		lower_expr(st, k.v[0], seq, 0);
		return val_other;
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
		return lower_binop(st, c, seq, mode);
	case CXCursor_ConditionalOperator:
		if (kids_of(c, &k) != 3)
			goto generic;
		s = new_stmt(st, BG_ST_IF, c);
		if (!s)
			return val_other;
		s->cond = lower_cond(st, k.v[0]);
		emit(st, seq, s);
		if (bg_stmt__add(st->m, s, lower_branch(st, k.v[1], false)) ||
		    bg_stmt__add(st->m, s, lower_branch(st, k.v[2], false)))
			st->err = -ENOMEM;
		return val_other;
	case CXCursor_CStyleCastExpr:
		if (kids_of(c, &k) < 1)
			return val_other;
		t = clang_getCursorType(c);
		ct = clang_getCursorType(k.v[k.n - 1]);
		if (is_pointer(t) && is_integer(ct)) {
			if (const_value(k.v[k.n - 1], &n))
				return n == 0 ? (struct bg_val){ .kind = BG_VAL_NULL, .call = -1 } : val_other;
			v = lower_expr(st, k.v[k.n - 1], seq, mode);
			if (v.kind == BG_VAL_PKT || v.kind == BG_VAL_PKT_END)
				return v;
			/* an integer made a pointer: the verifier sees a scalar */
			return (struct bg_val){ .kind = BG_VAL_SCALAR_PTR, .call = -1 };
		}
		return lower_expr(st, k.v[k.n - 1], seq, mode);
	case CXCursor_StmtExpr:
		if (kids_of(c, &k) >= 1)
			lower_stmt(st, k.v[0], seq);
		return val_other;
	default:
		break;
	}
generic:
	clang_visitChildren(c, lower_subexpr, &(struct lower_all){ st, seq });
	return val_other;
}

struct var_names {
	struct parse_state *st;
	struct bg_cond *cond;
};

static void collect_vars(struct var_names *vn, CXCursor c);
static void collect_vars_at(struct var_names *vn, CXCursor c);

static void add_var(struct var_names *vn, char *name)
{
	char **v = bg_model__alloc(vn->st->m, (vn->cond->nvars + 1) * sizeof(*v));

	if (!v) {
		vn->st->err = -ENOMEM;
		return;
	}
	if (vn->cond->nvars)
		memcpy(v, vn->cond->vars, vn->cond->nvars * sizeof(*v));
	v[vn->cond->nvars++] = name;
	vn->cond->vars = v;
}

/*
 * The variables a condition we do not understand may be testing. A pointer
 * only read through (p->x > 3, *p, p[i]) is not tested for NULL itself.
 */
static void collect_vars(struct var_names *vn, CXCursor c)
{
	if (vn->st->depth >= MAX_LOWER_DEPTH) {
		vn->st->too_deep = true;
		return;
	}
	vn->st->depth++;
	collect_vars_at(vn, c);
	vn->st->depth--;
}

static void collect_vars_at(struct var_names *vn, CXCursor c)
{
	struct kids k;
	char *name;
	int i, n;

	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclRefExpr:
		name = local_var(vn->st, c);
		if (name)
			add_var(vn, name);
		return;
	case CXCursor_MemberRefExpr:
		n = kids_of(c, &k);
		if (n == 1 && !is_pointer(clang_getCursorType(k.v[0])))
			collect_vars(vn, k.v[0]);
		return;
	case CXCursor_ArraySubscriptExpr:
		if (kids_of(c, &k) == 2) {
			if (!is_pointer(clang_getCursorType(k.v[0])))
				collect_vars(vn, k.v[0]);
			collect_vars(vn, k.v[1]);
		}
		return;
	case CXCursor_UnaryOperator:
		if (kids_of(c, &k) == 1 && unary_op(vn->st, c, k.v[0]) == '*')
			return;	/* *p */
		break;
	case CXCursor_UnaryExpr:
		return;	/* sizeof */
	default:
		break;
	}
	n = kids_of(c, &k);
	for (i = 0; i < n; i++)
		collect_vars(vn, k.v[i]);
}

static struct bg_cond *new_cond(struct parse_state *st, enum bg_cond_kind kind)
{
	struct bg_cond *c = bg_model__alloc(st->m, sizeof(*c));

	if (!c) {
		st->err = -ENOMEM;
		return NULL;
	}
	c->kind = kind;
	c->pre = new_stmt(st, BG_ST_SEQ, clang_getNullCursor());
	return c;
}

static bool is_null_const(CXCursor e)
{
	long long v;

	return const_value(strip_expr(e), &v) && v == 0;
}

static struct bg_cond *lower_cond_at(struct parse_state *st, CXCursor c);

static struct bg_cond *lower_cond(struct parse_state *st, CXCursor c)
{
	struct bg_cond *cond;

	if (st->depth >= MAX_LOWER_DEPTH) {
		st->too_deep = true;
		return new_cond(st, BG_COND_OTHER);
	}
	st->depth++;
	cond = lower_cond_at(st, c);
	st->depth--;
	return cond;
}

static struct bg_cond *lower_cond_at(struct parse_state *st, CXCursor c)
{
	struct bg_cond *cond = new_cond(st, BG_COND_OTHER);
	struct var_names vn = { .st = st, .cond = cond };
	struct bg_val a, b;
	struct kids k;
	CXCursor s;
	enum binop op;
	char *name;

	if (!cond)
		return NULL;
	s = strip_expr(c);
	switch (clang_getCursorKind(s)) {
	case CXCursor_CallExpr:
		name = cx_take(clang_getCursorSpelling(clang_getCursorReferenced(s)));
		if (name && !strcmp(name, "__builtin_expect") && clang_Cursor_getNumArguments(s) > 0) {
			free(name);
			return lower_cond(st, clang_Cursor_getArgument(s, 0));
		}
		free(name);
		break;
	case CXCursor_UnaryOperator:
		if (kids_of(s, &k) == 1 && unary_op(st, s, k.v[0]) == '!') {
			cond->kind = BG_COND_NOT;
			cond->l = lower_cond(st, k.v[0]);
			return cond;
		}
		break;
	case CXCursor_BinaryOperator:
		if (kids_of(s, &k) != 2)
			break;
		op = binop_of(st, k.v[0], k.v[1]);
		if (op == OP_LAND || op == OP_LOR) {
			cond->kind = op == OP_LAND ? BG_COND_AND : BG_COND_OR;
			cond->l = lower_cond(st, k.v[0]);
			cond->r = lower_cond(st, k.v[1]);
			return cond;
		}
		if ((op == OP_EQ || op == OP_NE) &&
		    (is_pointer(clang_getCursorType(k.v[0])) || is_pointer(clang_getCursorType(k.v[1])))) {
			int side = is_null_const(k.v[1]) ? 0 : is_null_const(k.v[0]) ? 1 : -1;
			struct bg_cond *not;

			if (side < 0)
				break;
			a = lower_expr(st, k.v[side], cond->pre, 0);
			if (a.kind != BG_VAL_VAR || a.off != 0)
				goto other;
			cond->kind = BG_COND_NONNULL;
			cond->var = a.var;
			if (op == OP_NE)
				return cond;
			not = new_cond(st, BG_COND_NOT);
			if (!not)
				return cond;
			not->pre = cond->pre;
			cond->pre = NULL;
			not->l = cond;
			return not;
		}
		if (op == OP_LT || op == OP_GT || op == OP_LE || op == OP_GE) {
			a = lower_expr(st, k.v[0], cond->pre, 0);
			b = lower_expr(st, k.v[1], cond->pre, 0);
			if (!is_pointer(clang_getCursorType(k.v[0])) &&
			    !is_pointer(clang_getCursorType(k.v[1])) && a.kind != BG_VAL_PKT &&
			    b.kind != BG_VAL_PKT_END && a.kind != BG_VAL_PKT_END && b.kind != BG_VAL_PKT)
				goto other;
			/* x > y is y < x, x >= y is y <= x */
			cond->kind = BG_COND_LESS;
			cond->a = op == OP_LT || op == OP_LE ? a : b;
			cond->b = op == OP_LT || op == OP_LE ? b : a;
			cond->strict = op == OP_LT || op == OP_GT;
			collect_vars(&vn, c);
			return cond;
			goto other;
		}
		break;
	default:
		break;
	}
	if (is_pointer(clang_getCursorType(s))) {
		/* if (p), if ((p = lookup(...))) */
		a = lower_expr(st, s, cond->pre, 0);
		if (a.kind == BG_VAL_VAR && a.off == 0) {
			cond->kind = BG_COND_NONNULL;
			cond->var = a.var;
			return cond;
		}
		goto other;
	}
	lower_expr(st, s, cond->pre, 0);
other:
	cond->kind = BG_COND_OTHER;
	collect_vars(&vn, c);
	return cond;
}

static void lower_decl(struct parse_state *st, CXCursor var, struct bg_stmt *seq)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(var));
	struct bg_val v = val_other;
	struct bg_stmt *s;
	struct kids k;
	long long size;
	unsigned name_off;
	int i;

	if (clang_Cursor_getStorageClass(var) == CX_SC_Static ||
	    clang_Cursor_getStorageClass(var) == CX_SC_Extern)
		return;
	if (t.kind == CXType_ConstantArray || t.kind == CXType_Record) {
		size = clang_Type_getSizeOf(t);
		/*
		 * Locals of blocks that do not enclose each other share slots
		 * (clang colours the stack by lifetime, and an unrolled loop's
		 * body is one block): a frame is the deepest nest, not the sum.
		 */
		if (size > 0) {
			st->scope_frame += (size + 7) & ~7LL;
			if (st->scope_frame > st->func->frame)
				st->func->frame = st->scope_frame;
			if (size > st->func->frame_big) {
				st->func->frame_big = size;
				st->func->frame_loc = loc_of(st, clang_getCursorLocation(var));
			}
		}
	}
	/*
	 * The initializer is the last expression after the name: one before it
	 * is a typeof() in the type, which is never evaluated.
	 */
	clang_getExpansionLocation(clang_getCursorLocation(var), NULL, NULL, NULL, &name_off);
	kids_of(var, &k);
	for (i = k.n - 1; i >= 0; i--) {
		unsigned off;

		if (!clang_isExpression(clang_getCursorKind(k.v[i])))
			continue;
		clang_getExpansionLocation(clang_getRangeStart(clang_getCursorExtent(k.v[i])), NULL,
					   NULL, NULL, &off);
		if (off > name_off)
			v = lower_value(st, k.v[i], seq);
		break;
	}
	s = new_stmt(st, BG_ST_ASSIGN, var);
	if (!s)
		return;
	s->var = arena_take(st, clang_getCursorSpelling(var));
	s->val = v;
	emit(st, seq, s);
}

/* Every child in order: statements as statements, expressions as expressions. */
static enum CXChildVisitResult lower_child(CXCursor c, CXCursor parent, CXClientData data)
{
	struct lower_all *la = data;
	enum CXCursorKind k = clang_getCursorKind(c);

	(void)parent;
	if (clang_isStatement(k) || k == CXCursor_CallExpr)
		lower_stmt(la->st, c, la->seq);
	else if (clang_isExpression(k))
		lower_expr(la->st, c, la->seq, 0);
	return la->st->err ? CXChildVisit_Break : CXChildVisit_Continue;
}

static void lower_stmt_at(struct parse_state *st, CXCursor c, struct bg_stmt *seq);

static void lower_stmt(struct parse_state *st, CXCursor c, struct bg_stmt *seq)
{
	if (st->err || st->too_deep || clang_Cursor_isNull(c))
		return;
	if (st->depth >= MAX_LOWER_DEPTH) {
		st->too_deep = true;
		return;
	}
	st->depth++;
	lower_stmt_at(st, c, seq);
	st->depth--;
}

static void lower_stmt_at(struct parse_state *st, CXCursor c, struct bg_stmt *seq)
{
	struct bg_stmt *s, *body;
	long long saved_frame;
	struct kids k;
	struct bg_val v;
	int i, n;

	switch (clang_getCursorKind(c)) {
	case CXCursor_CompoundStmt:
		saved_frame = st->scope_frame;
		clang_visitChildren(c, lower_child, &(struct lower_all){ st, seq });
		st->scope_frame = saved_frame;
		return;
	case CXCursor_DeclStmt:
		kids_of(c, &k);
		for (i = 0; i < k.n; i++)
			if (clang_getCursorKind(k.v[i]) == CXCursor_VarDecl)
				lower_decl(st, k.v[i], seq);
		return;
	case CXCursor_IfStmt:
		n = kids_of(c, &k);
		if (n < 2)
			return;
		s = new_stmt(st, BG_ST_IF, c);
		if (!s)
			return;
		s->cond = lower_cond(st, k.v[0]);
		emit(st, seq, s);
		if (bg_stmt__add(st->m, s, lower_branch(st, k.v[1], true)) ||
		    bg_stmt__add(st->m, s, n > 2 ? lower_branch(st, k.v[2], true) : NULL))
			st->err = -ENOMEM;
		return;
	case CXCursor_WhileStmt:
	case CXCursor_DoStmt:
	case CXCursor_ForStmt:
		n = kids_of(c, &k);
		if (n < 1)
			return;
		s = new_stmt(st, BG_ST_LOOP, c);
		if (!s)
			return;
		if (clang_getCursorKind(c) == CXCursor_WhileStmt && n == 2) {
			s->cond = lower_cond(st, k.v[0]);
		} else if (clang_getCursorKind(c) == CXCursor_DoStmt) {
			s->write = true;	/* do-while: the body runs at least once */
		} else {
			/* for: which of init, cond and inc are present is not visible; run them first */
			for (i = 0; i < n - 1; i++)
				lower_stmt(st, k.v[i], seq);
		}
		emit(st, seq, s);
		body = lower_branch(st, clang_getCursorKind(c) == CXCursor_DoStmt ? k.v[0] : k.v[n - 1],
				    true);
		if (clang_getCursorKind(c) == CXCursor_DoStmt && n == 2)
			lower_stmt(st, k.v[1], body);
		if (bg_stmt__add(st->m, s, body))
			st->err = -ENOMEM;
		return;
	case CXCursor_ReturnStmt:
		s = new_stmt(st, BG_ST_RETURN, c);
		if (!s)
			return;
		s->val = val_other;
		if (kids_of(c, &k) >= 1) {
			v = lower_expr(st, k.v[0], seq, 0);
			s->val = v;
		}
		add_return(st, c);
		emit(st, seq, s);
		return;
	case CXCursor_GotoStmt:
		s = new_stmt(st, BG_ST_GOTO, c);
		if (s) {
			s->text = arena_take(st, clang_getCursorSpelling(clang_getCursorReferenced(c)));
			emit(st, seq, s);
		}
		return;
	case CXCursor_LabelStmt:
		s = new_stmt(st, BG_ST_LABEL, c);
		if (s) {
			s->text = arena_take(st, clang_getCursorSpelling(c));
			emit(st, seq, s);
		}
		kids_of(c, &k);
		for (i = 0; i < k.n; i++)
			lower_stmt(st, k.v[i], seq);
		return;
	case CXCursor_BreakStmt:
		emit(st, seq, new_stmt(st, BG_ST_BREAK, c));
		return;
	case CXCursor_ContinueStmt:
		emit(st, seq, new_stmt(st, BG_ST_CONTINUE, c));
		return;
	case CXCursor_SwitchStmt:
		n = kids_of(c, &k);
		if (n < 2)
			return;
		lower_expr(st, k.v[0], seq, 0);
		s = new_stmt(st, BG_ST_SWITCH, c);
		if (!s)
			return;
		emit(st, seq, s);
		if (bg_stmt__add(st->m, s, lower_branch(st, k.v[n - 1], true)))
			st->err = -ENOMEM;
		return;
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt:
		s = new_stmt(st, BG_ST_CASE, c);
		if (s)
			s->write = clang_getCursorKind(c) == CXCursor_DefaultStmt;
		emit(st, seq, s);
		n = kids_of(c, &k);
		if (n >= 1)
			lower_stmt(st, k.v[n - 1], seq);
		return;
	case CXCursor_NullStmt:
	case CXCursor_GCCAsmStmt:
		return;
	case CXCursor_CallExpr:
		v = lower_call(st, c, seq);
		if (v.kind == BG_VAL_CALL && v.call >= 0)
			st->func->calls[v.call].result_unused = true;
		return;
	default:
		if (clang_isExpression(clang_getCursorKind(c)))
			lower_expr(st, c, seq, 0);
		else if (clang_isStatement(clang_getCursorKind(c))) {
			kids_of(c, &k);
			for (i = 0; i < k.n; i++)
				lower_stmt(st, k.v[i], seq);
		}
		return;
	}
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

	f->params = bg_model__alloc(st->m, (f->nparams + 1) * sizeof(*f->params));
	for (i = 0; f->params && i < f->nparams; i++)
		f->params[i] = arena_take(st, clang_getCursorSpelling(clang_Cursor_getArgument(fn, i)));
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

/*
 * The leading #include lines of FILE that many files share: system headers
 * (<...>) and "vmlinux.h", before any other line of code or directive.
 * Returns them (owned by the caller) or NULL when there are none.
 */
static char *shared_prefix(const char *file, bool *quoted)
{
	char buf[16384], *text = NULL, *line, *end;
	size_t n, len = 0;
	bool in_comment = false;
	FILE *f;

	*quoted = false;
	f = fopen(file, "rb");
	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	for (line = buf; line && *line; line = end ? end + 1 : NULL) {
		char *p = line;

		end = strchr(line, '\n');
		if (!end)
			break;	/* a partial line: stop before it */
		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		if (in_comment) {
			char *close = strstr(p, "*/");

			if (close && close < end) {
				in_comment = false;
				p = close + 2;
				while (*p == ' ' || *p == '\t' || *p == '\r')
					p++;
				if (p != end)
					break;
			}
			continue;
		}
		if (p == end || !strncmp(p, "//", 2))
			continue;
		if (!strncmp(p, "/*", 2)) {
			char *close = strstr(p + 2, "*/");

			if (!close || close > end)
				in_comment = true;
			else if (close + 2 < end && strspn(close + 2, " \t\r") != (size_t)(end - close - 2))
				break;
			continue;
		}
		if (strncmp(p, "#include", 8))
			break;
		p += 8;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '"' && !strncmp(p, "\"vmlinux.h\"", 11))
			*quoted = true;
		else if (*p != '<')
			break;
		{
			char *grown = realloc(text, len + (end - line) + 2);

			if (!grown) {
				free(text);
				return NULL;
			}
			text = grown;
			memcpy(text + len, line, end - line);
			len += end - line;
			text[len++] = '\n';
			text[len] = '\0';
		}
	}
	return text;
}

/* FNV-1a, for cache file names. */
static unsigned long long hash_str(unsigned long long h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return (h ^ 0xff) * 0x100000001b3ULL;
}

static bool has_errors(CXTranslationUnit tu)
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

struct pch_decls {
	struct pch_decl *v;
	size_t n;
	bool unfit;	/* a declaration that cannot be found again by place */
};

static void pch_decls__free(struct pch_decls *d)
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
	if (d.unfit || stat(pch_path, &sb) || asprintf(&tmp, "%s.%d", path, (int)getpid()) < 0) {
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
static int pch_decls__read(const char *path, const char *pch_path, struct pch_decls *d)
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
static int pch_decls__find(struct parse_state *st, const struct pch_decls *d, CXCursor *out)
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
 * that the headers it holds have not changed when it is loaded. Returns its
 * path (owned by the caller) or NULL when FILE has no prefix or it fails, and
 * in *DECLS the path of its list of declarations (pch_decls__write()).
 */
static char *cached_pch(const char *cache_dir, const char *file, const char **argv, int argc,
			char **decls)
{
	char *prefix, *pch = NULL, *hdr = NULL, *tmp = NULL, *dir = NULL, *slash;
	const char **args = NULL;
	CXTranslationUnit tu = NULL;
	CXIndex index = NULL;
	unsigned long long h = 0xcbf29ce484222325ULL;
	bool quoted;
	int i, n = 0;
	FILE *f;

	*decls = NULL;
	prefix = shared_prefix(file, &quoted);
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
	h = hash_str(h, BPFGEN_VERSION);
	h = hash_str(h, prefix);
	for (i = 0; i < argc; i++)
		h = hash_str(h, argv[i]);
	if (quoted) {
		/* "vmlinux.h" is looked up next to FILE first */
		char *abs = realpath(dir, NULL);

		h = hash_str(h, abs ? abs : dir);
		free(abs);
	}
	if (asprintf(&pch, "%s/%016llx.pch", cache_dir, h) < 0 ||
	    asprintf(decls, "%s/%016llx.decls", cache_dir, h) < 0 ||
	    asprintf(&hdr, "%s/%016llx.h", cache_dir, h) < 0 ||
	    asprintf(&tmp, "%s/%016llx.pch.%d", cache_dir, h, (int)getpid()) < 0) {
		free(pch);
		pch = NULL;
		goto out;
	}
	if (!access(pch, R_OK))
		goto out;
	f = fopen(hdr, "w");
	if (!f || fputs(prefix, f) < 0 || fclose(f)) {
		if (f)
			fclose(f);
		goto fail;
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
	if (rename(tmp, pch))
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
		pch = cached_pch(cache_dir, file, argv, argc, &decls_path);
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
		cerr = clang_parseTranslationUnit2(index, file, argv, argc + 2, NULL, 0,
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
		cerr = index ? clang_parseTranslationUnit2(index, file, argv, argc, NULL, 0,
							   CXTranslationUnit_KeepGoing, &st.tu) :
			       CXError_Failure;
		if (cerr != CXError_Success || !st.tu) {
			err = cerr == CXError_ASTReadError ? -EINVAL : -EIO;
			goto out;
		}
		/* clean without it: the cached header was the trouble */
		if (pch && !has_errors(st.tu))
			unlink(pch);
	}
	st.main_file = clang_getFile(st.tu, file);
	st.m->libbpf_major = -1;
	clang_getInclusions(st.tu, note_inclusion, st.m);
	add_clang_diags(&st, diags);
	for (n = 0; cursors && n < decls.n && !st.err; n++)
		visit_top(cursors[n], clang_getNullCursor(), &st);
	if (!st.err)
		clang_visitChildren(clang_getTranslationUnitCursor(st.tu), visit_top, &st);
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

int bg_compdb__load(const char *build_dir, struct bg_compdb **out)
{
	CXCompilationDatabase_Error cerr;
	CXCompilationDatabase db;
	CXCompileCommands cmds;
	struct bg_compdb *c;
	unsigned i, j, n, nargs;
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
		/* the compiler, the source and what only a compile does are not ours */
		for (j = 1; j < nargs; j++) {
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
	}
	free(c->v);
	free(c);
}
