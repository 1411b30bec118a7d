// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Rules on the license: GPL-only helpers need a GPL-compatible license string. */
#include <stdlib.h>
#include <string.h>

#include "rules.h"

/* A fix-it that adds a GPL license on the line before the first program's SEC(). */
static void note_insert_license(struct bg_diag *d, const struct bg_model *m)
{
	struct bg_loc at;

	if (!m->nprogs || !m->progs[0].sec_loc.line || m->progs[0].sec_loc.file != m->file)
		return;
	at = m->progs[0].sec_loc;
	at.col = 1;
	bg_diag__note(d, at, "add a license before the first program");
	bg_diag__note_replace(d, "char LICENSE[] SEC(\"license\") = \"GPL\";\n", BG_FIX_INSERT);
}

static void note_licenses(struct bg_diag *d, const struct bg_model *m)
{
	const char *hint = m->license ? bg_license__suggest(m->license) : NULL;

	char fix[300];

	if (m->has_license && hint) {
		bg_diag__note(d, m->license_loc, "license declared here; did you mean \"%s\"?", hint);
		if (m->license_str_loc.line) {
			/* the literal itself, quotes included */
			bg_diag__note(d, m->license_str_loc, "write \"%s\"", hint);
			snprintf(fix, sizeof(fix), "\"%s\"", hint);
			bg_diag__note_replace(d, fix, m->license_str_len);
		}
	} else if (m->has_license) {
		bg_diag__note(d, m->license_loc, "license declared here");
	} else {
		bg_diag__note(d, (struct bg_loc){},
			      "add: char LICENSE[] SEC(\"license\") = \"GPL\";");
		note_insert_license(d, m);
	}
	bg_diag__note(d, (struct bg_loc){},
		      "the kernel accepts exactly \"GPL\", \"GPL v2\", \"GPL and additional rights\", "
		      "\"Dual BSD/GPL\", \"Dual MIT/GPL\" or \"Dual MPL/GPL\"");
}

/* A direct call of a kfunc: the kernel refuses every kfunc to a non-GPL program. */
static void check_kfunc(struct bg_check *c, const struct bg_call *call)
{
	const struct bg_ksym *k = bg_model__find_ksym(c->m, call->callee);
	const struct bg_model *m = c->m;
	struct bg_diag *d;

	if (!k || !k->is_func)
		return;
	if (!m->has_license)
		d = bg_check__report(c, call->loc,
				     "'%s' is a kfunc, but this file has no license: the kernel "
				     "refuses to load the program", call->callee);
	else
		d = bg_check__report(c, call->loc,
				     "'%s' is a kfunc, but the license \"%s\" is not GPL-compatible "
				     "to the kernel: it refuses to load the program", call->callee,
				     m->license ? m->license : "");
	if (d)
		note_licenses(d, m);
}

static void check_prog(struct bg_check *c, const struct bg_prog *p, bool *reach)
{
	const struct bg_section_def *def = bg_prog__section(p);
	const struct bg_model *m = c->m;
	size_t i, j;

	if (!def || p->func < 0 || bg_model__reachable(m, p->func, reach))
		return;
	for (i = 0; i < m->nfuncs; i++) {
		const struct bg_func *f = &m->funcs[i];

		if (!reach[i])
			continue;
		for (j = 0; j < f->ncalls; j++) {
			const struct bg_call *call = &f->calls[j];
			const struct bg_helper *h;
			struct bg_diag *d;

			if (!call->indirect) {
				check_kfunc(c, call);
				continue;
			}
			if (strncmp(call->callee, "bpf_", 4))
				continue;
			h = bg_helper__find(call->callee);
			if (!h || !bg_helper__gpl_only(h, def->type, def->attach))
				continue;
			if (!m->has_license)
				d = bg_check__report(c, call->loc,
						     "'%s' is GPL-only, but this file has no license: "
						     "the kernel refuses to load the program",
						     call->callee);
			else
				d = bg_check__report(c, call->loc,
						     "'%s' is GPL-only, but the license \"%s\" is not "
						     "GPL-compatible to the kernel: it refuses to load the "
						     "program", call->callee, m->license ? m->license : "");
			if (d)
				note_licenses(d, m);
		}
	}
}

void bg_rule_license_gpl(struct bg_check *c)
{
	const struct bg_model *m = c->m;
	bool *reach;
	size_t i;

	if (m->license && bg_license__gpl_compatible(m->license))
		return;
	/* one piece of a linked object: the kernel sees the license of the whole */
	if (!m->has_license && m->has_weak)
		return;
	reach = calloc(m->nfuncs + 1, sizeof(*reach));
	if (!reach)
		return;
	for (i = 0; i < m->nprogs; i++)
		check_prog(c, &m->progs[i], reach);
	free(reach);
}

void bg_rule_license_missing(struct bg_check *c)
{
	const struct bg_model *m = c->m;
	struct bg_diag *d;
	size_t i;

	if (m->has_license || !m->nprogs || m->has_weak)
		return;
	/* license-gpl already said it, as an error */
	for (i = 0; i < c->diags->n; i++)
		if (c->diags->v[i].rule && !strcmp(c->diags->v[i].rule, "license-gpl"))
			return;
	d = bg_check__report(c, m->progs[0].loc, "no license section in this file");
	bg_diag__note(d, (struct bg_loc){},
		      "without one, GPL-only helpers and kfuncs are refused at load; add: "
		      "char LICENSE[] SEC(\"license\") = \"GPL\";");
	note_insert_license(d, m);
}
