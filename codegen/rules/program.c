// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Rules on a program's declaration: its section and its context parameter. */
#include <stdio.h>
#include <string.h>

#include "rules.h"

/* "sk_skb1": a known name numbered, variants of one program a test loader types itself */
static bool numbered_variant(const char *sec)
{
	char buf[256];
	size_t n = strlen(sec);

	if (!n || n >= sizeof(buf) || sec[n - 1] < '0' || sec[n - 1] > '9')
		return false;
	while (n && sec[n - 1] >= '0' && sec[n - 1] <= '9')
		n--;
	memcpy(buf, sec, n);
	buf[n] = '\0';
	return n && bg_section__find(buf);
}

/*
 * A name close to a known one is a typo: nothing loads it. A name close to
 * none (iproute2's "encap_vxlan", a custom handler's "abc/x") is a section
 * whose loader sets the program type: libbpf alone refuses it.
 */
static bool is_typo(const char *sec, char *buf, size_t size)
{
	size_t head, i, len;

	if (numbered_variant(sec))
		return false;
	if (bg_section__suggest(sec, buf, size))
		return true;
	/* "cgroup/device": libbpf's own namespace, with an attach point it does not know */
	if (sec[0] == '?')
		sec++;
	head = strcspn(sec, "/");
	if (!sec[head])
		return false;
	for (i = 0; i < bg_section_defs_cnt; i++) {
		len = strcspn(bg_section_defs[i].sec, "/+.");
		if (len == head && !strncmp(bg_section_defs[i].sec, sec, head))
			return true;
	}
	return false;
}

void bg_rule_section_unknown(struct bg_check *c)
{
	const struct bg_model *m = c->m;
	char buf[256];
	size_t i;

	for (i = 0; i < m->nprogs; i++) {
		const struct bg_prog *p = &m->progs[i];
		struct bg_diag *d;

		if (bg_prog__section(p) || bg_section__find_legacy(p->section) ||
		    is_typo(p->section, buf, sizeof(buf)))
			continue;
		d = bg_check__report(c, p->sec_loc, "section name '%s' names no program type libbpf "
				     "knows", p->section);
		bg_diag__note(d, p->loc,
			      "'%s' loads only through a loader that sets its program type "
			      "(iproute2 'tc filter ... sec', bpf_program__set_type(), a custom section "
			      "handler); bpf_object__load() alone refuses it", p->name);
	}
}

void bg_rule_section_name(struct bg_check *c)
{
	const struct bg_model *m = c->m;
	char buf[256], fix[300];
	size_t i;

	for (i = 0; i < m->nprogs; i++) {
		const struct bg_prog *p = &m->progs[i];
		const char *hint;
		struct bg_diag *d;

		if (bg_prog__section(p) || bg_section__find_legacy(p->section) ||
		    !is_typo(p->section, buf, sizeof(buf)))
			continue;
		hint = bg_section__suggest(p->section, buf, sizeof(buf));
		if (hint) {
			d = bg_check__report(c, p->sec_loc,
					     "unknown section name '%s'; did you mean '%s%s'?",
					     p->section, p->section[0] == '?' ? "?" : "", hint);
			snprintf(fix, sizeof(fix), "SEC(\"%s%s\")", p->section[0] == '?' ? "?" : "",
				 hint);
			bg_diag__fixit(d, fix);
		} else {
			d = bg_check__report(c, p->sec_loc, "unknown section name '%s'", p->section);
		}
		bg_diag__note(d, p->loc,
			      "libbpf derives the program type of '%s' from its section name and "
			      "refuses to load it: the compiler and bpftool gen skeleton accept it",
			      p->name);
	}
}

void bg_rule_section_legacy(struct bg_check *c)
{
	const struct bg_model *m = c->m;
	/*
	 * Without libbpf_version.h in sight the libbpf is taken to be >= 1.0,
	 * the only one maintained. libxdp sets the program type of every XDP
	 * program it opens, whatever its section, and its users need not
	 * include a libxdp header on the BPF side (xdp-tutorial): an XDP
	 * section stays a warning. So does a tc one: iproute2's `tc filter
	 * add ... bpf obj X sec NAME` sets the type of what it loads.
	 */
	bool old = (m->libbpf_major >= 0 && m->libbpf_major < 1) || m->uses_libxdp;
	char fix[300];
	size_t i;

	for (i = 0; i < m->nprogs; i++) {
		const struct bg_prog *p = &m->progs[i];
		const struct bg_section_def *def;
		struct bg_diag *d;

		if (bg_prog__section(p) || !(def = bg_section__find_legacy(p->section)))
			continue;
		d = bg_check__report_sev(c, old || def->type == BG_PROG_XDP ||
					 def->type == BG_PROG_SCHED_CLS ||
					 def->type == BG_PROG_SCHED_ACT ? BG_SEV_WARNING :
					 c->rule->sev, p->sec_loc,
					 "section name '%s' is unknown to libbpf 1.x; libbpf 0.x matched "
					 "it as '%s' by prefix", p->section, def->sec);
		snprintf(fix, sizeof(fix), "SEC(\"%s%s\")", p->section[0] == '?' ? "?" : "", def->sec);
		bg_diag__fixit(d, fix);
		bg_diag__note(d, p->loc,
			      "'%s' loads only through a loader that sets its program type itself "
			      "(libxdp, iproute2's tc, bpf_program__set_type()); bpf_object__load() "
			      "refuses it",
			      p->name);
	}
}

static bool is_u64_pointee(const struct bg_type *t)
{
	return t->pointee_kind == BG_TYPE_INT && t->pointee_size == 8;
}

/* The program type whose context is T's pointee, when T points at one. */
static const struct bg_prog_type_info *ctx_owner(const struct bg_type *t)
{
	enum bg_prog_type owner;

	if (t->kind != BG_TYPE_PTR || !t->pointee)
		return NULL;
	owner = bg_prog_type__by_ctx(t->pointee);
	return owner ? bg_prog_type__info(owner) : NULL;
}

static bool ctx_ok(const struct bg_prog_type_info *info, const struct bg_type *t)
{
	const struct bg_prog_type_info *owner;

	/* an extension receives the context of the program it replaces */
	if (info->type == BG_PROG_EXT)
		return true;
	if (t->kind != BG_TYPE_PTR)
		return !info->ctx;	/* open contexts: BTF arguments may be passed by value */
	if (t->pointee_kind == BG_TYPE_VOID)
		return true;
	if (info->ctx_u64_array && is_u64_pointee(t))
		return true;
	if (info->ctx)
		return !strcmp(t->pointee, info->ctx) ||
		       (info->ctx_alt && !strcmp(t->pointee, info->ctx_alt));
	/*
	 * Open contexts (a tracepoint's record, BTF arguments) take any struct,
	 * but not the fixed context of another program type.
	 */
	owner = ctx_owner(t);
	return !owner || owner->type == info->type;
}

/*
 * BPF_PROG(name) with no arguments over a fixed context: the u64 array is
 * never read, so the wrong declaration is harmless. BPF_PROG() passes the
 * arguments to ____name(ctx, args...); one parameter means none.
 */
static bool reads_no_args(const struct bg_model *m, const struct bg_prog *p,
			  const struct bg_prog_type_info *info)
{
	const struct bg_func *inner;
	char name[512];

	if (!info->ctx || p->ctx.kind != BG_TYPE_PTR || !is_u64_pointee(&p->ctx))
		return false;
	snprintf(name, sizeof(name), "____%s", p->name);
	inner = bg_model__find_func(m, name);
	return inner && inner->nparams == 1;
}

static bool cond_reads(const struct bg_model *m, const struct bg_func *f, const struct bg_cond *c,
		       const char *ctx, int depth);
static bool stmt_reads(const struct bg_model *m, const struct bg_func *f, const struct bg_stmt *st,
		       const char *ctx, int depth);

/*
 * Call CALL is given the context as argument ARG: a helper (through a
 * pointer) or a kfunc (no body here) knows the real context and reads
 * nothing through the declared type; a function of the file reads it if
 * its parameter is read, as far as MAX_CTX_DEPTH calls deep.
 */
#define MAX_CTX_DEPTH 4
static bool reads_ctx_arg(const struct bg_model *m, const struct bg_call *call, unsigned arg,
			  int depth)
{
	const struct bg_func *g;

	if (call->indirect)
		return false;
	g = bg_model__find_func(m, call->callee);
	if (!g || !g->body)
		return false;
	if (depth >= MAX_CTX_DEPTH || arg >= g->nparams || !g->params || !g->params[arg] ||
	    !*g->params[arg] || g->nctx_acc)
		return true;
	return stmt_reads(m, g, g->body, g->params[arg], depth + 1);
}

static bool stmt_reads(const struct bg_model *m, const struct bg_func *f, const struct bg_stmt *st,
		       const char *ctx, int depth)
{
	size_t i;

	if (!st)
		return false;
	switch (st->kind) {
	case BG_ST_DEREF:
	case BG_ST_FORGET:
		if (st->var && !strcmp(st->var, ctx))
			return true;
		break;
	case BG_ST_ASSIGN:
	case BG_ST_RETURN:
		/* copied: what the copy is used for is not followed */
		if (st->val.kind == BG_VAL_VAR && st->val.var && !strcmp(st->val.var, ctx))
			return true;
		break;
	case BG_ST_CALL:
		if (st->call >= 0 && (size_t)st->call < f->ncalls) {
			const struct bg_call *call = &f->calls[st->call];
			unsigned a;

			/* a helper knows the real context; a function of the file reads it */
			for (a = 0; a < call->nargs; a++)
				if (call->args[a].ref && !strcmp(call->args[a].ref, ctx) &&
				    reads_ctx_arg(m, call, a, depth))
					return true;
		}
		break;
	default:
		break;
	}
	if (st->cond && cond_reads(m, f, st->cond, ctx, depth))
		return true;
	for (i = 0; i < st->nkids; i++)
		if (stmt_reads(m, f, st->kids[i], ctx, depth))
			return true;
	return false;
}

static bool cond_reads(const struct bg_model *m, const struct bg_func *f, const struct bg_cond *c,
		       const char *ctx, int depth)
{
	return c && (stmt_reads(m, f, c->pre, ctx, depth) || cond_reads(m, f, c->l, ctx, depth) ||
		     cond_reads(m, f, c->r, ctx, depth));
}

/*
 * Nothing is read through P's context parameter: it is only handed to
 * helpers, which know the real context, or not used at all. A wrong
 * declaration is then harmless (the kernel never checks it), and only
 * worth a warning. Without a lowered body, it is taken to be read.
 */
static bool ctx_unread(const struct bg_model *m, const struct bg_prog *p)
{
	const struct bg_func *f = bg_model__find_func(m, p->name);
	const char *ctx;

	if (!f || !f->body || !f->nparams || !f->params || !(ctx = f->params[0]) || !*ctx)
		return false;
	if (f->nctx_acc)
		return false;
	return !stmt_reads(m, f, f->body, ctx, 0);
}

void bg_rule_ctx_type(struct bg_check *c)
{
	const struct bg_model *m = c->m;
	size_t i;

	for (i = 0; i < m->nprogs; i++) {
		const struct bg_prog *p = &m->progs[i];
		const struct bg_section_def *def = bg_prog__section(p);
		const struct bg_prog_type_info *info = def ? bg_prog_type__info(def->type) : NULL;
		const struct bg_prog_type_info *owner;
		struct bg_diag *d;

		bool unread;

		if (!info || !p->nparams || ctx_ok(info, &p->ctx) || reads_no_args(m, p, info))
			continue;
		owner = ctx_owner(&p->ctx);
		unread = ctx_unread(m, p);
		if (info->ctx)
			d = bg_check__report_sev(c, unread ? BG_SEV_WARNING : c->rule->sev, p->ctx_loc,
						 "%s program '%s' takes '%s', but the kernel passes "
						 "'%s *' to %s programs%s",
						 info->name, p->name, p->ctx.spelling, info->ctx,
						 info->name, unread ? " (nothing is read through it)" : "");
		else
			d = bg_check__report_sev(c, unread ? BG_SEV_WARNING : c->rule->sev, p->ctx_loc,
						 "%s program '%s' takes '%s', the context of %s "
						 "programs%s",
						 info->name, p->name, p->ctx.spelling,
						 owner ? owner->name : "other",
						 unread ? " (nothing is read through it)" : "");
		if (!d)
			continue;
		if (strcmp(p->ctx.spelling, p->ctx.canonical))
			bg_diag__note(d, p->ctx_loc, "'%s' is '%s'", p->ctx.spelling,
				      p->ctx.canonical);
		bg_diag__note(d, p->sec_loc, "'%s' is in section '%s': its program type is %s", p->name,
			      p->section, info->name);
		if (info->type == BG_PROG_KPROBE && is_u64_pointee(&p->ctx))
			bg_diag__note(d, (struct bg_loc){},
				      "BPF_PROG() reads arguments from an array of __u64, but a kprobe "
				      "receives registers: use BPF_KPROBE(), which reads them from "
				      "'struct pt_regs'");
		else if (info->ctx)
			bg_diag__note(d, (struct bg_loc){},
				      "the kernel does not check the declared type: fields read "
				      "through it silently come from '%s' at the same offsets; "
				      "declare the parameter as '%s *' (or 'void *')",
				      info->ctx, info->ctx);
		if (info->ctx && p->ctx_type_loc.line) {
			char fix[300];

			snprintf(fix, sizeof(fix), "%s *", info->ctx);
			bg_diag__note(d, p->ctx_type_loc, "declare it as '%s'", fix);
			bg_diag__note_replace(d, fix, p->ctx_type_len);
		}
		else if (info->type == BG_PROG_TRACEPOINT)
			bg_diag__note(d, (struct bg_loc){},
				      "a tracepoint program receives the tracepoint's record: "
				      "declare it as 'struct trace_event_raw_<event> *' or 'void *'");
		else
			bg_diag__note(d, (struct bg_loc){},
				      "%s programs receive their arguments as an array of __u64: "
				      "declare 'unsigned long long *ctx' or use BPF_PROG()",
				      info->name);
	}
}
