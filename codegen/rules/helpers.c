// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Rules on helpers per program type: a helper the program type may not call
 * (helper-type), and a helper that may sleep called from a program that may
 * not (helper-sleepable). Both refuse the load, and clang accepts both. The
 * facts are the kernel table's (tables/kernel.h): measured on Linux 6.18, or
 * on the target kernel with `bpfgen probe` and `check --kernel-table FILE`.
 * Where the table has no row for a program's type (fentry, lsm: not
 * measurable on every kernel), nothing is reported: a guess would cost more
 * than a missed error. Calls under a CO-RE feature test are not reported
 * either: whether they reach the verifier depends on the kernel.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/kernel.h"
#include "rules.h"

/* How many program types a note lists before "and N more". */
#define NOTE_TYPES_MAX 6

static const char *type_name(enum bg_prog_type type)
{
	const struct bg_prog_type_info *info = bg_prog_type__info(type);

	return info ? info->name : "unknown";
}

/* A note naming a few program types whose rows let them call H. */
static void note_callers(struct bg_diag *d, const struct bg_kernel_table *t,
			 const struct bg_helper *h)
{
	bool seen[BG_PROG__MAX] = {};
	char list[512];
	size_t i, len = 0;
	int n = 0, more = 0;

	list[0] = '\0';
	for (i = 0; i < t->nrows; i++) {
		const struct bg_kernel_row *r = &t->rows[i];
		int v = bg_kernel_row__verdict(r, h->id);

		if (v < 0 || !(v & BG_KV_CALL) || r->type >= BG_PROG__MAX || seen[r->type])
			continue;
		seen[r->type] = true;
		if (n++ >= NOTE_TYPES_MAX) {
			more++;
			continue;
		}
		len += snprintf(list + len, sizeof(list) - len, "%s%s (SEC(\"%s\"))",
				len ? ", " : "", type_name(r->type), r->section);
		if (len >= sizeof(list))
			len = sizeof(list) - 1;
	}
	if (!n)
		bg_diag__note(d, (struct bg_loc){},
			      "no program type measured on Linux %s may call 'bpf_%s'", t->release,
			      h->name);
	else if (more)
		bg_diag__note(d, (struct bg_loc){}, "program types that may call 'bpf_%s': %s and %d more",
			      h->name, list, more);
	else
		bg_diag__note(d, (struct bg_loc){}, "program types that may call 'bpf_%s': %s",
			      h->name, list);
}

/*
 * The sleepable twin of section SEC ("uprobe/x" -> "uprobe.s/x") written into
 * BUF, or NULL when libbpf has none for SEC's program type.
 */
static const char *sleepable_twin(const char *sec, const struct bg_section_def *def, char *buf,
				  size_t size)
{
	const struct bg_section_def *twin;
	size_t q = sec[0] == '?', plen = strcspn(sec + q, "/");

	if ((size_t)snprintf(buf, size, "%.*s.s%s", (int)(q + plen), sec, sec + q + plen) >= size)
		return NULL;
	twin = bg_section__find(buf);
	if (!twin || !(twin->flags & BG_SEC_SLEEPABLE) || twin->type != def->type)
		return NULL;
	return buf;
}

static void note_sleepable(struct bg_diag *d, const struct bg_prog *p,
			   const struct bg_section_def *def)
{
	char twin[512], fix[540], list[256];
	const struct bg_section_def *tdef;
	size_t i, len = 0;

	if (sleepable_twin(p->section, def, twin, sizeof(twin))) {
		tdef = bg_section__find(twin);
		bg_diag__note(d, p->sec_loc, "use the sleepable variant of the section, '%s'%s",
			      twin, tdef->flags & BG_SEC_NEW ? " (libbpf newer than 1.1)" : "");
		snprintf(fix, sizeof(fix), "SEC(\"%s\")", twin);
		bg_diag__note_fixit(d, fix);
		return;
	}
	list[0] = '\0';
	for (i = 0; i < bg_section_defs_cnt && len < sizeof(list) - 1; i++) {
		const struct bg_section_def *s = &bg_section_defs[i];

		if (!(s->flags & BG_SEC_SLEEPABLE) || (s->flags & BG_SEC_NEW))
			continue;
		len += snprintf(list + len, sizeof(list) - len, "%s%.*s", len ? ", " : "",
				(int)strcspn(s->sec, "+/"), s->sec);
	}
	bg_diag__note(d, p->sec_loc, "section '%s' has no sleepable variant; the sleepable "
		      "sections are %s", p->section, list);
}

/*
 * CO-RE feature tests: a branch under one is kept or dropped by libbpf at
 * load time, per kernel (bcc's core_fixes.bpf.h calls bpf_get_socket_cookie
 * only `if (bpf_core_enum_value_exists(enum bpf_func_id, BPF_FUNC_check_mtu))`,
 * and only loads that program where the test is false). KIND is the builtin's
 * second argument that makes it a test; -1: any.
 */
static const struct {
	const char *builtin;
	long long kind;
} feature_tests[] = {
	{ "__builtin_preserve_enum_value", -1 },	/* bpf_core_enum_value{,_exists} */
	{ "__builtin_preserve_type_info", 0 },		/* bpf_core_type_exists */
	{ "__builtin_preserve_type_info", 2 },		/* bpf_core_type_matches */
	{ "__builtin_preserve_field_info", 2 },		/* bpf_core_field_exists */
};

static bool is_feature_test(const struct bg_call *call)
{
	size_t i;

	for (i = 0; i < sizeof(feature_tests) / sizeof(feature_tests[0]); i++) {
		if (strcmp(call->callee, feature_tests[i].builtin))
			continue;
		if (feature_tests[i].kind < 0 || call->nargs < 2 || !call->args[1].is_const ||
		    call->args[1].value == feature_tests[i].kind)
			return true;
	}
	return false;
}

static bool stmt_tests_feature(const struct bg_func *f, const struct bg_stmt *s);

static bool cond_tests_feature(const struct bg_func *f, const struct bg_cond *c)
{
	if (!c)
		return false;
	return stmt_tests_feature(f, c->pre) || cond_tests_feature(f, c->l) ||
	       cond_tests_feature(f, c->r);
}

static bool stmt_tests_feature(const struct bg_func *f, const struct bg_stmt *s)
{
	size_t i;

	if (!s)
		return false;
	if (s->kind == BG_ST_CALL && s->call >= 0 && (size_t)s->call < f->ncalls &&
	    is_feature_test(&f->calls[s->call]))
		return true;
	for (i = 0; i < s->nkids; i++)
		if (stmt_tests_feature(f, s->kids[i]))
			return true;
	return false;
}

/* S never falls through to the statement after it. */
static bool exits(const struct bg_stmt *s)
{
	if (!s)
		return false;
	switch (s->kind) {
	case BG_ST_RETURN:
	case BG_ST_TRAP:
		return true;
	case BG_ST_SEQ:
		return s->nkids && exits(s->kids[s->nkids - 1]);
	case BG_ST_IF:
		return s->nkids == 2 && exits(s->kids[0]) && exits(s->kids[1]);
	default:
		return false;
	}
}

/* S holds a trap (`*(volatile int *)0`): where it runs, the program does not load. */
static bool traps(const struct bg_stmt *s)
{
	size_t i;

	if (!s)
		return false;
	if (s->kind == BG_ST_TRAP)
		return true;
	for (i = 0; i < s->nkids; i++)
		if (traps(s->kids[i]))
			return true;
	return false;
}

static void mark_guarded(const struct bg_func *f, const struct bg_stmt *s, bool guarded,
			 bool *out);

static void mark_cond(const struct bg_func *f, const struct bg_cond *c, bool guarded, bool *out)
{
	if (!c)
		return;
	mark_guarded(f, c->pre, guarded, out);
	mark_cond(f, c->l, guarded, out);
	mark_cond(f, c->r, guarded, out);
}

/*
 * Mark in GUARDED (f->ncalls) the calls of S that run only on one side of a
 * feature test. A side that traps is libbpf's way to make the program fail
 * to load where the feature is missing (falco: `if (!bpf_core_enum_value_exists(...))
 * return *(volatile u16 *)0;`): it guards nothing, since no kernel loads the
 * program without the other side.
 */
static void mark_guarded(const struct bg_func *f, const struct bg_stmt *s, bool guarded,
			 bool *out)
{
	bool trapped;
	size_t i;

	if (!s)
		return;
	if (s->kind == BG_ST_CALL && s->call >= 0 && (size_t)s->call < f->ncalls)
		out[s->call] |= guarded;
	if (s->kind == BG_ST_IF && cond_tests_feature(f, s->cond)) {
		trapped = traps(s->kids[0]) || (s->nkids == 2 && traps(s->kids[1]));
		mark_cond(f, s->cond, guarded, out);
		for (i = 0; i < s->nkids; i++)
			mark_guarded(f, s->kids[i], guarded || !trapped, out);
		return;
	}
	mark_cond(f, s->cond, guarded, out);
	for (i = 0; i < s->nkids; i++) {
		const struct bg_stmt *k = s->kids[i];

		mark_guarded(f, k, guarded, out);
		/* if (!bpf_core_type_exists(...)) return 0; guards what follows */
		if (s->kind == BG_ST_SEQ && k && k->kind == BG_ST_IF &&
		    cond_tests_feature(f, k->cond) && k->nkids &&
		    ((exits(k->kids[0]) && !traps(k->kids[0])) ||
		     (k->nkids == 2 && exits(k->kids[1]) && !traps(k->kids[1]))))
			guarded = true;
	}
}

bool **bg_model__guarded_calls(const struct bg_model *m)
{
	bool **g = calloc(m->nfuncs + 1, sizeof(*g));
	size_t i;

	if (!g)
		return NULL;
	for (i = 0; i < m->nfuncs; i++) {
		g[i] = calloc(m->funcs[i].ncalls + 1, sizeof(**g));
		if (!g[i]) {
			while (i--)
				free(g[i]);
			free(g);
			return NULL;
		}
		mark_guarded(&m->funcs[i], m->funcs[i].body, false, g[i]);
	}
	return g;
}

void bg_guarded_calls__free(const struct bg_model *m, bool **g)
{
	size_t i;

	for (i = 0; g && i < m->nfuncs; i++)
		free(g[i]);
	free(g);
}

/*
 * Constant arguments: a function shared by programs of several types often
 * takes a flag that picks the helpers (xdp_synproxy's `if (xdp)
 * bpf_xdp_adjust_tail() else bpf_skb_change_tail()`, uprobe_multi's
 * `if (is_sleep) bpf_copy_from_user()`). The verifier follows each call with
 * the caller's registers and never sees the dead side; clang, inlining, drops
 * it. The walk below does the same over the flow IR: parameters bound to the
 * constants a call passes, branches whose test they decide skipped.
 */
#define LIVE_VARS 8
#define LIVE_DEPTH 12
#define LIVE_BUDGET 200000

struct cenv {
	const char *name[LIVE_VARS];
	long long val[LIVE_VARS];
	int n;
};

struct live {
	const struct bg_model *m;
	bool **guarded;
	bool **out;
	bool *unpruned;		/* walked with no constant: any other walk finds a subset */
	unsigned steps;
	bool gave_up;
};

static const long long *cenv_get(const struct cenv *e, const char *name)
{
	int i;

	for (i = 0; name && i < e->n; i++)
		if (!strcmp(e->name[i], name))
			return &e->val[i];
	return NULL;
}

static void cenv_kill(struct cenv *e, const char *name)
{
	int i;

	for (i = 0; name && i < e->n; i++)
		if (!strcmp(e->name[i], name)) {
			e->name[i] = e->name[--e->n];
			e->val[i] = e->val[e->n];
			return;
		}
}

/* Keep in A only what B knows the same. */
static void cenv_meet(struct cenv *a, const struct cenv *b)
{
	int i = 0;

	while (i < a->n) {
		const long long *v = cenv_get(b, a->name[i]);

		if (v && *v == a->val[i]) {
			i++;
			continue;
		}
		a->name[i] = a->name[--a->n];
		a->val[i] = a->val[a->n];
	}
}

/* The constant V holds under E: 1 known, 0 not. */
static int val_const(const struct bg_val *v, const struct cenv *e, long long *out)
{
	const long long *k;

	if (v->kind == BG_VAL_CONST) {
		*out = v->off;
		return 1;
	}
	if (v->kind == BG_VAL_VAR && v->off == 0 && !v->idx && (k = cenv_get(e, v->var))) {
		*out = *k;
		return 1;
	}
	return 0;
}

/* 1 true, 0 false, -1 not decided by the constants of E. */
static int cond_eval(const struct bg_cond *c, const struct cenv *e)
{
	long long a, b;
	int l, r;

	if (!c)
		return -1;
	switch (c->kind) {
	case BG_COND_VALUE:
		return val_const(&c->a, e, &a) ? a != 0 : -1;
	case BG_COND_NONNULL:
		if (!cenv_get(e, c->var))
			return -1;
		return *cenv_get(e, c->var) != 0;
	case BG_COND_EQ:
		return val_const(&c->a, e, &a) && val_const(&c->b, e, &b) ? a == b : -1;
	case BG_COND_NOT:
		l = cond_eval(c->l, e);
		return l < 0 ? -1 : !l;
	case BG_COND_AND:
	case BG_COND_OR:
		l = cond_eval(c->l, e);
		r = cond_eval(c->r, e);
		if (c->kind == BG_COND_AND)
			return !l || !r ? 0 : l > 0 && r > 0 ? 1 : -1;
		return l > 0 || r > 0 ? 1 : !l && !r ? 0 : -1;
	default:
		return -1;
	}
}

static bool live_stmt(struct live *L, size_t fi, const struct bg_stmt *s, struct cenv *e,
		      int depth);

static void live_func(struct live *L, size_t fi, const struct cenv *e, int depth);

static void live_call(struct live *L, size_t fi, int idx, const struct cenv *e, int depth)
{
	const struct bg_func *f = &L->m->funcs[fi];
	const struct bg_call *call;
	const struct bg_func *g;
	struct cenv ge = { .n = 0 };
	long long v;
	unsigned i;

	if (idx < 0 || (size_t)idx >= f->ncalls || L->guarded[fi][idx])
		return;
	L->out[fi][idx] = true;
	call = &f->calls[idx];
	if (call->indirect || !(g = bg_model__find_func(L->m, call->callee)))
		return;
	for (i = 0; i < call->nargs && i < g->nparams && ge.n < LIVE_VARS; i++) {
		const struct bg_arg *a = &call->args[i];
		const long long *k = a->ref && !a->addr_of ? cenv_get(e, a->ref) : NULL;

		if (!a->is_const && !k)
			continue;
		v = a->is_const ? a->value : *k;
		ge.name[ge.n] = g->params[i];
		ge.val[ge.n++] = v;
	}
	live_func(L, (size_t)(g - L->m->funcs), &ge, depth + 1);
}

/* The calls a test makes; && and || skip the right side the left decides. */
static void live_cond(struct live *L, size_t fi, const struct bg_cond *c, struct cenv *e,
		      int depth)
{
	int l;

	if (!c)
		return;
	live_stmt(L, fi, c->pre, e, depth);
	live_cond(L, fi, c->l, e, depth);
	if (c->kind == BG_COND_AND || c->kind == BG_COND_OR) {
		l = cond_eval(c->l, e);
		if (l == (c->kind == BG_COND_OR))
			return;
	}
	live_cond(L, fi, c->r, e, depth);
}

/* Forget what S (a loop or switch body) may assign. */
static void kill_assigned(const struct bg_stmt *s, struct cenv *e)
{
	size_t i;

	if (!s)
		return;
	if (s->kind == BG_ST_ASSIGN || s->kind == BG_ST_FORGET)
		cenv_kill(e, s->var);
	for (i = 0; i < s->nkids; i++)
		kill_assigned(s->kids[i], e);
}

/* Walk S under E; returns whether it may fall through to what follows. */
static bool live_stmt(struct live *L, size_t fi, const struct bg_stmt *s, struct cenv *e,
		      int depth)
{
	struct cenv te, ee;
	bool through, t0, t1;
	size_t i;
	int r;

	if (!s || L->gave_up)
		return true;
	if (++L->steps > LIVE_BUDGET) {
		L->gave_up = true;
		return true;
	}
	switch (s->kind) {
	case BG_ST_CALL:
		live_call(L, fi, s->call, e, depth);
		return true;
	case BG_ST_ASSIGN:
	case BG_ST_FORGET:
		cenv_kill(e, s->var);
		if (s->val.kind == BG_VAL_CALL)
			live_call(L, fi, s->val.call, e, depth);
		return true;
	case BG_ST_RETURN:
		if (s->val.kind == BG_VAL_CALL)
			live_call(L, fi, s->val.call, e, depth);
		return false;
	case BG_ST_TRAP:
	case BG_ST_GOTO:
	case BG_ST_BREAK:
	case BG_ST_CONTINUE:
		return false;
	case BG_ST_IF:
		live_cond(L, fi, s->cond, e, depth);
		r = cond_eval(s->cond, e);
		te = *e;
		ee = *e;
		t0 = r != 0 ? live_stmt(L, fi, s->nkids > 0 ? s->kids[0] : NULL, &te, depth) : false;
		t1 = r != 1 ? live_stmt(L, fi, s->nkids > 1 ? s->kids[1] : NULL, &ee, depth) : false;
		if (t0 && t1) {
			cenv_meet(&te, &ee);
			*e = te;
		} else {
			*e = t0 ? te : ee;
		}
		return t0 || t1;
	case BG_ST_LOOP:
	case BG_ST_SWITCH:
		kill_assigned(s, e);
		live_cond(L, fi, s->cond, e, depth);
		for (i = 0; i < s->nkids; i++) {
			te = *e;
			live_stmt(L, fi, s->kids[i], &te, depth);
		}
		return true;
	default:
		through = true;
		for (i = 0; i < s->nkids; i++) {
			const struct bg_stmt *k = s->kids[i];

			/* after a return, only a label (a goto's target) is reached again */
			if (!through && (!k || k->kind != BG_ST_LABEL))
				continue;
			if (k && k->kind == BG_ST_LABEL) {
				through = true;
				e->n = 0;
			}
			through = live_stmt(L, fi, k, e, depth);
		}
		return through;
	}
}

/* The calls a body names, so that those it does not (not lowered) count as live. */
static void named_calls(const struct bg_stmt *s, bool *named, size_t ncalls);

static void named_cond(const struct bg_cond *c, bool *named, size_t ncalls)
{
	if (!c)
		return;
	named_calls(c->pre, named, ncalls);
	named_cond(c->l, named, ncalls);
	named_cond(c->r, named, ncalls);
}

static void named_calls(const struct bg_stmt *s, bool *named, size_t ncalls)
{
	size_t i;

	if (!s)
		return;
	if (s->kind == BG_ST_CALL && s->call >= 0 && (size_t)s->call < ncalls)
		named[s->call] = true;
	if ((s->kind == BG_ST_ASSIGN || s->kind == BG_ST_RETURN) && s->val.kind == BG_VAL_CALL &&
	    s->val.call >= 0 && (size_t)s->val.call < ncalls)
		named[s->val.call] = true;
	named_cond(s->cond, named, ncalls);
	for (i = 0; i < s->nkids; i++)
		named_calls(s->kids[i], named, ncalls);
}

static void live_func(struct live *L, size_t fi, const struct cenv *e, int depth)
{
	const struct bg_func *f = &L->m->funcs[fi];
	struct cenv fe = *e;
	bool *named;
	size_t j;

	if (L->unpruned[fi])
		return;
	if (depth > LIVE_DEPTH) {
		L->gave_up = true;
		return;
	}
	if (!e->n)
		L->unpruned[fi] = true;
	named = calloc(f->ncalls + 1, sizeof(*named));
	if (!named) {
		L->gave_up = true;
		return;
	}
	if (f->body)
		named_calls(f->body, named, f->ncalls);
	for (j = 0; j < f->ncalls; j++)
		if (!named[j])
			live_call(L, fi, (int)j, &(struct cenv){ .n = 0 }, depth);
	free(named);
	live_stmt(L, fi, f->body, &fe, depth);
}

bool **bg_model__live_calls(const struct bg_model *m, const struct bg_prog *p, bool **guarded)
{
	struct live L = { .m = m, .guarded = guarded };
	size_t i;

	if (p->func < 0 || (size_t)p->func >= m->nfuncs)
		return NULL;
	L.out = calloc(m->nfuncs + 1, sizeof(*L.out));
	L.unpruned = calloc(m->nfuncs + 1, sizeof(*L.unpruned));
	if (!L.out || !L.unpruned) {
		free(L.out);
		free(L.unpruned);
		return NULL;
	}
	for (i = 0; i < m->nfuncs; i++) {
		L.out[i] = calloc(m->funcs[i].ncalls + 1, sizeof(**L.out));
		if (!L.out[i]) {
			bg_guarded_calls__free(m, L.out);
			free(L.unpruned);
			return NULL;
		}
	}
	live_func(&L, (size_t)p->func, &(struct cenv){ .n = 0 }, 0);
	free(L.unpruned);
	if (L.gave_up) {
		bg_guarded_calls__free(m, L.out);
		return NULL;
	}
	return L.out;
}

int bg_model__reachable_unguarded(const struct bg_model *m, const struct bg_prog *p,
				  bool **guarded, bool *reach)
{
	size_t *work, n = 0, j;

	memset(reach, 0, m->nfuncs * sizeof(*reach));
	work = malloc((m->nfuncs + 1) * sizeof(*work));
	if (!work)
		return -ENOMEM;
	reach[p->func] = true;
	work[n++] = p->func;
	while (n) {
		size_t fi = work[--n];
		const struct bg_func *f = &m->funcs[fi];

		for (j = 0; j < f->ncalls; j++) {
			const struct bg_func *g;

			if (f->calls[j].indirect || guarded[fi][j])
				continue;
			g = bg_model__find_func(m, f->calls[j].callee);
			if (g && !reach[g - m->funcs]) {
				reach[g - m->funcs] = true;
				work[n++] = g - m->funcs;
			}
		}
	}
	free(work);
	return 0;
}

static void check_prog(struct bg_check *c, const struct bg_prog *p, bool **guarded, bool *reach,
		       bool sleep)
{
	const struct bg_section_def *def = bg_prog__section(p);
	const struct bg_kernel_table *t = bg_check__ktable(c);
	const struct bg_model *m = c->m;
	const struct bg_kernel_row *row;
	bool **live;
	size_t i, j;

	if (!def || !t || p->func < 0 || (size_t)p->func >= m->nfuncs)
		return;
	row = bg_kernel_table__find(t, p->section);
	if (!row || !row->measured || bg_model__reachable_unguarded(m, p, guarded, reach))
		return;
	live = bg_model__live_calls(m, p, guarded);
	for (i = 0; i < m->nfuncs; i++) {
		const struct bg_func *f = &m->funcs[i];

		if (!reach[i])
			continue;
		for (j = 0; j < f->ncalls; j++) {
			const struct bg_call *call = &f->calls[j];
			const struct bg_helper *h;
			struct bg_diag *d;
			int v;

			if (!call->indirect || guarded[i][j] || strncmp(call->callee, "bpf_", 4) ||
			    (live && !live[i][j]))
				continue;
			h = bg_helper__find(call->callee);
			v = h ? bg_kernel_row__verdict(row, h->id) : -1;
			if (v < 0)
				continue;
			if (!sleep && !(v & BG_KV_CALL)) {
				d = bg_check__report(c, call->loc,
						     "'%s' cannot be called from %s programs (section "
						     "'%s'): the kernel refuses to load the program",
						     call->callee, type_name(def->type), p->section);
				if (!d)
					continue;
				bg_diag__note(d, p->sec_loc, "'%s' is in section '%s': its program "
					      "type is %s", p->name, p->section, type_name(def->type));
				note_callers(d, t, h);
			} else if (sleep && (v & BG_KV_CALL) && (v & BG_KV_SLEEP) &&
				   !(def->flags & BG_SEC_SLEEPABLE)) {
				d = bg_check__report(c, call->loc,
						     "'%s' may sleep, but section '%s' is not "
						     "sleepable: the kernel refuses to load the program",
						     call->callee, p->section);
				if (d)
					note_sleepable(d, p, def);
			}
		}
	}
	bg_guarded_calls__free(m, live);
}

static void run(struct bg_check *c, bool sleep)
{
	const struct bg_model *m = c->m;
	bool **guarded, *reach;
	size_t i;

	reach = calloc(m->nfuncs + 1, sizeof(*reach));
	guarded = bg_model__guarded_calls(m);
	if (reach && guarded)
		for (i = 0; i < m->nprogs; i++)
			check_prog(c, &m->progs[i], guarded, reach, sleep);
	bg_guarded_calls__free(m, guarded);
	free(reach);
}

void bg_rule_helper_type(struct bg_check *c)
{
	run(c, false);
}

void bg_rule_helper_sleepable(struct bg_check *c)
{
	run(c, true);
}
