// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Rules on what programs return: enforced ranges and action families. */
#include <stdbool.h>

#include "rules.h"

#define MAX_DEPTH 8

typedef void (*ret_fn)(struct bg_check *c, const struct bg_prog *p, const struct bg_return *r);

/*
 * Visit the constant returns a program can exit with: its own, and those of
 * the functions it returns the result of ("return handle(ctx);"), which is how
 * BPF_PROG() and inlined handlers pass a value out.
 */
static void visit_returns(struct bg_check *c, const struct bg_prog *p, const struct bg_func *f,
			  int depth, ret_fn fn)
{
	size_t i;

	for (i = 0; i < f->nrets; i++) {
		const struct bg_return *r = &f->rets[i];
		const struct bg_func *g;

		if (r->is_const) {
			fn(c, p, r);
		} else if (r->callee && depth < MAX_DEPTH) {
			g = bg_model__find_func(c->m, r->callee);
			if (g && g != f)
				visit_returns(c, p, g, depth + 1, fn);
		}
	}
}

static void for_each_prog(struct bg_check *c, ret_fn fn)
{
	size_t i;

	for (i = 0; i < c->m->nprogs; i++) {
		const struct bg_prog *p = &c->m->progs[i];

		if (p->func >= 0 && bg_prog__section(p))
			visit_returns(c, p, &c->m->funcs[p->func], 0, fn);
	}
}

static void check_range(struct bg_check *c, const struct bg_prog *p, const struct bg_return *r)
{
	const struct bg_section_def *def = bg_prog__section(p);
	const struct bg_return_range *range = bg_return_range__find(def->type, def->attach);
	struct bg_diag *d;

	if (!range || (r->value >= range->min && r->value <= range->max))
		return;
	if (range->min == range->max)
		d = bg_check__report(c, r->loc,
				     "program '%s' returns %lld, but the kernel only accepts %lld "
				     "from section '%s' and refuses to load it",
				     p->name, r->value, range->min, p->section);
	else
		d = bg_check__report(c, r->loc,
				     "program '%s' returns %lld, but the kernel only accepts %lld..%lld "
				     "from section '%s' and refuses to load it",
				     p->name, r->value, range->min, range->max, p->section);
	if (d)
		bg_diag__note(d, p->sec_loc, "%s", range->meaning);
}

void bg_rule_return_range(struct bg_check *c)
{
	for_each_prog(c, check_range);
}

static const char *action_name(enum bg_action_family family, long long value)
{
	static const char *const xdp[] = { "XDP_ABORTED", "XDP_DROP", "XDP_PASS", "XDP_TX",
					   "XDP_REDIRECT" };
	static const char *const tc[] = { "TC_ACT_UNSPEC", "TC_ACT_OK", "TC_ACT_RECLASSIFY",
					  "TC_ACT_SHOT", "TC_ACT_PIPE", "TC_ACT_STOLEN",
					  "TC_ACT_QUEUED", "TC_ACT_REPEAT", "TC_ACT_REDIRECT",
					  "TC_ACT_TRAP" };

	if (family == BG_ACT_XDP && value >= 0 && value <= 4)
		return xdp[value];
	if (family == BG_ACT_TC && value >= -1 && value <= 8)
		return tc[value + 1];
	if (family == BG_ACT_SK && (value == 0 || value == 1))
		return value ? "SK_PASS" : "SK_DROP";
	return NULL;
}

static void check_action(struct bg_check *c, const struct bg_prog *p, const struct bg_return *r)
{
	const struct bg_section_def *def = bg_prog__section(p);
	const struct bg_prog_type_info *info = bg_prog_type__info(def->type);
	const struct bg_action *a = r->token ? bg_action__find(r->token) : NULL;
	long long min, max;
	const char *as;
	struct bg_diag *d;

	if (!info || info->actions == BG_ACT_NONE)
		return;
	if (a && a->family != info->actions) {
		as = action_name(info->actions, r->value);
		if (as)
			d = bg_check__report(c, r->loc,
					     "%s program '%s' returns %s, a %s: its value %lld means %s here",
					     info->name, p->name, a->name,
					     bg_action__family_name(a->family), r->value, as);
		else
			d = bg_check__report(c, r->loc,
					     "%s program '%s' returns %s, a %s: its value %lld is not a %s",
					     info->name, p->name, a->name,
					     bg_action__family_name(a->family), r->value,
					     bg_action__family_name(info->actions));
		bg_diag__note(d, p->sec_loc, "'%s' is in section '%s': its program type is %s", p->name,
			      p->section, info->name);
		return;
	}
	if (a || !bg_action__range(info->actions, &min, &max))
		return;
	if (r->value < min || r->value > max) {
		/*
		 * XDP drops the packet and warns; tc gives no meaning to a value
		 * outside TC_ACT_* and the kernel accepts it (test runs only
		 * report it): unusual, not wrong, so a warning.
		 */
		d = bg_check__report_sev(c, info->actions == BG_ACT_TC ? BG_SEV_WARNING :
					 c->rule->sev, r->loc,
					 "%s program '%s' returns %lld, which is not a %s (%lld..%lld)",
					 info->name, p->name, r->value,
					 bg_action__family_name(info->actions), min, max);
		bg_diag__note(d, (struct bg_loc){},
			      info->actions == BG_ACT_XDP ?
			      "the kernel loads it and drops the packet with a warning, as for XDP_ABORTED" :
			      "the kernel loads it without a word; tc does not define what the value does");
	}
}

void bg_rule_return_action(struct bg_check *c)
{
	for_each_prog(c, check_action);
}
