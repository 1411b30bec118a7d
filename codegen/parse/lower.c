// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * libclang -> flow IR: each function body lowered to statements,
 * values and conditions for the flow rules.
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
char *first_identifier(struct parse_state *st, CXCursor expr)
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

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent, CXClientData data)
{
	struct kids *k = data;

	(void)parent;
	if (k->n < 8)
		k->v[k->n] = c;
	k->n++;
	return CXChildVisit_Continue;
}

int kids_of(CXCursor c, struct kids *k)
{
	k->n = 0;
	clang_visitChildren(c, collect, k);
	if (k->n > 8)
		k->n = 8;
	return k->n;
}

/* The last child of C, or a null cursor. */
static CXCursor last_child(CXCursor c)
{
	struct kids k;

	if (kids_of(c, &k) == 0)
		return clang_getNullCursor();
	return k.v[k.n - 1];
}

static bool const_value(CXCursor e, long long *v);

/*
 * Record the value EXPR gives a return at LOC: a constant, the result of a
 * call, or, for "c ? a : b", each branch as a return of its own.
 */
static void add_return_value(struct parse_state *st, struct bg_loc loc, CXCursor expr, int depth)
{
	struct bg_return *r;
	CXCursor inner;
	CXEvalResult ev;
	struct kids k;
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
	/* a typed action, (bpfgen_xdp_action){ .___value = 2 }: its value */
	if (!is_const && clang_getCursorKind(inner) == CXCursor_CompoundLiteralExpr) {
		CXCursor init = last_child(inner);

		if (clang_getCursorKind(init) == CXCursor_InitListExpr &&
		    !clang_Cursor_isNull(init = last_child(init)))
			is_const = const_value(init, &value);
	}
	if (!is_const && depth < 4 && clang_getCursorKind(inner) == CXCursor_ConditionalOperator) {
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
	/* body(ctx).___value: the entry of a typed program returns its body's action */
	if (clang_getCursorKind(inner) == CXCursor_MemberRefExpr && kids_of(inner, &k) == 1)
		inner = strip_expr(k.v[0]);
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

char *arena_take(struct parse_state *st, CXString s)
{
	char *r = bg_model__strdup(st->m, clang_getCString(s));

	clang_disposeString(s);
	if (!r)
		st->err = -ENOMEM;
	return r;
}

struct bg_stmt *new_stmt(struct parse_state *st, enum bg_stmt_kind kind, CXCursor at)
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

long long pointee_size(CXType t)
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
	OP_HIDDEN,	/* inside a macro: the operator's text is not in the file */
};

/*
 * libclang 14 does not say which operator a BinaryOperator is: read it from
 * the source between the operands. Inside a macro the text is not there:
 * OP_HIDDEN, which the rules treat as "not understood" (OP_OTHER), except
 * where the expression is a statement of its own: see lower_binop().
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
		return OP_HIDDEN;
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

/* E is the counter of an enclosing loop of a small constant trip count. */
static bool is_counter(struct parse_state *st, CXCursor e)
{
	CXCursor s = strip_expr(e), d;
	int i;

	if (clang_getCursorKind(s) != CXCursor_DeclRefExpr)
		return false;
	d = clang_getCursorReferenced(s);
	for (i = 0; i < st->ncounted; i++)
		if (clang_equalCursors(d, st->counted[i]))
			return true;
	return false;
}

#define MAX_UNROLL_TRIPS 64

/*
 * The counter of for (i = A; i < B; i++) with constant A and B and at most
 * MAX_UNROLL_TRIPS trips, which clang unrolls fully at -O2 when the body is
 * small (and always under #pragma unroll); else a null cursor.
 */
static CXCursor loop_counter(struct parse_state *st, const struct kids *k, int n)
{
	CXCursor init, var = clang_getNullCursor(), cond, lhs;
	struct kids ik, ck;
	long long a, b;

	if (n != 4)
		return clang_getNullCursor();
	init = k->v[0];
	if (clang_getCursorKind(init) == CXCursor_DeclStmt && kids_of(init, &ik) == 1 &&
	    clang_getCursorKind(ik.v[0]) == CXCursor_VarDecl) {
		var = ik.v[0];
		if (kids_of(var, &ik) < 1 || !const_value(ik.v[ik.n - 1], &a))
			return clang_getNullCursor();
	} else if (clang_getCursorKind(init) == CXCursor_BinaryOperator && kids_of(init, &ik) == 2 &&
		   binop_of(st, ik.v[0], ik.v[1]) == OP_ASSIGN &&
		   clang_getCursorKind(strip_expr(ik.v[0])) == CXCursor_DeclRefExpr &&
		   const_value(ik.v[1], &a)) {
		var = clang_getCursorReferenced(strip_expr(ik.v[0]));
	} else {
		return clang_getNullCursor();
	}
	cond = strip_expr(k->v[1]);
	if (clang_getCursorKind(cond) != CXCursor_BinaryOperator || kids_of(cond, &ck) != 2)
		return clang_getNullCursor();
	lhs = strip_expr(ck.v[0]);
	if (clang_getCursorKind(lhs) != CXCursor_DeclRefExpr ||
	    !clang_equalCursors(clang_getCursorReferenced(lhs), var) || !const_value(ck.v[1], &b))
		return clang_getNullCursor();
	switch (binop_of(st, ck.v[0], ck.v[1])) {
	case OP_LT:
		break;
	case OP_LE:
		b++;
		break;
	default:
		return clang_getNullCursor();
	}
	if (b - a <= 0 || b - a > MAX_UNROLL_TRIPS)
		return clang_getNullCursor();
	return var;
}


static char char_at(struct parse_state *st, CXCursor c);

/* Where C is spelled: the file and byte offset of the text that wrote it, a macro's body included. */
static bool spelled_at(CXCursor c, CXFile *f, unsigned *off)
{
	clang_getSpellingLocation(clang_getRangeStart(clang_getCursorExtent(c)), f, NULL, NULL, off);
	return *f != NULL;
}

enum { FOR_INIT, FOR_COND, FOR_INC };

/*
 * Which of init, cond and inc the first N - 1 children of for statement C
 * are (libclang leaves out the missing ones): by where each is spelled
 * against the two semicolons of the parentheses, read from the source text,
 * a macro's body too (bpf_for_each()). False when the text cannot tell.
 */
static bool for_roles(struct parse_state *st, CXCursor c, const struct kids *k, int n, int *role)
{
	unsigned off, semi[2] = { 0, 0 }, nsemi = 0, koff;
	const char *buf;
	int depth = 0, i;
	size_t size, p;
	CXFile f, kf;

	if (n - 1 == 3) {
		role[0] = FOR_INIT;
		role[1] = FOR_COND;
		role[2] = FOR_INC;
		return true;
	}
	/*
	 * Written by a macro (bpf_for_each()), whose text libclang 14 does not
	 * give: a declaration first is the init, and what follows is taken for
	 * the condition. Were it the increment, the loop would only assume
	 * more than it knows, which hides a report and never makes one.
	 */
	if (n - 1 == 2 && clang_getCursorKind(k->v[0]) == CXCursor_DeclStmt &&
	    char_at(st, c) != 'f') {
		role[0] = FOR_INIT;
		role[1] = FOR_COND;
		return true;
	}
	if (!spelled_at(c, &f, &off) || !(buf = clang_getFileContents(st->tu, f, &size)) ||
	    off + 3 > size || strncmp(buf + off, "for", 3))
		return false;
	for (p = off + 3; p < size && nsemi < 2; p++) {
		char ch = buf[p];

		if (ch == '/' && p + 1 < size && buf[p + 1] == '*') {
			const char *end = strstr(buf + p + 2, "*/");

			if (!end)
				return false;
			p = end - buf + 1;
		} else if (ch == '/' && p + 1 < size && buf[p + 1] == '/') {
			while (p < size && buf[p] != '\n')
				p++;
		} else if (ch == '"' || ch == '\'') {
			for (p++; p < size && buf[p] != ch; p++)
				if (buf[p] == '\\')
					p++;
		} else if (ch == '(' || ch == '[' || ch == '{') {
			depth++;
		} else if (ch == ')' || ch == ']' || ch == '}') {
			if (--depth <= 0)
				return false;	/* the parentheses closed before two semicolons */
		} else if (ch == ';' && depth == 1) {
			semi[nsemi++] = (unsigned)p;
		}
	}
	if (nsemi < 2)
		return false;
	for (i = 0; i < n - 1; i++) {
		if (!spelled_at(k->v[i], &kf, &koff) || !clang_File_isEqual(kf, f) || koff < off)
			return false;
		role[i] = koff < semi[0] ? FOR_INIT : koff < semi[1] ? FOR_COND : FOR_INC;
		if (i && role[i] <= role[i - 1])
			return false;
	}
	return true;
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
void lower_stmt(struct parse_state *st, CXCursor c, struct bg_stmt *seq);

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

	/* a program context, or a tracepoint's record (btf-args compares what is read) */
	if (!name || (!bg_prog_type__by_ctx(name) && strncmp(name, "struct trace_event_raw_", 23))) {
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
			if (lv->ctx_acc >= 0) {
				st->func->ctx_acc[lv->ctx_acc].var_off = true;
				st->func->ctx_acc[lv->ctx_acc].loop_index = is_counter(st, k.v[1]);
			}
		}
		return true;
	case CXCursor_UnaryOperator:
		if (kids_of(c, &k) != 1 || unary_op(st, c, k.v[0]) != '*')
			return false;
		v = lower_expr(st, k.v[0], seq, 0);
		if (v.kind == BG_VAL_NULL && !(mode & LOW_ADDR))
			emit(st, seq, new_stmt(st, BG_ST_TRAP, c));
		if (v.kind != BG_VAL_VAR)
			return false;
		lv->var = v.var;
		lv->off = v.off;
		return true;
	case CXCursor_CallExpr:
	case CXCursor_StmtExpr:
		/* f().field: no memory of ours, but the call happens */
		lower_expr(st, c, seq, 0);
		return false;
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
	/*
	 * p->array is an address: nothing is read until it is indexed. Neither
	 * is anything read by &p->field, but the address is computed from p,
	 * which the verifier refuses while p may be NULL.
	 */
	s = new_stmt(st, BG_ST_DEREF, c);
	if (!s)
		return val_other;
	s->var = lv.var;
	s->off = lv.off;
	s->addr = (mode & LOW_ADDR) ||
		  clang_getCanonicalType(clang_getCursorType(c)).kind == CXType_ConstantArray;
	s->size = s->addr ? 0 : clang_Type_getSizeOf(clang_getCanonicalType(clang_getCursorType(c)));
	s->write = !s->addr && (mode & LOW_WRITE);
	s->text = expr_text(st, c);
	if (s->text && (mode & LOW_ADDR)) {
		char *t = bg_model__alloc(st->m, strlen(s->text) + 2);

		if (t) {
			t[0] = '&';
			strcpy(t + 1, s->text);
			s->text = t;
		}
	}
	emit(st, seq, s);
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
	/* NULL, ((void *)0): clang evaluates no pointer, but the literal under the cast */
	if (!a->is_const && clang_getCursorKind(s) == CXCursor_IntegerLiteral)
		a->is_const = const_value(s, &a->value);
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
	/*
	 * CO-RE queries do not evaluate their argument: check->field there reads
	 * nothing, and bpf_core_type_id_local(type)'s *(type *)0 is no trap
	 */
	if (!name || ((strncmp(name, "__builtin_preserve_", 19) ||
		       !strcmp(name, "__builtin_preserve_access_index")) &&
		      strcmp(name, "__builtin_btf_type_id")))
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
	/*
	 * `lhs OP rhs;` as a statement, written inside a macro (an accessor's
	 * `ctx->field = v`): with its value dropped, only an assignment does
	 * anything (clang warns -Wunused-value on the rest), so it is one.
	 */
	if (op == OP_HIDDEN && clang_equalCursors(c, st->dropped) &&
	    clang_getCursorKind(c) == CXCursor_BinaryOperator)
		op = OP_ASSIGN;
	/*
	 * `(cur) = bpf_iter_task_next(&it)` in bpf_for_each(): a local pointer
	 * given a pointer of its own type, with that type as the result, is an
	 * assignment (pointer arithmetic takes an integer, and a comma whose
	 * left side is a bare variable does nothing, which clang warns about).
	 */
	if (op == OP_HIDDEN && clang_getCursorKind(c) == CXCursor_BinaryOperator &&
	    local_var(st, k.v[0]) && is_pointer(clang_getCursorType(k.v[0])) &&
	    is_pointer(clang_getCursorType(k.v[1])) &&
	    same_type(clang_getCursorType(c), clang_getCursorType(k.v[0])) &&
	    clang_getCursorKind(strip_expr(k.v[1])) == CXCursor_CallExpr)
		op = OP_ASSIGN;
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
		var = k.n > 1 ? first_identifier(st, c) : NULL;
		if (var &&
		    (!strncmp(var, "__atomic_", 9) || !strncmp(var, "__c11_atomic_", 13))) {
			/* __atomic_fetch_add(p, ...), an AtomicExpr: memory through its pointer */
			free(var);
			var = local_var(st, k.v[0]);
			if (var && is_pointer(clang_getCursorType(k.v[0]))) {
				s = new_stmt(st, BG_ST_DEREF, c);
				if (s) {
					s->var = var;
					s->size = pointee_size(clang_getCursorType(k.v[0]));
					s->write = true;
					s->text = expr_text(st, c);
					emit(st, seq, s);
				}
				for (int i = 1; i < k.n; i++)
					lower_expr(st, k.v[i], seq, 0);
				return val_other;
			}
		} else {
			free(var);
		}
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

/* NOT of COND, which hands it the statements to run first; COND itself on ENOMEM. */
static struct bg_cond *negated(struct parse_state *st, struct bg_cond *cond)
{
	struct bg_cond *not = new_cond(st, BG_COND_NOT);

	if (!not)
		return cond;
	not->pre = cond->pre;
	cond->pre = NULL;
	not->l = cond;
	return not;
}

/* A plain variable or an integer constant: what a constant-argument test can read. */
static bool is_int_val(struct bg_val v)
{
	return (v.kind == BG_VAL_VAR && v.off == 0 && !v.idx) || v.kind == BG_VAL_CONST;
}

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

			if (side < 0)
				break;
			a = lower_expr(st, k.v[side], cond->pre, 0);
			if (a.kind != BG_VAL_VAR || a.off != 0)
				goto other;
			cond->kind = BG_COND_NONNULL;
			cond->var = a.var;
			return op == OP_NE ? cond : negated(st, cond);
		}
		if (op == OP_EQ || op == OP_NE) {
			/* integers: flag == 1, mode != MODE_X (constant-argument pruning reads them) */
			a = lower_expr(st, k.v[0], cond->pre, 0);
			b = lower_expr(st, k.v[1], cond->pre, 0);
			collect_vars(&vn, c);
			if (!is_int_val(a) || !is_int_val(b))
				goto other_vars;
			cond->kind = BG_COND_EQ;
			cond->a = a;
			cond->b = b;
			return op == OP_EQ ? cond : negated(st, cond);
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
	a = lower_expr(st, s, cond->pre, 0);
	collect_vars(&vn, c);
	if (is_int_val(a)) {
		/* if (flag), while (n) */
		cond->kind = BG_COND_VALUE;
		cond->a = a;
		return cond;
	}
	goto other_vars;
other:
	collect_vars(&vn, c);
other_vars:
	cond->kind = BG_COND_OTHER;
	return cond;
}

/* Whether T is written as typeof(expr) or __typeof__(expr). */
static bool typeof_type(CXType t)
{
	char *sp = cx_take(clang_getTypeSpelling(t));
	bool is = sp && strstr(sp, "typeof");

	free(sp);
	return is;
}

static void lower_decl(struct parse_state *st, CXCursor var, struct bg_stmt *seq)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(var));
	struct bg_val v = val_other;
	struct bg_stmt *s;
	char *sp;
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
	 * is a typeof() in the type, which is never evaluated. A declaration a
	 * macro wrote (bpf_for()'s) has its name and initializer at one place:
	 * there the last expression is the initializer unless the type is a
	 * typeof().
	 */
	clang_getExpansionLocation(clang_getCursorLocation(var), NULL, NULL, NULL, &name_off);
	kids_of(var, &k);
	for (i = k.n - 1; i >= 0; i--) {
		unsigned off;

		if (!clang_isExpression(clang_getCursorKind(k.v[i])))
			continue;
		clang_getExpansionLocation(clang_getRangeStart(clang_getCursorExtent(k.v[i])), NULL,
					   NULL, NULL, &off);
		if (off > name_off || (off == name_off && !typeof_type(clang_getCursorType(var))))
			v = lower_value(st, k.v[i], seq);
		break;
	}
	s = new_stmt(st, BG_ST_ASSIGN, var);
	if (!s)
		return;
	s->var = arena_take(st, clang_getCursorSpelling(var));
	s->val = v;
	emit(st, seq, s);
	/* a dynptr or an iterator: the verifier tracks what is made of its stack slots */
	if (t.kind == CXType_Record && (sp = cx_take(clang_getTypeSpelling(t)))) {
		if ((!strcmp(sp, "struct bpf_dynptr") || !strncmp(sp, "struct bpf_iter_", 16)) &&
		    (s = new_stmt(st, BG_ST_OBJECT, var))) {
			s->var = arena_take(st, clang_getCursorSpelling(var));
			emit(st, seq, s);
		}
		free(sp);
	}
	/*
	 * A struct local with an attribute libclang does not expose, which for
	 * a struct is cleanup(f) in practice (unused, maybe_unused are the
	 * others): what it holds is released for the program.
	 */
	if (t.kind == CXType_Record) {
		for (i = 0; i < k.n && clang_getCursorKind(k.v[i]) != CXCursor_UnexposedAttr; i++)
			;
		if (i < k.n && (s = new_stmt(st, BG_ST_CLEANUP, var))) {
			s->var = arena_take(st, clang_getCursorSpelling(var));
			emit(st, seq, s);
		}
	}
}

/* Every child in order: statements as statements, expressions as expressions. */
static enum CXChildVisitResult lower_child(CXCursor c, CXCursor parent, CXClientData data)
{
	struct lower_all *la = data;
	enum CXCursorKind k = clang_getCursorKind(c);

	(void)parent;
	if (clang_isStatement(k) || clang_isExpression(k))
		lower_stmt(la->st, c, la->seq);
	return la->st->err ? CXChildVisit_Break : CXChildVisit_Continue;
}

static void lower_stmt_at(struct parse_state *st, CXCursor c, struct bg_stmt *seq);

void lower_stmt(struct parse_state *st, CXCursor c, struct bg_stmt *seq)
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
	CXCursor counter = clang_getNullCursor(), inc = clang_getNullCursor();
	long long saved_frame;
	int i, n, role[3];
	bool pushed;
	struct kids k;
	struct bg_val v;

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
		} else if (n <= 4 && for_roles(st, c, &k, n, role)) {
			/* for: init before the loop, cond tested each round, inc after the body */
			for (i = 0; i < n - 1; i++) {
				if (role[i] == FOR_INIT)
					lower_stmt(st, k.v[i], seq);
				else if (role[i] == FOR_COND)
					s->cond = lower_cond(st, k.v[i]);
				else
					inc = k.v[i];
			}
			counter = loop_counter(st, &k, n);
		} else {
			/* for: which of init, cond and inc are present is not known; run them first */
			for (i = 0; i < n - 1; i++)
				lower_stmt(st, k.v[i], seq);
			counter = loop_counter(st, &k, n);
		}
		emit(st, seq, s);
		pushed = !clang_Cursor_isNull(counter) && st->ncounted < 8;
		if (pushed)
			st->counted[st->ncounted++] = counter;
		body = lower_branch(st, clang_getCursorKind(c) == CXCursor_DoStmt ? k.v[0] : k.v[n - 1],
				    true);
		if (pushed)
			st->ncounted--;
		if (clang_getCursorKind(c) == CXCursor_DoStmt && n == 2)
			lower_stmt(st, k.v[1], body);
		if (!clang_Cursor_isNull(inc) && body)
			lower_stmt(st, inc, body);
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
		if (clang_isExpression(clang_getCursorKind(c))) {
			st->dropped = strip_expr(c);
			lower_expr(st, c, seq, 0);
			st->dropped = clang_getNullCursor();
		} else if (clang_isStatement(clang_getCursorKind(c))) {
			kids_of(c, &k);
			for (i = 0; i < k.n; i++)
				lower_stmt(st, k.v[i], seq);
		}
		return;
	}
}
