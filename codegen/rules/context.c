// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Rules on context fields: what a program type may read and write, and how. */
#include <stdlib.h>
#include <string.h>

#include "../tables/kernel.h"
#include "rules.h"

/*
 * An access inside one of the typed layer's accessors (a setter of bpf.h)
 * belongs to the user's line that calls it: report it at each call, in the
 * main file, of a typed function that is or reaches the accessor ACC.
 */
static void at_typed_calls(struct bg_check *c, const struct bg_prog *p,
			   const struct bg_prog_type_info *info, const struct bg_ctx_access *a,
			   const bool *reach, size_t acc, bg_ctx_access_fn fn, void *arg)
{
	const struct bg_model *m = c->m;
	bool *via = calloc(m->nfuncs + 1, sizeof(*via));
	size_t i, j;

	if (!via)
		return;
	for (i = 0; i < m->nfuncs; i++) {
		const struct bg_func *f = &m->funcs[i];

		for (j = 0; reach[i] && j < f->ncalls; j++) {
			const struct bg_call *call = &f->calls[j];
			const struct bg_func *g;

			if (call->indirect || call->loc.file != m->file ||
			    !(g = bg_model__find_func(m, call->callee)) || !g->typed ||
			    g->loc.file == m->file)
				continue;
			if ((size_t)(g - m->funcs) != acc &&
			    (bg_model__reachable(m, (int)(g - m->funcs), via) || !via[acc]))
				continue;
			fn(c, p, info, a, call->loc, call->callee, arg);
		}
	}
	free(via);
}

void bg_check__for_each_ctx_access(struct bg_check *c, bg_ctx_access_fn fn, void *arg)
{
	const struct bg_model *m = c->m;
	bool *reach = calloc(m->nfuncs + 1, sizeof(*reach));
	size_t i, j, k;

	if (!reach)
		return;
	for (i = 0; i < m->nprogs; i++) {
		const struct bg_prog *p = &m->progs[i];
		const struct bg_section_def *def = bg_prog__section(p);
		const struct bg_prog_type_info *info = def ? bg_prog_type__info(def->type) : NULL;

		if (!info || !info->ctx || p->func < 0 || bg_model__reachable(m, p->func, reach))
			continue;
		for (j = 0; j < m->nfuncs; j++) {
			const struct bg_func *f = &m->funcs[j];

			for (k = 0; reach[j] && k < f->nctx_acc; k++) {
				const struct bg_ctx_access *a = &f->ctx_acc[k];

				if (strcmp(a->ctx, info->ctx))
					continue;
				if (f->typed && a->loc.file != m->file)
					at_typed_calls(c, p, info, a, reach, j, fn, arg);
				else
					fn(c, p, info, a, a->loc, NULL, arg);
			}
		}
	}
	free(reach);
}

int bg_ctx_access__flags(const struct bg_kernel_table *k, const struct bg_prog *p,
			 const struct bg_ctx_access *a, const struct bg_ctx_field **field)
{
	const struct bg_section_def *def = bg_prog__section(p);
	const struct bg_ctx_table *t = def ? bg_ctx_table__layout(def->type, def->attach) : NULL;
	const struct bg_ctx_field *f;
	int flags;

	*field = NULL;
	if (!t || a->off < 0 || a->var_off || !(f = bg_ctx_table__field(t, a->off)))
		return -1;
	*field = f;
	flags = bg_kernel_ctx__flags(bg_kernel_table__find_ctx(k, p->section), f->off);
	if (flags >= 0)
		return flags;
	/*
	 * tables/ctx_fields.c is the 6.18 reference: it speaks for the built-in
	 * table and for tables probed before bpfgen measured contexts.
	 */
	if ((k == bg_kernel_table__builtin() || !k || !k->nctx) &&
	    t == bg_ctx_table__find(def->type, def->attach))
		return f->flags;
	return -1;
}

static void check_access(struct bg_check *c, const struct bg_prog *p,
			 const struct bg_prog_type_info *info, const struct bg_ctx_access *a,
			 struct bg_loc at, const char *via, void *arg)
{
	const struct bg_ctx_field *f;
	bool can_read, can_write;
	struct bg_diag *d;
	int flags = bg_ctx_access__flags(bg_check__ktable(c), p, a, &f);

	if (flags < 0)
		return;
	can_read = flags & BG_CTX_READ;
	can_write = flags & BG_CTX_WRITE;
	if (a->write ? can_write : can_read)
		return;
	d = bg_check__report(c, at, "%s programs may not %s '%s' of '%s'%s%s%s%s", info->name,
			     a->write ? "write" : "read", a->field, info->ctx,
			     via ? " through " : "", via ? via : "", via ? "()" : "",
			     a->write && can_read ? ": it is read-only here" : "");
	bg_diag__note(d, p->sec_loc, "'%s' is in section '%s'; the verifier refuses the access "
		      "(\"invalid bpf_context access off=%lld\")", p->name, p->section, a->off);
}

void bg_rule_ctx_access(struct bg_check *c)
{
	bg_check__for_each_ctx_access(c, check_access, NULL);
}

static void check_var_off(struct bg_check *c, const struct bg_prog *p,
			  const struct bg_prog_type_info *info, const struct bg_ctx_access *a,
			  struct bg_loc at, const char *via, void *arg)
{
	struct bg_diag *d;

	if (!a->var_off)
		return;
	/*
	 * The counter of a small constant loop: clang unrolls it at -O2 when
	 * the body is small, and every offset is then a constant. Whether it
	 * does is clang's choice: a warning.
	 */
	if (a->loop_index) {
		(void)via;
		d = bg_check__report_sev(c, BG_SEV_WARNING, at,
					 "'%s' of '%s' is indexed by a loop counter: constant only "
					 "if clang unrolls the loop", a->field, info->ctx);
		bg_diag__note(d, (struct bg_loc){},
			      "the verifier allows only constant offsets into the context; "
			      "add #pragma unroll before the loop to make the unrolling certain");
		return;
	}
	d = bg_check__report(c, at, "'%s' of '%s' is indexed by a value known only at run time",
			     a->field, info->ctx);
	bg_diag__note(d, (struct bg_loc){},
		      "the verifier allows only constant offsets into the context (\"variable ctx "
		      "access var_off=... disallowed\"): use a constant index, or a switch");
}

void bg_rule_ctx_var_offset(struct bg_check *c)
{
	bg_check__for_each_ctx_access(c, check_var_off, NULL);
}
