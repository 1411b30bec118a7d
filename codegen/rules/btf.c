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

/*
 * raw_tp/X has no attach type and libbpf looks nothing up, but the kernel
 * passes it the arguments of the BTF tracepoint X and refuses to attach a
 * program that reads more of them (__bpf_probe_register(): max_ctx_offset).
 */
static const struct target_kind raw_tp_kind = {
	"", "tracepoint", "btf_trace_", BTF_KIND_TYPEDEF, 0,
};

/* The target whose arguments P's are: a BTF target, or a raw tracepoint's. */
static const struct target_kind *args_target(const struct bg_prog *p, const char **target)
{
	const struct target_kind *tk = prog_target(p, target);
	const struct bg_section_def *def;
	const char *slash;

	if (tk)
		return tk;
	def = bg_prog__section(p);
	if (!def || (def->type != BG_PROG_RAW_TRACEPOINT &&
		     def->type != BG_PROG_RAW_TRACEPOINT_WRITABLE) ||
	    !(slash = strchr(p->section, '/')) || !slash[1] || strchr(slash, ':'))
		return NULL;
	*target = slash + 1;
	return &raw_tp_kind;
}

#define TP_RECORD "struct trace_event_raw_"

/* The event of a tracepoint program P whose context is a vmlinux.h record, or NULL. */
static const char *record_event(const struct bg_prog *p)
{
	const struct bg_section_def *def = bg_prog__section(p);
	const char *slash = strchr(p->section, '/');

	if (!def || def->type != BG_PROG_TRACEPOINT || !slash || !strchr(slash + 1, '/') ||
	    p->nparams < 1 || p->ctx.kind != BG_TYPE_PTR || !p->ctx.pointee ||
	    strncmp(p->ctx.pointee, TP_RECORD, strlen(TP_RECORD)))
		return NULL;
	slash = strrchr(p->section, '/');
	return slash[1] ? slash + 1 : NULL;
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

/* A program whose arguments or tracepoint record btf-args compares with the kernel's. */
static bool needs_btf_args(const struct bg_model *m)
{
	const char *target;
	size_t i;

	for (i = 0; i < m->nprogs; i++)
		if (args_target(&m->progs[i], &target) || record_event(&m->progs[i]))
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

/*
 * The function that takes what BPF_PROG(name, args...) declares, or NULL when P
 * is not one: BPF_PROG() defines name(unsigned long long *ctx) and
 * ____name(ctx, args...); BPFGEN_TP_BTF/FENTRY/FEXIT/LSM/RAW_TRACEPOINT(name,
 * target, args...) define name(ctx) and ___bpfgen_body_name(ctx, args...).
 */
static const struct bg_func *bpf_prog_args(const struct bg_model *m, const struct bg_prog *p)
{
	const struct bg_func *inner = NULL;
	char name[512];

	if (p->nparams != 1 || p->ctx.kind != BG_TYPE_PTR)
		return NULL;
	if (p->ctx.pointee_kind == BG_TYPE_INT && p->ctx.pointee_size == 8) {
		snprintf(name, sizeof(name), "____%s", p->name);
		inner = bg_model__find_func(m, name);
	}
	if (!inner && (p->ctx.pointee_kind == BG_TYPE_INT ||
		       (p->ctx.pointee && !strcmp(p->ctx.pointee, "struct bpf_raw_tracepoint_args")))) {
		snprintf(name, sizeof(name), "___bpfgen_body_%s", p->name);
		inner = bg_model__find_func(m, name);
	}
	return inner && inner->nparams ? inner : NULL;
}

/* "struct task_struct" of "struct task_struct___v1" (a CO-RE flavour), in BUF. */
static const char *unflavoured(const char *name, char *buf, size_t size)
{
	const char *f = strstr(name, "___");

	snprintf(buf, size, "%.*s", f ? (int)(f - name) : (int)strlen(name), name);
	return buf;
}

enum arg_fit { ARG_FITS, ARG_WARN, ARG_WRONG };

/*
 * Whether a parameter declared as DECL fits the kernel's argument of BTF type
 * ID. What the verifier or the value cannot survive is wrong: a pointer cut to
 * a narrower integer, a struct pointer made of a scalar (its dereference is
 * refused: "invalid mem access 'scalar'"). A pointer to another struct loads,
 * but the verifier checks the accesses against the kernel's struct: a warning.
 * WHY gets the reason.
 */
static enum arg_fit arg_fit(const struct btf *btf, __u32 id, const struct bg_type *decl,
			    char *why, size_t size)
{
	const struct btf_type *t, *pt;
	char a[200], b[256];
	int rid = btf__resolve_type(btf, id);

	t = rid > 0 ? btf__type_by_id(btf, rid) : NULL;
	if (!t || !decl->spelling)
		return ARG_FITS;
	if (btf_is_ptr(t)) {
		if (decl->kind == BG_TYPE_INT && decl->size > 0 && decl->size < 8) {
			snprintf(why, size, "a pointer cut to its low %lld bytes", decl->size);
			return ARG_WRONG;
		}
		if (decl->kind != BG_TYPE_PTR || decl->pointee_kind != BG_TYPE_STRUCT ||
		    !decl->pointee)
			return ARG_FITS;
		rid = btf__resolve_type(btf, t->type);
		pt = rid > 0 ? btf__type_by_id(btf, rid) : NULL;
		if (!pt || !(btf_is_struct(pt) || btf_is_union(pt)) || !pt->name_off)
			return ARG_FITS;
		snprintf(a, sizeof(a), "%s %s", btf_is_union(pt) ? "union" : "struct",
			 btf__name_by_offset(btf, pt->name_off));
		if (!strcmp(unflavoured(decl->pointee, b, sizeof(b)), a))
			return ARG_FITS;
		snprintf(why, size, "the verifier checks every access against '%s'", a);
		return ARG_WARN;
	}
	if ((btf_is_int(t) || btf_is_any_enum(t)) && decl->kind == BG_TYPE_PTR &&
	    decl->pointee_kind == BG_TYPE_STRUCT) {
		snprintf(why, size, "a scalar, which the verifier refuses to dereference "
			 "(\"invalid mem access 'scalar'\")");
		return ARG_WRONG;
	}
	return ARG_FITS;
}

/* Compare the types INNER declares with the target's PROTO, one diagnostic per parameter. */
static void check_arg_types(struct bg_check *c, const struct bg_prog *p, const struct bg_func *inner,
			    const struct btf *btf, const struct btf_type *proto, __u32 skip,
			    bool with_ret, const char *tk_what, const char *target,
			    const struct btf_type *names)
{
	const struct btf_param *pa = btf_params(proto);
	const struct btf_param *na = names ? btf_params(names) : pa;
	unsigned n = inner->nparams - 1, i;
	char why[512], *text;

	if (!inner->ptypes)
		return;
	for (i = 0; i < n; i++) {
		__u32 bi = skip + i, id;
		const struct bg_type *decl;
		const char *pname;
		enum arg_fit fit;
		struct bg_diag *d;

		if (bi < btf_vlen(proto)) {
			if (!pa[bi].type || btf__resolve_size(btf, pa[bi].type) > 8)
				break;	/* variadic, or a struct by value: the slots shift */
			id = pa[bi].type;
			pname = btf__name_by_offset(btf, na[bi].name_off);
			if (!pname)
				pname = "";
		} else if (with_ret && bi == btf_vlen(proto) && proto->type) {
			id = proto->type;
			pname = "its return value";
		} else {
			break;
		}
		decl = &inner->ptypes[i + 1];
		fit = arg_fit(btf, id, decl, why, sizeof(why));
		/* declared and never used: BPF_PROG() only casts it (tracee's lsm/file_open cred) */
		if (fit == ARG_FITS || !bg_func__uses(inner, inner->params[i + 1]))
			continue;
		d = bg_check__report_sev(c, fit == ARG_WRONG ? BG_SEV_ERROR : BG_SEV_WARNING, p->loc,
					 "'%s' declares '%s' as '%s', but %s '%s' passes %s%s%s there: %s",
					 p->name, inner->params[i + 1] ? inner->params[i + 1] : "?",
					 decl->spelling, tk_what, target,
					 *pname && bi < btf_vlen(proto) ? "'" : "", *pname ? pname : "an argument",
					 *pname && bi < btf_vlen(proto) ? "'" : "", why);
		text = d ? proto_text(btf, proto, skip, with_ret, names) : NULL;
		if (text)
			bg_diag__note(d, p->sec_loc, "'%s' passes: %s", target, text);
		free(text);
	}
}

/* The maximal args[] slot + 1 a raw tracepoint program reads through its context, or 0. */
static unsigned raw_tp_reads(const struct bg_model *m, const struct bg_prog *p,
			     struct bg_loc *where)
{
	bool *reach = calloc(m->nfuncs + 1, sizeof(*reach));
	unsigned most = 0;
	size_t j, k;

	if (!reach)
		return 0;
	if (p->func >= 0 && !bg_model__reachable(m, p->func, reach)) {
		for (j = 0; j < m->nfuncs; j++) {
			for (k = 0; reach[j] && k < m->funcs[j].nctx_acc; k++) {
				const struct bg_ctx_access *a = &m->funcs[j].ctx_acc[k];

				if (strcmp(a->ctx, "struct bpf_raw_tracepoint_args") || a->off < 0 ||
				    a->var_off || (unsigned)(a->off / 8 + 1) <= most)
					continue;
				most = a->off / 8 + 1;
				*where = a->loc;
			}
		}
	}
	free(reach);
	return most;
}

/*
 * Whether member FIELD of struct DECL (a record, in BTF) is missing from
 * struct REC or at another offset or size there. A record with the members
 * read at the same places (a newer event that appended a field to its old
 * event class's record) reads the same.
 */
static bool misplaced(const struct btf *btf, int decl, int rec, const char *field)
{
	const struct btf_type *d = btf__type_by_id(btf, decl), *r = btf__type_by_id(btf, rec);
	const struct btf_member *dm = btf_members(d), *rm = btf_members(r);
	__u32 i, j;

	for (i = 0; i < btf_vlen(d); i++)
		if (!strcmp(field, btf__name_by_offset(btf, dm[i].name_off)))
			break;
	if (i == btf_vlen(d))
		return false;	/* not the kernel's member: CO-RE fails the load itself */
	for (j = 0; j < btf_vlen(r); j++)
		if (!strcmp(field, btf__name_by_offset(btf, rm[j].name_off)))
			break;
	return j == btf_vlen(r) || btf_member_bit_offset(d, i) != btf_member_bit_offset(r, j) ||
	       btf__resolve_size(btf, dm[i].type) != btf__resolve_size(btf, rm[j].type);
}

/*
 * The first field of P's record that P reads and REC has elsewhere (any field
 * it reads when DECL is 0), or NULL; AT gets its place.
 */
static const char *misread(const struct bg_model *m, const struct bg_prog *p,
			   const struct btf *btf, int decl, int rec, struct bg_loc *at)
{
	bool *reach = calloc(m->nfuncs + 1, sizeof(*reach));
	const char *field = NULL;
	size_t j, k;

	if (!reach)
		return NULL;
	if (p->func >= 0 && !bg_model__reachable(m, p->func, reach)) {
		for (j = 0; !field && j < m->nfuncs; j++) {
			for (k = 0; !field && reach[j] && k < m->funcs[j].nctx_acc; k++) {
				const struct bg_ctx_access *a = &m->funcs[j].ctx_acc[k];

				if (a->field && !strcmp(a->ctx, p->ctx.pointee) &&
				    (decl <= 0 || misplaced(btf, decl, rec, a->field))) {
					field = a->field;
					*at = a->loc;
				}
			}
		}
	}
	free(reach);
	return field;
}

/*
 * A tracepoint program over vmlinux.h's struct trace_event_raw_X must be
 * given its event's record: the kernel does not check it, and every field is
 * read at another struct's offsets. An event of an event class (sched_wakeup:
 * trace_event_raw_sched_wakeup_template) has no record of its own name: the
 * class X must then take the event's arguments (__bpf_trace_X()).
 */
static void check_tp_record(struct bg_check *c, struct bg_kbtf *k, const struct bg_prog *p)
{
	const char *event = record_event(p), *rec, *field;
	const struct btf_type *ep, *cp;
	const struct btf *btf, *cbtf, *dbtf;
	char name[512], buf[256], buf2[512];
	struct bg_loc at;
	struct bg_diag *d;
	__u32 skip, cskip, i;
	int id, cid, rid, did;

	if (!event)
		return;
	rec = unflavoured(p->ctx.pointee + strlen(TP_RECORD), buf, sizeof(buf));
	if (!strcmp(rec, event))
		return;
	/* syscalls/sys_enter_* are no BTF tracepoints: trace_event_raw_sys_enter is their layout */
	snprintf(name, sizeof(name), "btf_trace_%s", event);
	id = kbtf_find(k, name, BTF_KIND_TYPEDEF, &btf);
	if (!id || !(ep = target_proto(btf, id, &skip)))
		return;
	snprintf(name, sizeof(name), "trace_event_raw_%s", event);
	rid = kbtf_find(k, name, BTF_KIND_STRUCT, &cbtf);
	if (rid) {
		snprintf(buf2, sizeof(buf2), "trace_event_raw_%s", rec);
		did = kbtf_find(k, buf2, BTF_KIND_STRUCT, &dbtf);
		if (!did || dbtf != cbtf || !(field = misread(c->m, p, cbtf, did, rid, &at)))
			return;
		d = bg_check__report(c, p->ctx_loc, "'%s' reads tracepoint '%s' through '%s', but its "
				     "record is 'struct %s'", p->name, event, p->ctx.pointee, name);
		if (d)
			bg_diag__note(d, at, "'%s' is read here, and 'struct %s' does not have it "
				      "there: the kernel loads the program, which reads another "
				      "field's bytes", field, name);
		return;
	}
	snprintf(name, sizeof(name), "__bpf_trace_%s", rec);
	cid = kbtf_find(k, name, BTF_KIND_FUNC, &cbtf);
	if (!cid || cbtf != btf || !(cp = target_proto(btf, cid, &cskip)))
		return;
	if (btf_vlen(cp) == btf_vlen(ep)) {
		for (i = skip; i < btf_vlen(ep); i++)
			if (btf_params(ep)[i].type != btf_params(cp)[i].type)
				break;
		if (i == btf_vlen(ep))
			return;
	}
	/* a record declared and not read (bcc's cachestat over trace_event_raw_sys_enter) */
	if (!misread(c->m, p, btf, 0, 0, &at))
		return;
	d = bg_check__report_sev(c, BG_SEV_WARNING, p->ctx_loc,
				 "'%s' reads the record of tracepoint '%s' as '%s', the record of "
				 "event class '%s', whose events take other arguments",
				 p->name, event, p->ctx.pointee, rec);
	if (d)
		bg_diag__note(d, (struct bg_loc){}, "the kernel loads it: every field is read at "
			      "the offsets of another event's record; see the event's format file "
			      "under /sys/kernel/tracing/events for its class");
}

/* P is declared through a BPFGEN_ macro of the typed layer. */
static bool typed_prog(const struct bg_model *m, const struct bg_prog *p, const struct bg_func *inner)
{
	const struct bg_func *f = p->func >= 0 && (size_t)p->func < m->nfuncs ? &m->funcs[p->func] : NULL;

	return inner->typed || (f && f->typed);
}

/* The position (from 1) of the last argument after the context that INNER's body uses. */
static unsigned last_used(const struct bg_func *inner)
{
	unsigned i, last = 0;

	if (!inner->params || !inner->body)
		return inner->nparams ? inner->nparams - 1 : 0;	/* not lowered: all count */
	for (i = 1; i < inner->nparams; i++)
		if (bg_func__uses(inner, inner->params[i]))
			last = i;
	return last;
}

void bg_rule_btf_args(struct bg_check *c)
{
	const struct bg_model *m = c->m;
	struct bg_kbtf *k;
	char name[256];
	size_t i;

	if (!needs_btf_args(m) || !(k = kbtf_get(c)))
		return;
	for (i = 0; i < m->nprogs; i++) {
		const struct bg_prog *p = &m->progs[i];
		const struct btf_type *proto, *names;
		const struct target_kind *tk;
		const struct bg_func *inner;
		struct bg_loc at = p->loc;
		const struct btf *btf;
		const char *target;
		unsigned slots;
		__u32 skip;
		int id, n;
		char *text;
		struct bg_diag *d;

		check_tp_record(c, k, p);
		tk = args_target(p, &target);
		if (!tk || tk->args < 0)
			continue;
		inner = bpf_prog_args(m, p);
		if (inner)
			n = (int)inner->nparams - 1;
		else if (tk == &raw_tp_kind)
			n = (int)raw_tp_reads(m, p, &at);
		else
			continue;
		snprintf(name, sizeof(name), "%s%s", tk->prefix, target);
		id = kbtf_find(k, name, tk->kind, &btf);
		if (!id || !(proto = target_proto(btf, id, &skip)))
			continue;
		names = skip ? trace_names(k, btf, target, proto) : NULL;
		slots = target_slots(btf, proto, skip, tk->args > 0);
		if ((unsigned)n <= slots) {
			if (inner)
				check_arg_types(c, p, inner, btf, proto, skip, tk->args > 0, tk->what,
						target, names);
			continue;
		}
		/*
		 * The typed layer (BPFGEN_FENTRY(), BPFGEN_TP_BTF()...) promises the
		 * target's own arguments: there a declared extra one stays an error.
		 */
		if (inner && !typed_prog(m, p, inner) && last_used(inner) <= slots) {
			/* the extra ones are never read: clang drops their loads, the kernel loads it */
			d = bg_check__report_sev(c, BG_SEV_WARNING, at, "'%s' declares %d arguments, "
						 "but %s '%s' passes %u; the body reads none past "
						 "argument %u, so the kernel loads it", p->name, n,
						 tk->what, target, slots, slots);
			if (d)
				bg_diag__note(d, p->sec_loc, "declare the arguments as the kernel "
					      "passes them: a read of one past the last is refused "
					      "(\"func '%s' doesn't have %u-th argument\")", target,
					      slots + 1);
			continue;
		}
		if (inner)
			d = bg_check__report(c, at, "'%s' declares %d arguments, but %s '%s' passes %u",
					     p->name, n, tk->what, target, slots);
		else
			d = bg_check__report(c, at, "'%s' reads args[%d], but %s '%s' passes %u "
					     "arguments", p->name, n - 1, tk->what, target, slots);
		if (!d)
			continue;
		text = proto_text(btf, proto, skip, tk->args > 0, names);
		if (text)
			bg_diag__note(d, p->sec_loc, "'%s' passes: %s", target, text);
		free(text);
		if (tk == &raw_tp_kind)
			bg_diag__note(d, (struct bg_loc){},
				      "the kernel loads the program but refuses to attach it (EINVAL): "
				      "a raw tracepoint program may read only the arguments its "
				      "tracepoint passes");
		else
			bg_diag__note(d, (struct bg_loc){},
				      "BPF_PROG() reads argument N from the N-th u64 of the context: "
				      "the verifier refuses the program when it uses one past the last "
				      "(\"func '%s' doesn't have %u-th argument\"); declare the "
				      "arguments as the kernel passes them", target, slots + 1);
	}
}
