// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/kernel.h"
#include "rules.h"

const struct bg_rule bg_rules[] = {
	{ "section-name", BG_SEV_ERROR, "program",
	  "SEC() name that libbpf does not know: the program fails to load", bg_rule_section_name },
	{ "section-legacy", BG_SEV_ERROR, "program",
	  "SEC() name that only libbpf 0.x's prefix matching knew (a warning under libbpf 0.x "
	  "or libxdp)", bg_rule_section_legacy },
	{ "section-unknown", BG_SEV_WARNING, "program",
	  "SEC() name no libbpf program type matches: only a loader that sets the type loads it",
	  bg_rule_section_unknown },
	{ "ctx-type", BG_SEV_ERROR, "program",
	  "context parameter type that is not what the program type receives", bg_rule_ctx_type },
	{ "license-gpl", BG_SEV_ERROR, "license",
	  "GPL-only helper or kfunc called without a GPL-compatible license", bg_rule_license_gpl },
	{ "license-missing", BG_SEV_WARNING, "license",
	  "no license section", bg_rule_license_missing },
	{ "return-range", BG_SEV_ERROR, "returns",
	  "return value outside the range the kernel enforces for the program type",
	  bg_rule_return_range },
	{ "return-action", BG_SEV_ERROR, "returns",
	  "return constant of another program type's actions, or not an action at all",
	  bg_rule_return_action },
	{ "helper-type", BG_SEV_ERROR, "helpers",
	  "helper that the program type may not call (bpf_skb_load_bytes in XDP)",
	  bg_rule_helper_type },
	{ "helper-sleepable", BG_SEV_ERROR, "helpers",
	  "helper that may sleep, called outside a sleepable (.s) section", bg_rule_helper_sleepable },
	{ "map-key", BG_SEV_ERROR, "maps",
	  "a map key whose type or size differs from the map's key", bg_rule_map_key },
	{ "map-value", BG_SEV_ERROR, "maps",
	  "a map value whose type or size differs from the map's value", bg_rule_map_value },
	{ "map-kind", BG_SEV_ERROR, "maps",
	  "a helper given a kind of map it does not take", bg_rule_map_kind },
	{ "map-def", BG_SEV_ERROR, "maps",
	  "a map definition the kernel refuses or libbpf silently changes", bg_rule_map_def },
	{ "map-max-entries", BG_SEV_WARNING, "maps",
	  "a map without max_entries, which the loader must set (off by default)",
	  bg_rule_map_max_entries, true },
	{ "unchecked-return", BG_SEV_WARNING, "maps",
	  "the result of a helper that fails silently is ignored (off by default)",
	  bg_rule_unchecked_return, true },
	{ "ctx-access", BG_SEV_ERROR, "context",
	  "a context field read or written where the program type does not allow it",
	  bg_rule_ctx_access },
	{ "ctx-var-offset", BG_SEV_ERROR, "context",
	  "a context field indexed by a value known only at run time", bg_rule_ctx_var_offset },
	{ "stack-size", BG_SEV_ERROR, "stack",
	  "a stack frame, or a chain of frames, over 512 bytes", bg_rule_stack_size },
	{ "null-deref", BG_SEV_ERROR, "flow",
	  "a pointer that may be NULL (map lookup, ring buffer reserve, socket lookup, a "
	  "KF_RET_NULL kfunc) dereferenced, or passed where the kernel needs a valid pointer",
	  bg_rule_null_deref },
	{ "ringbuf-leak", BG_SEV_ERROR, "flow",
	  "a ring buffer reservation neither submitted nor discarded on some path",
	  bg_rule_ringbuf_leak },
	{ "sk-release", BG_SEV_ERROR, "flow",
	  "a socket reference from bpf_sk_lookup_*() not released on some path",
	  bg_rule_sk_release },
	{ "kfunc-release", BG_SEV_ERROR, "flow",
	  "a reference from an acquiring kfunc or bpf_kptr_xchg(), or an iterator, not released "
	  "or destroyed on some path", bg_rule_kfunc_release },
	{ "object-state", BG_SEV_ERROR, "flow",
	  "a dynptr or iterator used before it is created or after it is released or destroyed, "
	  "or created again while in use", bg_rule_object_state },
	{ "lock-region", BG_SEV_ERROR, "flow",
	  "a bpf_spin_lock, RCU read or preemption region still open when the program returns, "
	  "a tree or list kfunc outside its lock, an RCU-protected kfunc outside an RCU section",
	  bg_rule_lock_region },
	{ "pkt-bounds", BG_SEV_ERROR, "flow",
	  "packet data accessed beyond what a data_end comparison covers on the path",
	  bg_rule_pkt_bounds },
	{ "kernel-deref", BG_SEV_WARNING, "flow",
	  "a kernel address held as a number dereferenced directly instead of read with "
	  "BPF_CORE_READ()", bg_rule_kernel_deref },
	{ "btf-target", BG_SEV_ERROR, "btf",
	  "tp_btf, fentry, fexit, fmod_ret, lsm or iter target that is not in the kernel's BTF",
	  bg_rule_btf_target },
	{ "kfunc-unknown", BG_SEV_ERROR, "btf",
	  "kfunc or __ksym variable that is not in the kernel's BTF and not __weak",
	  bg_rule_kfunc_unknown },
	{ "kernel-version", BG_SEV_ERROR, "version",
	  "a program type, attach type, map type or flag, helper or kfunc newer than the target "
	  "kernel (--target-kernel)", bg_rule_kernel_version },
	{ "typed-type", BG_SEV_ERROR, "typed",
	  "a typed-layer key, value, result, context or object of another type", bg_rule_typed_type },
	{ "typed-return", BG_SEV_ERROR, "typed",
	  "a typed program body returning what its program type does not (an errno from a verdict)",
	  bg_rule_typed_return },
	{ "typed-unused", BG_SEV_ERROR, "typed",
	  "a typed-layer result that must be checked (NULL, -errno) is ignored", bg_rule_typed_unused },
	{ "typed-args", BG_SEV_ERROR, "typed",
	  "typed tracing parameters that the program does not receive (too many for a probe)",
	  bg_rule_typed_args },
	{ "typed-format", BG_SEV_ERROR, "typed",
	  "a bpfgen/log.h format whose conversions do not fit the arguments", bg_rule_typed_format },
	{ "btf-args", BG_SEV_ERROR, "btf",
	  "BPF_PROG() with more arguments than its BTF target passes", bg_rule_btf_args },
};

const size_t bg_rules_cnt = sizeof(bg_rules) / sizeof(bg_rules[0]);

const struct bg_rule *bg_rule__find(const char *id)
{
	size_t i;

	for (i = 0; i < bg_rules_cnt; i++)
		if (!strcmp(bg_rules[i].id, id))
			return &bg_rules[i];
	return NULL;
}

void bg_rules__run(const struct bg_model *m, const struct bg_rule_opts *opts, struct bg_diags *diags)
{
	bg_rules__run_family(m, opts, diags, NULL);
}

void bg_rules__run_family(const struct bg_model *m, const struct bg_rule_opts *opts,
			  struct bg_diags *diags, const char *family)
{
	struct bg_check c = { .m = m, .diags = diags, .opts = opts };
	size_t i;

	for (i = 0; i < bg_rules_cnt; i++) {
		if (family && strcmp(bg_rules[i].family, family))
			continue;
		if (opts && opts->enabled[i] == 0)
			continue;
		if (bg_rules[i].off_by_default && (!opts || opts->enabled[i] != 1))
			continue;
		c.rule = &bg_rules[i];
		bg_rules[i].run(&c);
	}
}

static bool same_loc(const struct bg_loc *a, const struct bg_loc *b)
{
	return a->file == b->file && a->line == b->line && a->col == b->col;
}

static struct bg_diag *report_v(struct bg_check *c, enum bg_severity sev, struct bg_loc loc,
				const char *fmt, va_list ap)
{
	struct bg_diag *d;
	char *msg = NULL;
	size_t i;

	/* a helper shared by two programs is one finding, not two */
	for (i = 0; i < c->diags->n; i++)
		if (c->diags->v[i].rule == c->rule->id && same_loc(&c->diags->v[i].loc, &loc))
			return NULL;
	if (sev == BG_SEV_WARNING && c->opts && c->opts->werror)
		sev = BG_SEV_ERROR;
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	if (!msg)
		return NULL;
	d = bg_diags__add(c->diags, sev, c->rule->id, loc, "%s", msg);
	free(msg);
	return d;
}

struct bg_diag *bg_check__report(struct bg_check *c, struct bg_loc loc, const char *fmt, ...)
{
	struct bg_diag *d;
	va_list ap;

	va_start(ap, fmt);
	d = report_v(c, c->rule->sev, loc, fmt, ap);
	va_end(ap);
	return d;
}

struct bg_diag *bg_check__report_sev(struct bg_check *c, enum bg_severity sev, struct bg_loc loc,
				     const char *fmt, ...)
{
	struct bg_diag *d;
	va_list ap;

	va_start(ap, fmt);
	d = report_v(c, sev, loc, fmt, ap);
	va_end(ap);
	return d;
}

const struct bg_section_def *bg_prog__section(const struct bg_prog *p)
{
	return p->section ? bg_section__find(p->section) : NULL;
}

static bool val_uses(const struct bg_val *v, const char *var)
{
	return (v->var && !strcmp(v->var, var)) || (v->idx && !strcmp(v->idx, var));
}

static bool stmt_uses(const struct bg_func *f, const struct bg_stmt *st, const char *var);

static bool cond_uses(const struct bg_func *f, const struct bg_cond *c, const char *var)
{
	size_t i;

	if (!c)
		return false;
	if ((c->var && !strcmp(c->var, var)) || val_uses(&c->a, var) || val_uses(&c->b, var) ||
	    stmt_uses(f, c->pre, var) || cond_uses(f, c->l, var) || cond_uses(f, c->r, var))
		return true;
	for (i = 0; i < c->nvars; i++)
		if (c->vars[i] && !strcmp(c->vars[i], var))
			return true;
	return false;
}

static bool stmt_uses(const struct bg_func *f, const struct bg_stmt *st, const char *var)
{
	size_t i;

	if (!st)
		return false;
	if ((st->var && !strcmp(st->var, var)) || val_uses(&st->val, var) ||
	    cond_uses(f, st->cond, var))
		return true;
	if (st->kind == BG_ST_CALL && st->call >= 0 && (size_t)st->call < f->ncalls)
		for (i = 0; i < f->calls[st->call].nargs; i++)
			if (f->calls[st->call].args[i].ref &&
			    !strcmp(f->calls[st->call].args[i].ref, var))
				return true;
	for (i = 0; i < st->nkids; i++)
		if (stmt_uses(f, st->kids[i], var))
			return true;
	return false;
}

const struct bg_kernel_table *bg_check__ktable(const struct bg_check *c)
{
	if (c->opts && c->opts->ktable)
		return c->opts->ktable;
	return bg_kernel_table__builtin();
}

bool bg_func__uses(const struct bg_func *f, const char *var)
{
	return !f->body || !var || !*var || stmt_uses(f, f->body, var);
}

int bg_model__reachable(const struct bg_model *m, int func, bool *reach)
{
	size_t *work, n = 0, i, j;

	memset(reach, 0, m->nfuncs * sizeof(*reach));
	work = malloc((m->nfuncs + 1) * sizeof(*work));
	if (!work)
		return -ENOMEM;
	for (i = 0; i < m->nprogs; i++) {
		int f = func >= 0 ? func : m->progs[i].func;

		if (func >= 0 && i > 0)
			break;
		if (f >= 0 && !reach[f]) {
			reach[f] = true;
			work[n++] = f;
		}
	}
	while (n) {
		const struct bg_func *f = &m->funcs[work[--n]];

		for (j = 0; j < f->ncalls; j++) {
			const struct bg_func *g;

			if (f->calls[j].indirect)
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
