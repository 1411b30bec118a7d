// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Rules against the kernel's BTF: the target a tp_btf, fentry, fexit,
 * fmod_ret, lsm or iter section names, the arguments BPF_PROG() reads from
 * it, and the kfuncs and __ksym variables libbpf resolves when it loads.
 *
 * A name missing from the BTF is reported only when a close name exists: a
 * target or kfunc of another kernel version, of a module that is not loaded,
 * or a placeholder that the loader retargets with
 * bpf_program__set_attach_target() is missing too, and is correct code.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "rules.h"

#define KERNEL_BTF_DIR	"/sys/kernel/btf"
#define KERNEL_BTF	KERNEL_BTF_DIR "/vmlinux"

struct bg_kbtf {
	char *path;
	bool with_mods;		/* the running kernel's: its loaded modules count too */
	bool loaded;		/* reading was tried */
	struct btf *vmlinux;	/* NULL when it could not be read */
	struct btf **mods;
	size_t nmods;
	bool mods_loaded;
	bool *kfuncs;		/* by type id of vmlinux: a FUNC tagged "bpf_kfunc" */
	bool kfuncs_loaded;
};

struct bg_kbtf *bg_kbtf__new(const char *path)
{
	struct bg_kbtf *k = calloc(1, sizeof(*k));

	if (!k)
		return NULL;
	k->path = strdup(path ? path : KERNEL_BTF);
	if (!k->path) {
		free(k);
		return NULL;
	}
	k->with_mods = !strcmp(k->path, KERNEL_BTF);
	return k;
}

void bg_kbtf__free(struct bg_kbtf *k)
{
	size_t i;

	if (!k)
		return;
	for (i = 0; i < k->nmods; i++)
		btf__free(k->mods[i]);
	free(k->mods);
	btf__free(k->vmlinux);
	free(k->kfuncs);
	free(k->path);
	free(k);
}

static int print_nothing(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	return 0;
}

/* libbpf's own warnings would be noise next to the one note */
static struct btf *parse_quietly(const char *path, struct btf *base, int *err)
{
	libbpf_print_fn_t old = libbpf_set_print(print_nothing);
	struct btf *btf;

	btf = base ? btf__parse_split(path, base) : btf__parse(path, NULL);
	*err = btf ? 0 : -errno;
	libbpf_set_print(old);
	return btf;
}

/*
 * Why PATH could not be parsed: libbpf says ENOENT for an ELF file without
 * .BTF, EIO for an empty one and its own codes for other data.
 */
static const char *why_unreadable(const char *path, int err)
{
	struct stat st;

	if (stat(path, &st))
		return strerror(errno);
	if (S_ISDIR(st.st_mode))
		return strerror(EISDIR);
	if (err == -EACCES || err == -EPERM || err == -ENOMEM)
		return strerror(-err);
	return "not a BTF file";
}

/* The kernel's BTF, read on first use; NULL when it cannot be (said once). */
static struct bg_kbtf *kbtf_get(struct bg_check *c)
{
	struct bg_kbtf *k = c->opts ? c->opts->kbtf : NULL;
	int err;

	if (!k)
		return NULL;
	if (!k->loaded) {
		k->loaded = true;
		k->vmlinux = parse_quietly(k->path, NULL, &err);
		if (!k->vmlinux)
			fprintf(stderr, "bpfgen: note: no kernel BTF (%s: %s): BTF rules skipped\n",
				k->path, why_unreadable(k->path, err));
	}
	return k->vmlinux ? k : NULL;
}

static void load_mods(struct bg_kbtf *k)
{
	char path[PATH_MAX];
	struct dirent *e;
	struct btf *b, **v;
	DIR *dir;
	int err;

	k->mods_loaded = true;
	if (!k->with_mods || !(dir = opendir(KERNEL_BTF_DIR)))
		return;
	while ((e = readdir(dir))) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "vmlinux"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", KERNEL_BTF_DIR, e->d_name);
		b = parse_quietly(path, k->vmlinux, &err);
		if (!b)
			continue;
		v = realloc(k->mods, (k->nmods + 1) * sizeof(*v));
		if (!v) {
			btf__free(b);
			break;
		}
		k->mods = v;
		k->mods[k->nmods++] = b;
	}
	closedir(dir);
}

/* NAME of KIND in vmlinux or a loaded module: its id and BTF, or 0. */
static int kbtf_find(struct bg_kbtf *k, const char *name, int kind, const struct btf **btf)
{
	size_t i;
	int id;

	id = btf__find_by_name_kind(k->vmlinux, name, kind);
	if (id > 0) {
		*btf = k->vmlinux;
		return id;
	}
	if (!k->mods_loaded)
		load_mods(k);
	for (i = 0; i < k->nmods; i++) {
		id = btf__find_by_name_kind(k->mods[i], name, kind);
		if (id > 0) {
			*btf = k->mods[i];
			return id;
		}
	}
	return 0;
}

/* Mark the FUNCs the kernel tags as kfuncs; false when it tags none (older BTF). */
static bool load_kfuncs(struct bg_kbtf *k)
{
	__u32 i, n = btf__type_cnt(k->vmlinux);
	bool any = false;

	if (k->kfuncs_loaded)
		return k->kfuncs;
	k->kfuncs_loaded = true;
	k->kfuncs = calloc(n, sizeof(*k->kfuncs));
	if (!k->kfuncs)
		return false;
	for (i = 1; i < n; i++) {
		const struct btf_type *t = btf__type_by_id(k->vmlinux, i);

		if (btf_is_decl_tag(t) && btf_decl_tag(t)->component_idx == -1 && t->type < n &&
		    !strcmp(btf__name_by_offset(k->vmlinux, t->name_off), "bpf_kfunc")) {
			k->kfuncs[t->type] = true;
			any = true;
		}
	}
	if (!any) {
		free(k->kfuncs);
		k->kfuncs = NULL;
	}
	return k->kfuncs;
}

struct suggest {
	const char *name;	/* as written, without the BTF name's prefix */
	const char *prefix;	/* of the BTF names compared: "btf_trace_" */
	int kind;
	const bool *only;	/* by type id: compare only these, or NULL */
	const char *best;	/* without the prefix */
	unsigned best_d;
};

static void suggest_in(struct suggest *s, const struct btf *btf, __u32 from)
{
	size_t len = strlen(s->name), plen = strlen(s->prefix);
	__u32 i, n = btf__type_cnt(btf);

	for (i = from; i < n; i++) {
		const struct btf_type *t = btf__type_by_id(btf, i);
		const char *name;
		size_t nlen;
		unsigned d;

		if (btf_kind(t) != s->kind || (s->only && !s->only[i]))
			continue;
		name = btf__name_by_offset(btf, t->name_off);
		if (!name || strncmp(name, s->prefix, plen))
			continue;
		name += plen;
		nlen = strlen(name);
		if (nlen + 2 < len || len + 2 < nlen)
			continue;
		d = bg_edit_distance(s->name, len, name, nlen);
		if (d < s->best_d) {
			s->best_d = d;
			s->best = name;
		}
	}
}

/*
 * A name of KIND close to NAME (PREFIX stripped from both), or NULL: a typo.
 * A short name is close to some of the kernel's 56k functions by chance
 * ("func", a placeholder), so among all functions a name needs 6 characters.
 */
static const char *kbtf_suggest(struct bg_kbtf *k, const char *name, const char *prefix, int kind,
				bool kfuncs)
{
	struct suggest s = { .name = name, .prefix = prefix, .kind = kind, .best_d = 1000 };
	size_t i;

	if (kfuncs && load_kfuncs(k))
		s.only = k->kfuncs;
	if (kind == BTF_KIND_FUNC && !*prefix && !s.only && strlen(name) < 6)
		return NULL;
	suggest_in(&s, k->vmlinux, 1);
	/* kfunc tags are read from vmlinux only: no module kfunc is suggested */
	if (!s.only)
		for (i = 0; i < k->nmods; i++)
			suggest_in(&s, k->mods[i], btf__type_cnt(k->vmlinux));
	/* as for section names: at most two edits, and fewer than a third of it */
	if (s.best && s.best_d > 0 && s.best_d <= 2 && s.best_d * 3 <= strlen(name))
		return s.best;
	return NULL;
}

/* libbpf's btf_get_kernel_prefix_kind(): where each attach type's target is. */
struct target_kind {
	const char *attach;	/* bg_section_def.attach */
	const char *what;	/* for messages */
	const char *prefix;	/* of the BTF name */
	int kind;
	int args;		/* -1: no BPF_PROG() arguments to check; 1: and the return value */
};

static const struct target_kind target_kinds[] = {
	{ "TRACE_RAW_TP",	"tracepoint",	"btf_trace_",	BTF_KIND_TYPEDEF, 0 },
	{ "TRACE_FENTRY",	"function",	"",		BTF_KIND_FUNC, 0 },
	{ "TRACE_FEXIT",	"function",	"",		BTF_KIND_FUNC, 1 },
	{ "MODIFY_RETURN",	"function",	"",		BTF_KIND_FUNC, 1 },
	{ "LSM_MAC",		"LSM hook",	"bpf_lsm_",	BTF_KIND_FUNC, 1 },
	{ "LSM_CGROUP",		"LSM hook",	"bpf_lsm_",	BTF_KIND_FUNC, 1 },
	{ "TRACE_ITER",		"iterator",	"bpf_iter_",	BTF_KIND_FUNC, -1 },
};

/*
 * The target kind of P and the target as written (after the first '/', as
 * libbpf takes it), or NULL: not a BTF section, no target (set at run time),
 * or a "module:function" target, which libbpf 1.1 does not know and newer
 * libbpf looks up in a module that need not be loaded here.
 */
static const struct target_kind *prog_target(const struct bg_prog *p, const char **target)
{
	const struct bg_section_def *def = bg_prog__section(p);
	const char *slash;
	size_t i;

	if (!def || !def->attach || !(slash = strchr(p->section, '/')) || !slash[1] ||
	    strchr(slash, ':'))
		return NULL;
	for (i = 0; i < sizeof(target_kinds) / sizeof(target_kinds[0]); i++) {
		if (!strcmp(target_kinds[i].attach, def->attach)) {
			*target = slash + 1;
			return &target_kinds[i];
		}
	}
	return NULL;
}

static bool needs_btf(const struct bg_model *m, bool progs, bool ksyms)
{
	const char *target;
	size_t i;

	for (i = 0; progs && i < m->nprogs; i++)
		if (prog_target(&m->progs[i], &target))
			return true;
	for (i = 0; ksyms && i < m->nksyms; i++)
		if (!m->ksyms[i].is_weak)
			return true;
	return false;
}

/* Another program of the file attaches to NAME: the two are a kernel-version pair. */
static bool other_targets(const struct bg_model *m, const struct target_kind *tk,
			  const char *name)
{
	const char *target;
	size_t i;

	for (i = 0; i < m->nprogs; i++) {
		const struct target_kind *o = prog_target(&m->progs[i], &target);

		if (o && !strcmp(o->prefix, tk->prefix) && o->kind == tk->kind &&
		    !strcmp(target, name))
			return true;
	}
	return false;
}

void bg_rule_btf_target(struct bg_check *c)
{
	const struct bg_model *m = c->m;
	char name[256], fix[512];
	struct bg_kbtf *k;
	size_t i;

	if (!needs_btf(m, true, false) || !(k = kbtf_get(c)))
		return;
	for (i = 0; i < m->nprogs; i++) {
		const struct bg_prog *p = &m->progs[i];
		const struct target_kind *tk;
		const struct btf *btf;
		const char *target, *hint;
		struct bg_diag *d;

		tk = prog_target(p, &target);
		if (!tk)
			continue;
		snprintf(name, sizeof(name), "%s%s", tk->prefix, target);
		if (kbtf_find(k, name, tk->kind, &btf))
			continue;
		hint = kbtf_suggest(k, target, tk->prefix, tk->kind, false);
		if (!hint || other_targets(m, tk, hint))
			continue;
		d = bg_check__report(c, p->sec_loc,
				     "%s '%s' is not in the kernel's BTF; did you mean '%s'?", tk->what,
				     target, hint);
		snprintf(fix, sizeof(fix), "SEC(\"%.*s%s\")", (int)(target - p->section), p->section,
			 hint);
		bg_diag__fixit(d, fix);
		bg_diag__note(d, p->loc,
			      "libbpf looks up %s '%s' in the kernel's BTF to load '%s' and refuses "
			      "it: \"failed to find kernel BTF type ID of '%s'\"",
			      tk->kind == BTF_KIND_TYPEDEF ? "the typedef" : "the function", name,
			      p->name, target);
	}
}

static bool in_kallsyms(const char *name)
{
	char line[512], sym[256];
	bool found = false;
	FILE *f;

	f = fopen("/proc/kallsyms", "r");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f))
		found = sscanf(line, "%*s %*s %255s", sym) == 1 && !strcmp(sym, name);
	fclose(f);
	return found;
}

void bg_rule_kfunc_unknown(struct bg_check *c)
{
	const struct bg_model *m = c->m;
	struct bg_kbtf *k;
	size_t i;

	if (!needs_btf(m, false, true) || !(k = kbtf_get(c)))
		return;
	for (i = 0; i < m->nksyms; i++) {
		const struct bg_ksym *s = &m->ksyms[i];
		int kind = s->is_func ? BTF_KIND_FUNC : BTF_KIND_VAR;
		const struct btf *btf;
		const char *hint;
		struct bg_diag *d;

		/* libbpf leaves a missing __weak extern at zero */
		if (s->is_weak || kbtf_find(k, s->name, kind, &btf))
			continue;
		hint = kbtf_suggest(k, s->name, "", kind, s->is_func);
		if (!hint)
			continue;
		/* a void-typed __ksym variable is resolved from kallsyms, not BTF */
		if (!s->is_func && k->with_mods && in_kallsyms(s->name))
			continue;
		d = bg_check__report(c, s->loc, "%s '%s' is not in the kernel's BTF; did you mean '%s'?",
				     s->is_func ? "kfunc" : "__ksym variable", s->name, hint);
		bg_diag__fixit(d, hint);
		bg_diag__note(d, (struct bg_loc){},
			      "libbpf resolves __ksym externs against the kernel's BTF and refuses "
			      "to load the object: \"extern (%s ksym) '%s': not found in kernel%s\"; "
			      "declare it __weak if it may be missing", s->is_func ? "func" : "var",
			      s->name, s->is_func ? " or module BTFs" : " BTF");
	}
}

/*
 * The FUNC_PROTO behind a target: a tp_btf typedef btf_trace_X is a pointer
 * to one whose first parameter, void *__data, the program does not see.
 */
static const struct btf_type *target_proto(const struct btf *btf, int id, __u32 *skip)
{
	const struct btf_type *t = btf__type_by_id(btf, id);

	*skip = 0;
	if (btf_is_typedef(t)) {
		t = btf__type_by_id(btf, t->type);
		if (!t || !btf_is_ptr(t))
			return NULL;
		*skip = 1;
	}
	t = t ? btf__type_by_id(btf, t->type) : NULL;
	if (!t || !btf_is_func_proto(t) || btf_vlen(t) < *skip)
		return NULL;
	return t;
}

/*
 * The u64 slots a program may declare, as the kernel's btf_ctx_arg_idx()
 * counts them: one per parameter, a struct passed by value takes one per 8
 * bytes, and the return value takes the next one where the attach type passes
 * it. A void function's return slot counts too: the verifier refuses only a
 * read of it, and BPF_PROG(..., long ret) left unread on a void function is
 * common and harmless (bcc's klockstat).
 */
static unsigned target_slots(const struct btf *btf, const struct btf_type *proto, __u32 skip,
			     bool with_ret)
{
	const struct btf_param *pa = btf_params(proto);
	unsigned n = 0;
	__u32 i;

	for (i = skip; i < btf_vlen(proto); i++) {
		long long size;

		if (!pa[i].type)	/* variadic: the kernel attaches to none */
			break;
		size = btf__resolve_size(btf, pa[i].type);
		n += size > 8 ? (size + 7) / 8 : 1;
	}
	return n + with_ret;
}

static void print_to(void *ctx, const char *fmt, va_list ap)
{
	vfprintf(ctx, fmt, ap);
}

/*
 * "int dfd, struct filename *name, and its return value (long)", malloc'ed,
 * or NULL. NAMES, when not NULL, is a prototype with the same parameters that
 * has their names: a tracepoint's typedef has none, its __bpf_trace_X() has.
 */
static char *proto_text(const struct btf *btf, const struct btf_type *proto, __u32 skip,
			bool with_ret, const struct btf_type *names)
{
	const struct btf_param *pa = btf_params(proto);
	const struct btf_param *na = names ? btf_params(names) : pa;
	struct btf_dump *dump;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	__u32 i;

	f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	dump = btf_dump__new(btf, print_to, f, NULL);
	if (!dump) {
		fclose(f);
		free(buf);
		return NULL;
	}
	for (i = skip; i < btf_vlen(proto) && pa[i].type; i++) {
		LIBBPF_OPTS(btf_dump_emit_type_decl_opts, opts,
			    .field_name = btf__name_by_offset(btf, na[i].name_off));

		fputs(i > skip ? ", " : "", f);
		btf_dump__emit_type_decl(dump, pa[i].type, &opts);
	}
	if (i == skip)
		fputs("no arguments", f);
	if (with_ret) {
		LIBBPF_OPTS(btf_dump_emit_type_decl_opts, opts, .field_name = "");

		fputs(", and its return value (", f);
		btf_dump__emit_type_decl(dump, proto->type, &opts);
		fputs(")", f);
	}
	btf_dump__free(dump);
	fclose(f);
	return buf;
}

/* The prototype of a tracepoint's __bpf_trace_X(), when it matches PROTO, or NULL. */
static const struct btf_type *trace_names(struct bg_kbtf *k, const struct btf *btf,
					  const char *target, const struct btf_type *proto)
{
	const struct btf_type *t;
	const struct btf *fbtf;
	char name[256];
	int id;

	snprintf(name, sizeof(name), "__bpf_trace_%s", target);
	id = kbtf_find(k, name, BTF_KIND_FUNC, &fbtf);
	if (!id || fbtf != btf)
		return NULL;
	t = btf__type_by_id(btf, btf__type_by_id(btf, id)->type);
	return t && btf_is_func_proto(t) && btf_vlen(t) == btf_vlen(proto) ? t : NULL;
}

/* The number of arguments BPF_PROG(name, args...) declares, or -1 when P is not one. */
static int bpf_prog_args(const struct bg_model *m, const struct bg_prog *p)
{
	const struct bg_func *inner;
	char name[512];

	/* BPF_PROG() defines name(unsigned long long *ctx) and ____name(ctx, args...) */
	if (p->nparams != 1 || p->ctx.kind != BG_TYPE_PTR || p->ctx.pointee_kind != BG_TYPE_INT ||
	    p->ctx.pointee_size != 8)
		return -1;
	snprintf(name, sizeof(name), "____%s", p->name);
	inner = bg_model__find_func(m, name);
	if (!inner) {
		/* BPFGEN_TP_BTF/FENTRY/FEXIT/LSM(name, target, args...): the body takes ctx, args... */
		snprintf(name, sizeof(name), "___bpfgen_body_%s", p->name);
		inner = bg_model__find_func(m, name);
	}
	if (!inner || !inner->nparams)
		return -1;
	return inner->nparams - 1;
}

void bg_rule_btf_args(struct bg_check *c)
{
	const struct bg_model *m = c->m;
	struct bg_kbtf *k;
	char name[256];
	size_t i;

	if (!needs_btf(m, true, false) || !(k = kbtf_get(c)))
		return;
	for (i = 0; i < m->nprogs; i++) {
		const struct bg_prog *p = &m->progs[i];
		const struct btf_type *proto;
		const struct target_kind *tk;
		const struct btf *btf;
		const char *target;
		unsigned slots;
		__u32 skip;
		int id, n;
		char *text;
		struct bg_diag *d;

		tk = prog_target(p, &target);
		if (!tk || tk->args < 0 || (n = bpf_prog_args(m, p)) < 0)
			continue;
		snprintf(name, sizeof(name), "%s%s", tk->prefix, target);
		id = kbtf_find(k, name, tk->kind, &btf);
		if (!id || !(proto = target_proto(btf, id, &skip)))
			continue;
		slots = target_slots(btf, proto, skip, tk->args > 0);
		if ((unsigned)n <= slots)
			continue;
		d = bg_check__report(c, p->loc, "'%s' declares %d arguments, but %s '%s' passes %u",
				     p->name, n, tk->what, target, slots);
		if (!d)
			continue;
		text = proto_text(btf, proto, skip, tk->args > 0,
				  skip ? trace_names(k, btf, target, proto) : NULL);
		if (text)
			bg_diag__note(d, p->sec_loc, "'%s' passes: %s", target, text);
		free(text);
		bg_diag__note(d, (struct bg_loc){},
			      "BPF_PROG() reads argument N from the N-th u64 of the context: the "
			      "verifier refuses the program when it uses one past the last "
			      "(\"func '%s' doesn't have %u-th argument\"); declare the arguments "
			      "as the kernel passes them", target, slots + 1);
	}
}
