// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * kernel-version: a feature the target kernel does not have. With
 * `--target-kernel 5.15,6.1` (or a "bpfgen: target-kernel 5.15" line in the
 * file, used when the command line names none), every program type and
 * attach type a section implies, map type, map flag, helper and kfunc the
 * file uses is looked up in the table of the first upstream version that has
 * it (tables/versions.h); one older than a target does not load there, and
 * the finding names the oldest such target. What runs only under a CO-RE
 * feature test (bpf_core_type_exists(), bpf_ksym_exists() on a __weak kfunc)
 * is not reported: libbpf drops it where the kernel lacks it.
 *
 * Upstream versions say nothing of distribution backports (RHEL 9's 5.14 has
 * much of 5.18): where the target is a kernel bpfgen has measured
 * (tables/kernel.h), the measured helper verdicts decide for helpers. Context
 * fields have no upstream dates: they are judged by the measured tables only.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tables/kernel.h"
#include "../tables/versions.h"
#include "rules.h"

#define TARGETS_MAX 16

struct targets {
	struct bg_kver v[TARGETS_MAX];	/* oldest first */
	size_t n;
	const char *spec;		/* as written, for messages */
};

/* What to use instead, on kernels older than the feature. */
static const struct {
	const char *feature;
	const char *instead;
} alternatives[] = {
	{ "BPF_MAP_TYPE_RINGBUF", "a BPF_MAP_TYPE_PERF_EVENT_ARRAY and bpf_perf_event_output() "
				  "(Linux 4.4)" },
	{ "bpf_ringbuf_output", "bpf_perf_event_output() on a BPF_MAP_TYPE_PERF_EVENT_ARRAY "
				"(Linux 4.4)" },
	{ "bpf_ringbuf_reserve", "bpf_perf_event_output() on a BPF_MAP_TYPE_PERF_EVENT_ARRAY "
				 "(Linux 4.4), from a per-CPU array used as scratch space" },
	{ "bpf_loop", "a for loop with a constant bound (Linux 5.3), or one unrolled with "
		      "#pragma unroll" },
	{ "bpf_for_each_map_elem", "a for loop over the keys of a BPF_MAP_TYPE_ARRAY (Linux 5.3)" },
	{ "bpf_strncmp", "a for loop comparing the bytes, with a constant bound (Linux 5.3)" },
	{ "bpf_probe_read_kernel", "bpf_probe_read() (Linux 4.1)" },
	{ "bpf_probe_read_user", "bpf_probe_read() (Linux 4.1)" },
	{ "bpf_probe_read_kernel_str", "bpf_probe_read_str() (Linux 4.11)" },
	{ "bpf_probe_read_user_str", "bpf_probe_read_str() (Linux 4.11)" },
	{ "bpf_ktime_get_boot_ns", "bpf_ktime_get_ns() (Linux 4.1), which stops in suspend" },
	{ "bpf_ktime_get_coarse_ns", "bpf_ktime_get_ns() (Linux 4.1)" },
	{ "bpf_get_current_task_btf", "bpf_get_current_task() (Linux 4.8) and BPF_CORE_READ()" },
	{ "bpf_get_func_ip", "the address from PT_REGS_IP() in a kprobe" },
	{ "BPF_MAP_TYPE_TASK_STORAGE", "a BPF_MAP_TYPE_HASH keyed by the thread id" },
	{ "BPF_MAP_TYPE_INODE_STORAGE", "a BPF_MAP_TYPE_HASH keyed by the inode number" },
	{ "BPF_MAP_TYPE_CGRP_STORAGE", "a BPF_MAP_TYPE_HASH keyed by bpf_get_current_cgroup_id()" },
	{ "BPF_MAP_TYPE_BLOOM_FILTER", "a BPF_MAP_TYPE_HASH" },
	{ "BPF_TRACE_FENTRY", "SEC(\"kprobe/FUNC\") with BPF_KPROBE() (Linux 4.1)" },
	{ "BPF_TRACE_FEXIT", "SEC(\"kretprobe/FUNC\") with BPF_KRETPROBE() (Linux 4.1)" },
	{ "BPF_TRACE_RAW_TP", "SEC(\"raw_tp/EVENT\") (Linux 4.17) or SEC(\"tracepoint/...\")" },
	{ "BPF_TRACE_KPROBE_MULTI", "one SEC(\"kprobe/FUNC\") program per function" },
	{ "BPF_TRACE_UPROBE_MULTI", "one SEC(\"uprobe\") program per function" },
	{ "BPF_TCX_INGRESS", "SEC(\"tc\") attached to a clsact qdisc with bpf_tc_attach()" },
	{ "BPF_TCX_EGRESS", "SEC(\"tc\") attached to a clsact qdisc with bpf_tc_attach()" },
	{ "BPF_SK_SKB_VERDICT", "SEC(\"sk_skb/stream_verdict\") (Linux 4.14)" },
	{ "BPF_F_SLEEPABLE", "the non-sleepable section, with bpf_probe_read_user() in place of "
			     "bpf_copy_from_user()" },
	{ "BPF_F_XDP_HAS_FRAGS", "SEC(\"xdp\"): packets larger than a page do not reach the "
				 "program there" },
};

static const char *instead(const char *feature)
{
	size_t i;

	for (i = 0; i < sizeof(alternatives) / sizeof(alternatives[0]); i++)
		if (!strcmp(alternatives[i].feature, feature))
			return alternatives[i].instead;
	return NULL;
}

/* Parse "5.15,6.1" into T, sorted oldest first. -EINVAL on a bad version. */
static int targets_parse(const char *spec, struct targets *t)
{
	const char *p = spec;
	char buf[64];
	size_t len, i, j;

	t->n = 0;
	t->spec = spec;
	while (*p) {
		struct bg_kver v;

		while (*p == ',' || *p == ' ')
			p++;
		len = strcspn(p, ", ");
		if (!len)
			break;
		if (len >= sizeof(buf) || t->n >= TARGETS_MAX)
			return -EINVAL;
		memcpy(buf, p, len);
		buf[len] = '\0';
		if (bg_kver__parse(buf, &v))
			return -EINVAL;
		for (i = 0; i < t->n && bg_kver__cmp(t->v[i], v) < 0; i++)
			;
		if (i == t->n || bg_kver__cmp(t->v[i], v)) {
			for (j = t->n; j > i; j--)
				t->v[j] = t->v[j - 1];
			t->v[i] = v;
			t->n++;
		}
		p += len;
	}
	return t->n ? 0 : -EINVAL;
}

int bg_target_kernel__validate(const char *spec)
{
	struct targets t;

	return targets_parse(spec, &t);
}

/* The oldest target when it is older than F, or NULL when every target has F. */
static const struct bg_kver *lacks(const struct targets *t, const struct bg_feature_version *f)
{
	if (!f || !t->n)
		return NULL;
	return bg_kver__cmp(t->v[0], (struct bg_kver){ f->major, f->minor }) < 0 ? &t->v[0] : NULL;
}

/* The measured table for target V (the 6.1 and 6.18 built-ins), or NULL. */
static const struct bg_kernel_table *measured(struct bg_kver v)
{
	return bg_kernel_table__measured(v.major, v.minor);
}

/*
 * Report WHAT (F's use) at LOC, naming every target older than F; a note with what to use instead, looked up by ALT or,
 * when NULL, by the feature's name.
 */
static struct bg_diag *report(struct bg_check *c, struct bg_loc loc, const struct targets *t,
			      const char *what, const struct bg_feature_version *f, const char *alt)
{
	struct bg_kver need = { f->major, f->minor };
	char list[256];
	const char *use;
	struct bg_diag *d;
	size_t i, n = 0, len = 0;

	list[0] = '\0';
	for (i = 0; i < t->n && bg_kver__cmp(t->v[i], need) < 0; i++, n++)
		len += snprintf(list + len, sizeof(list) - len, "%s%u.%u", n ? ", " : "",
				t->v[i].major, t->v[i].minor);
	if (!n)
		return NULL;
	d = bg_check__report(c, loc, "%s is in Linux %u.%u and later: target kernel%s %s %s not "
			     "have it and will not load the program", what, f->major, f->minor,
			     n > 1 ? "s" : "", list, n > 1 ? "do" : "does");
	if (!d)
		return NULL;
	use = instead(alt ? alt : f->name);
	if (!use && alt)
		use = instead(f->name);
	if (use)
		bg_diag__note(d, (struct bg_loc){}, "before Linux %u.%u, use %s", f->major,
			      f->minor, use);
	return d;
}

/* "BPF_" and DEF's attach type into BUF, or NULL when it has none. */
static const char *attach_name(const struct bg_section_def *def, char *buf, size_t size)
{
	if (!def->attach)
		return NULL;
	snprintf(buf, size, "BPF_%s", def->attach);
	return buf;
}

static void check_section(struct bg_check *c, const struct targets *t, const struct bg_prog *p)
{
	const struct bg_section_def *def = bg_prog__section(p);
	const struct bg_feature_version *f;
	char what[256], name[96];

	if (!def)
		return;
	f = bg_feature__by_value(BG_FEAT_PROG_TYPE, def->type);
	if (lacks(t, f)) {
		snprintf(what, sizeof(what), "section '%s' is a %s program, which", p->section,
			 f->name);
		report(c, p->sec_loc, t, what, f, attach_name(def, name, sizeof(name)));
		return;
	}
	/* the kernel checks SEC("xdp")'s BPF_XDP only when a link attaches it */
	if (def->attach && strcmp(def->attach, "XDP")) {
		f = bg_feature__find(BG_FEAT_ATTACH_TYPE, attach_name(def, name, sizeof(name)));
		if (lacks(t, f)) {
			snprintf(what, sizeof(what), "section '%s' attaches as %s, which",
				 p->section, name);
			report(c, p->sec_loc, t, what, f, NULL);
			return;
		}
	}
	if (def->flags & BG_SEC_SLEEPABLE)
		f = bg_feature__find(BG_FEAT_PROG_FLAG, "BPF_F_SLEEPABLE");
	else if (strstr(p->section, ".frags"))
		f = bg_feature__find(BG_FEAT_PROG_FLAG, "BPF_F_XDP_HAS_FRAGS");
	else
		f = NULL;
	if (lacks(t, f)) {
		snprintf(what, sizeof(what), "section '%s' loads the program with %s, which",
			 p->section, f->name);
		report(c, p->sec_loc, t, what, f, NULL);
	}
}

static void check_map(struct bg_check *c, const struct targets *t, const struct bg_map *map)
{
	const struct bg_feature_version *f;
	char what[256];
	int bit;

	f = bg_feature__by_value(BG_FEAT_MAP_TYPE, map->type);
	if (lacks(t, f)) {
		snprintf(what, sizeof(what), "map '%s' is a %s, which", map->name, f->name);
		report(c, map->loc, t, what, f, NULL);
	}
	for (bit = 0; bit < 32; bit++) {
		if (!(map->flags & (1LL << bit)))
			continue;
		f = bg_feature__by_value(BG_FEAT_MAP_FLAG, 1LL << bit);
		if (lacks(t, f)) {
			snprintf(what, sizeof(what), "map '%s' has flag %s, which", map->name,
				 f->name);
			report(c, map->loc, t, what, f, NULL);
		}
	}
}

/*
 * Whether helper H (its enum bpf_func_id value ID) is in the measured table
 * K for a program in SEC: 1 yes, 0 no, -1 the table cannot tell.
 */
static int measured_has(const struct bg_kernel_table *k, const char *sec, int id)
{
	const struct bg_kernel_row *row = bg_kernel_table__find(k, sec);
	size_t i;

	if (id > k->helper_max)
		return 0;
	if (row && row->measured)
		return bg_kernel_row__verdict(row, id) > 0;
	for (i = 0; i < k->nrows; i++)
		if (k->rows[i].measured && bg_kernel_row__verdict(&k->rows[i], id) > 0)
			return 1;
	return -1;
}

static void check_call(struct bg_check *c, const struct targets *t, const struct bg_prog *p,
		       const struct bg_call *call)
{
	const struct bg_feature_version *f;
	const struct bg_kernel_table *k;
	const struct bg_ksym *ks;
	struct targets lack = { .n = 0 };
	char what[256];
	size_t i;

	if (call->indirect) {
		if (strncmp(call->callee, "bpf_", 4))
			return;
		f = bg_feature__find(BG_FEAT_HELPER, call->callee);
		if (!f)
			return;
		/*
		 * A measured kernel says what it has, backports included, and
		 * per program type: a helper older than the target may still be
		 * closed to this type there. The builtin table is the running
		 * kernel's, which helper-prog-type already reports on.
		 */
		for (i = 0; i < t->n; i++) {
			bool older = bg_kver__cmp(t->v[i], (struct bg_kver){ f->major, f->minor }) < 0;
			int has;

			k = measured(t->v[i]);
			has = k ? measured_has(k, p->section, (int)f->value) : -1;
			if (has > 0)
				continue;
			if (older)
				lack.v[lack.n++] = t->v[i];
			else if (!has && k != bg_kernel_table__builtin())
				bg_check__report(c, call->loc, "helper '%s' is not open to '%s' programs "
						 "on Linux %u.%u (measured by bpfgen probe on %s): "
						 "target kernel %u.%u will not load the program",
						 call->callee, p->section, t->v[i].major,
						 t->v[i].minor, k->release, t->v[i].major,
						 t->v[i].minor);
		}
		snprintf(what, sizeof(what), "helper '%s'", call->callee);
	} else {
		ks = bg_model__find_ksym(c->m, call->callee);
		if (!ks || !ks->is_func || ks->is_weak)
			return;
		f = bg_feature__find(BG_FEAT_KFUNC, call->callee);
		if (!lacks(t, f))
			return;
		lack = *t;
		snprintf(what, sizeof(what), "kfunc '%s'", call->callee);
	}
	report(c, call->loc, &lack, what, f, NULL);
}

/*
 * A context field the running kernel's table allows and a target lacks. A
 * target bpfgen has measured is judged by its table. Another is judged first
 * by the field's upstream version (tables/versions_ctx.c), then by the oldest
 * measured kernel newer than it, since kernels only ever open context fields
 * (a new field, a new attach type allowed to write one), never close them.
 * A target between two measured kernels that only the newer one refuses, or
 * newer than every measured kernel, is judged by the upstream version alone.
 */
static void check_ctx(struct bg_check *c, const struct bg_prog *p,
		      const struct bg_prog_type_info *info, const struct bg_ctx_access *a,
		      struct bg_loc at, const char *via, void *arg)
{
	const struct bg_kernel_table *builtin = bg_kernel_table__builtin(), *k, *shown = NULL;
	const struct bg_ctx_field_version *fv = bg_ctx_field__version(info->ctx, a->field);
	const struct targets *t = arg;
	const struct bg_ctx_field *f;
	unsigned want = a->write ? BG_CTX_WRITE : BG_CTX_READ, major = 0, minor = 0;
	unsigned shown_major = 0, shown_minor = 0;
	struct targets upstream = { .n = 0 };
	char list[256], what[256];
	size_t i, n = 0, len = 0;
	bool older = false;
	struct bg_diag *d;
	int flags;

	flags = bg_ctx_access__flags(builtin, p, a, &f);
	if (flags < 0 || !(flags & want))
		return;	/* ctx-access speaks for the running kernel */
	snprintf(what, sizeof(what), "%s '%s' of '%s'%s%s%s", a->write ? "writing" : "reading",
		 a->field, info->ctx, via ? " through " : "", via ? via : "", via ? "()" : "");
	list[0] = '\0';
	for (i = 0; i < t->n; i++) {
		k = measured(t->v[i]);
		if (!k && fv && bg_kver__cmp(t->v[i], (struct bg_kver){ fv->major, fv->minor }) < 0) {
			upstream.v[upstream.n++] = t->v[i];
			continue;
		}
		if (!k)
			k = bg_kernel_table__measured_from(t->v[i].major, t->v[i].minor, &major,
							   &minor);
		else
			major = t->v[i].major, minor = t->v[i].minor;
		if (!k || k == builtin || (shown && k != shown))
			continue;
		flags = bg_ctx_access__flags(k, p, a, &f);
		if (flags < 0 || (flags & want))
			continue;
		shown = k;
		shown_major = major;
		shown_minor = minor;
		older |= t->v[i].major != major || t->v[i].minor != minor;
		len += snprintf(list + len, sizeof(list) - len, "%s%u.%u", n++ ? ", " : "",
				t->v[i].major, t->v[i].minor);
	}
	if (upstream.n) {
		struct bg_feature_version feat = { .major = fv->major, .minor = fv->minor };
		char field[160];

		snprintf(field, sizeof(field), "context field '%s' of '%s'", a->field, info->ctx);
		feat.name = field;
		d = report(c, at, &upstream, field, &feat, NULL);
		/* one finding per line: the measured kernels go in a note */
		if (d && n)
			bg_diag__note(d, (struct bg_loc){}, "bpfgen probe measured the same on %s "
				      "(Linux %u.%u's table): target kernel%s %s will not load it "
				      "either", shown->release, shown_major, shown_minor,
				      n > 1 ? "s" : "", list);
		return;
	}
	if (!n)
		return;
	d = bg_check__report(c, at, "%s in '%s' programs is refused on Linux %u.%u (measured by "
			     "bpfgen probe on %s): target kernel%s %s will not load the program",
			     what, p->section, shown_major, shown_minor, shown->release,
			     n > 1 ? "s" : "", list);
	if (d && older)
		bg_diag__note(d, (struct bg_loc){}, "bpfgen judges a target older than %u.%u by "
			      "%u.%u's table: kernels open context fields over time, never close "
			      "them", shown_major, shown_minor, shown_major, shown_minor);
}

void bg_rule_kernel_version(struct bg_check *c)
{
	const struct bg_model *m = c->m;
	const char *spec = c->opts ? c->opts->target_kernel : NULL;
	bool **guarded = NULL, *reach = NULL;
	struct targets t;
	size_t i, j, k;

	if (!spec)
		spec = m->target_kernel;
	if (!spec || targets_parse(spec, &t))
		return;
	for (i = 0; i < m->nprogs; i++)
		check_section(c, &t, &m->progs[i]);
	/* maps the programs never name still are created at load */
	for (i = 0; i < m->nmaps; i++)
		check_map(c, &t, &m->maps[i]);
	bg_check__for_each_ctx_access(c, check_ctx, &t);

	reach = calloc(m->nfuncs + 1, sizeof(*reach));
	guarded = bg_model__guarded_calls(m);
	if (!reach || !guarded)
		goto out;
	for (i = 0; i < m->nprogs; i++) {
		const struct bg_prog *p = &m->progs[i];

		bool **live;

		if (p->func < 0 || (size_t)p->func >= m->nfuncs ||
		    bg_model__reachable_unguarded(m, p, guarded, reach))
			continue;
		live = bg_model__live_calls(m, p, guarded);
		for (j = 0; j < m->nfuncs; j++) {
			const struct bg_func *f = &m->funcs[j];

			if (!reach[j])
				continue;
			for (k = 0; k < f->ncalls; k++)
				if (!guarded[j][k] && (!live || live[j][k]))
					check_call(c, &t, p, &f->calls[k]);
		}
		bg_guarded_calls__free(m, live);
	}
out:
	bg_guarded_calls__free(m, guarded);
	free(reach);
}
