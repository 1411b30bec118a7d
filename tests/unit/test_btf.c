// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The btf rules (btf-target, kfunc-unknown, btf-args) and license-gpl on
 * kfuncs, on hand-built models against a small BTF built here: no kernel BTF
 * and no libclang involved.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/btf.h>
#include <criterion/criterion.h>
#include <criterion/redirect.h>

#include "rules/rules.h"

static char btf_path[] = "/tmp/bpfgen-test-btf.XXXXXX";
static struct bg_model *m;
static struct bg_diags diags;
static struct bg_rule_opts opts;

/* ids of the types the tests refer to */
static int int_id, uint_id, bool_id, voidp_id, task_ptr_id;

static int add_func(struct btf *btf, const char *name, int ret, bool kfunc, int nparams, ...)
{
	va_list ap;
	int proto, id, i;

	proto = btf__add_func_proto(btf, ret);
	va_start(ap, nparams);
	for (i = 0; i < nparams; i++) {
		const char *pname = va_arg(ap, const char *);

		btf__add_func_param(btf, pname, va_arg(ap, int));
	}
	va_end(ap);
	id = btf__add_func(btf, name, BTF_FUNC_GLOBAL, proto);
	if (kfunc)
		btf__add_decl_tag(btf, "bpf_kfunc", id, -1);
	return id;
}

/*
 * A kernel in miniature: the sched_switch tracepoint, do_unlinkat, two LSM
 * hooks (one void), an iterator, a function taking a 16-byte struct by value,
 * two kfuncs and a per-CPU variable.
 */
static void write_btf(void)
{
	struct btf *btf = btf__new_empty();
	int task, file_ptr, filename_ptr, pair, proto, fd;
	const void *raw;
	__u32 size;

	cr_assert_not_null(btf);
	int_id = btf__add_int(btf, "int", 4, BTF_INT_SIGNED);
	uint_id = btf__add_int(btf, "unsigned int", 4, 0);
	bool_id = btf__add_int(btf, "_Bool", 1, BTF_INT_BOOL);
	voidp_id = btf__add_ptr(btf, 0);
	task = btf__add_struct(btf, "task_struct", 4);
	btf__add_field(btf, "pid", int_id, 0, 0);
	task_ptr_id = btf__add_ptr(btf, task);
	file_ptr = btf__add_ptr(btf, btf__add_fwd(btf, "file", BTF_FWD_STRUCT));
	filename_ptr = btf__add_ptr(btf, btf__add_fwd(btf, "filename", BTF_FWD_STRUCT));
	pair = btf__add_struct(btf, "pair", 16);
	btf__add_field(btf, "a", int_id, 0, 0);
	btf__add_field(btf, "b", int_id, 64, 0);

	/* as pahole writes them: the typedef's parameters have no names, __bpf_trace_X's have */
	proto = btf__add_func_proto(btf, 0);
	btf__add_func_param(btf, "", voidp_id);
	btf__add_func_param(btf, "", bool_id);
	btf__add_func_param(btf, "", task_ptr_id);
	btf__add_func_param(btf, "", task_ptr_id);
	btf__add_func_param(btf, "", uint_id);
	btf__add_typedef(btf, "btf_trace_sched_switch", btf__add_ptr(btf, proto));
	add_func(btf, "__bpf_trace_sched_switch", 0, false, 5, "__data", voidp_id,
		 "preempt", bool_id, "prev", task_ptr_id, "next", task_ptr_id,
		 "prev_state", uint_id);
	add_func(btf, "fput", 0, false, 1, "file", file_ptr);

	add_func(btf, "do_unlinkat", int_id, false, 2, "dfd", int_id, "name", filename_ptr);
	add_func(btf, "bpf_lsm_file_open", int_id, false, 1, "file", file_ptr);
	add_func(btf, "bpf_lsm_file_free", 0, false, 1, "file", file_ptr);
	add_func(btf, "bpf_iter_task", int_id, false, 2, "meta", voidp_id, "task", task_ptr_id);
	add_func(btf, "take_pair", int_id, false, 2, "p", pair, "x", int_id);
	add_func(btf, "bpf_task_acquire", task_ptr_id, true, 1, "p", task_ptr_id);
	add_func(btf, "bpf_task_release", 0, true, 1, "p", task_ptr_id);
	btf__add_var(btf, "runqueues", BTF_VAR_GLOBAL_ALLOCATED, int_id);

	raw = btf__raw_data(btf, &size);
	cr_assert_not_null(raw);
	fd = mkstemp(btf_path);
	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, raw, size), (ssize_t)size);
	close(fd);
	btf__free(btf);
}

static void setup(void)
{
	write_btf();
	m = bg_model__new("t.bpf.c");
	m->has_license = true;
	m->license = strdup("GPL");
	memset(&diags, 0, sizeof(diags));
	memset(opts.enabled, -1, sizeof(opts.enabled));
	opts.werror = false;
	opts.kbtf = bg_kbtf__new(btf_path);
}

static void teardown(void)
{
	bg_kbtf__free(opts.kbtf);
	bg_model__free(m);
	bg_diags__clear(&diags);
	unlink(btf_path);
	strcpy(btf_path + strlen(btf_path) - 6, "XXXXXX");
}

TestSuite(btf, .init = setup, .fini = teardown);

static struct bg_loc at(unsigned line)
{
	return (struct bg_loc){ .file = "t.bpf.c", .line = line, .col = 1 };
}

/*
 * A program at LINE in SEC; with NARGS >= 0 written as BPF_PROG(name, args):
 * name(unsigned long long *ctx) and ____name(ctx, NARGS arguments).
 */
static void prog(const char *sec, const char *name, int nargs, unsigned line)
{
	struct bg_func *f = bg_model__add_func(m);
	struct bg_prog *p;
	char inner[128];

	f->name = strdup(name);
	f->loc = at(line);
	f->is_main_file = true;
	f->nparams = 1;
	p = bg_model__add_prog(m);
	p->name = strdup(name);
	p->section = strdup(sec);
	p->loc = at(line);
	p->sec_loc = at(line - 1);
	p->func = m->nfuncs - 1;
	p->nparams = 1;
	p->ctx.spelling = strdup("unsigned long long *");
	p->ctx.canonical = strdup("unsigned long long *");
	p->ctx.kind = BG_TYPE_PTR;
	p->ctx.pointee = strdup("unsigned long long");
	p->ctx.pointee_kind = BG_TYPE_INT;
	p->ctx.pointee_size = 8;
	p->ctx.size = 8;
	p->ctx_loc = at(line);
	if (nargs < 0)
		return;
	snprintf(inner, sizeof(inner), "____%s", name);
	f = bg_model__add_func(m);
	f->name = strdup(inner);
	f->loc = at(line);
	f->is_static = true;
	f->is_main_file = true;
	f->nparams = nargs + 1;
}

static void ksym(const char *name, bool is_func, bool is_weak, unsigned line)
{
	struct bg_ksym *k = bg_model__add_ksym(m);

	k->name = strdup(name);
	k->loc = at(line);
	k->is_func = is_func;
	k->is_weak = is_weak;
}

/* A direct call of CALLEE at LINE in the function FUNC. */
static void call(const char *func, const char *callee, unsigned line)
{
	size_t i;

	for (i = 0; i < m->nfuncs; i++) {
		if (!strcmp(m->funcs[i].name, func)) {
			struct bg_call *c = bg_func__add_call(&m->funcs[i]);

			c->callee = strdup(callee);
			c->loc = at(line);
			return;
		}
	}
	cr_assert_fail("no function %s", func);
}

static void run(void)
{
	bg_rules__run(m, &opts, &diags);
}

static size_t count(const char *rule)
{
	size_t i, n = 0;

	for (i = 0; i < diags.n; i++)
		if (diags.v[i].rule && !strcmp(diags.v[i].rule, rule))
			n++;
	return n;
}

static const struct bg_diag *find(const char *rule, unsigned line)
{
	size_t i;

	for (i = 0; i < diags.n; i++)
		if (diags.v[i].rule && !strcmp(diags.v[i].rule, rule) && diags.v[i].loc.line == line)
			return &diags.v[i];
	return NULL;
}

static bool has_note(const struct bg_diag *d, const char *text)
{
	size_t i;

	for (i = 0; i < d->nnotes; i++)
		if (strstr(d->notes[i].msg, text))
			return true;
	return false;
}

static void assert_only(const char *rule, size_t n)
{
	cr_assert_eq(count(rule), n, "%zu %s, expected %zu", count(rule), rule, n);
	cr_assert_eq(diags.n, n, "%zu diagnostics, expected %zu", diags.n, n);
}

Test(btf, tp_btf_target_misspelled)
{
	const struct bg_diag *d;

	prog("tp_btf/sched_swich", "handle", 3, 11);
	run();
	assert_only("btf-target", 1);
	d = find("btf-target", 10);
	cr_assert_not_null(d);
	cr_assert_eq(d->sev, BG_SEV_ERROR);
	cr_assert(strstr(d->msg, "tracepoint 'sched_swich'"), "%s", d->msg);
	cr_assert(strstr(d->msg, "did you mean 'sched_switch'"), "%s", d->msg);
	cr_assert_str_eq(d->fixit, "SEC(\"tp_btf/sched_switch\")");
	cr_assert(has_note(d, "btf_trace_sched_swich"));
}

Test(btf, targets_that_exist)
{
	prog("tp_btf/sched_switch", "a", 4, 11);
	prog("fentry/do_unlinkat", "b", 2, 21);
	prog("fexit/do_unlinkat", "c", 3, 31);
	prog("fmod_ret/do_unlinkat", "d", 3, 41);
	prog("lsm/file_open", "e", 2, 51);
	prog("lsm.s/file_open", "f", 2, 61);
	prog("lsm_cgroup/file_open", "g", 2, 71);
	prog("iter/task", "h", -1, 81);
	prog("?fentry.s/do_unlinkat", "i", 2, 91);
	run();
	cr_assert_eq(diags.n, 0, "%s", diags.n ? diags.v[0].msg : "");
}

Test(btf, target_prefixes_and_variants_kept_in_the_fixit)
{
	prog("?tp_btf/sched_swich", "a", -1, 11);
	prog("fentry.s/do_unlinkt", "b", -1, 21);
	prog("fexit/do_unlikat", "c", -1, 31);
	prog("lsm/file_opn", "d", -1, 41);
	prog("lsm.s/fille_open", "e", -1, 51);
	prog("iter/tsak", "f", -1, 61);
	run();
	assert_only("btf-target", 6);
	cr_assert_str_eq(find("btf-target", 10)->fixit, "SEC(\"?tp_btf/sched_switch\")");
	cr_assert_str_eq(find("btf-target", 20)->fixit, "SEC(\"fentry.s/do_unlinkat\")");
	cr_assert_str_eq(find("btf-target", 30)->fixit, "SEC(\"fexit/do_unlinkat\")");
	cr_assert_str_eq(find("btf-target", 40)->fixit, "SEC(\"lsm/file_open\")");
	cr_assert(strstr(find("btf-target", 40)->msg, "LSM hook 'file_opn'"));
	cr_assert(has_note(find("btf-target", 40), "bpf_lsm_file_opn"));
	cr_assert_str_eq(find("btf-target", 50)->fixit, "SEC(\"lsm.s/file_open\")");
	cr_assert_str_eq(find("btf-target", 60)->fixit, "SEC(\"iter/task\")");
}

Test(btf, targets_not_reported)
{
	/* no close name: another kernel's function, or a placeholder retargeted at run time */
	prog("fentry/dummy_file_open", "a", -1, 11);
	prog("tp_btf/block_rq_issue", "b", -1, 21);
	/* a short name is one edit from many functions: "fput" here */
	prog("fentry/fpux", "h", -1, 81);
	/* a module's function (newer libbpf), and no target at all */
	prog("fentry/nfs:do_unlinkt", "c", -1, 31);
	prog("fentry", "d", -1, 41);
	prog("fexit/", "e", -1, 51);
	/* not a BTF target */
	prog("raw_tp/sched_swich", "f", -1, 61);
	prog("kprobe/do_unlinkt", "g", -1, 71);
	run();
	cr_assert_eq(count("btf-target"), 0);
	cr_assert_eq(count("btf-args"), 0);
}

Test(btf, kernel_version_pair_not_reported)
{
	/* one of the two is disabled at run time by the loader, on each kernel */
	prog("fexit/do_unlinkat", "new_kernel", -1, 11);
	prog("fexit/do_unlinkt", "old_kernel", -1, 21);
	run();
	cr_assert_eq(diags.n, 0);
}

Test(btf, kfunc_misspelled)
{
	const struct bg_diag *d;

	ksym("bpf_task_aquire", true, false, 5);
	ksym("bpf_task_release", true, false, 6);
	run();
	assert_only("kfunc-unknown", 1);
	d = find("kfunc-unknown", 5);
	cr_assert_not_null(d);
	cr_assert(strstr(d->msg, "kfunc 'bpf_task_aquire'"), "%s", d->msg);
	cr_assert(strstr(d->msg, "did you mean 'bpf_task_acquire'"), "%s", d->msg);
	cr_assert_str_eq(d->fixit, "bpf_task_acquire");
	cr_assert(has_note(d, "__weak"));
}

Test(btf, kfunc_weak_or_unrelated_not_reported)
{
	ksym("bpf_task_aquire", true, true, 5);
	/* close only to a FUNC that is not a kfunc: a kfunc of a module, not a typo */
	ksym("bpf_lsm_file_opem", true, false, 6);
	ksym("bpf_xdp_flow_lookup", true, false, 7);
	run();
	cr_assert_eq(diags.n, 0, "%s", diags.n ? diags.v[0].msg : "");
}

Test(btf, ksym_variable)
{
	const struct bg_diag *d;

	ksym("runqueues", false, false, 5);
	ksym("runqueus", false, false, 6);
	ksym("runqeus", false, true, 7);
	run();
	assert_only("kfunc-unknown", 1);
	d = find("kfunc-unknown", 6);
	cr_assert(strstr(d->msg, "__ksym variable 'runqueus'"), "%s", d->msg);
	cr_assert_str_eq(d->fixit, "runqueues");
}

Test(btf, tp_btf_args)
{
	const struct bg_diag *d;

	prog("tp_btf/sched_switch", "ok", 4, 11);
	prog("tp_btf/sched_switch", "extra", 5, 21);
	prog("tp_btf/sched_switch", "raw", -1, 31);
	run();
	assert_only("btf-args", 1);
	d = find("btf-args", 21);
	cr_assert_not_null(d);
	cr_assert(strstr(d->msg, "'extra' declares 5 arguments, but tracepoint 'sched_switch' passes 4"),
		  "%s", d->msg);
	cr_assert(has_note(d, "_Bool preempt, struct task_struct *prev, struct task_struct *next, "
			      "unsigned int prev_state"));
	cr_assert(has_note(d, "doesn't have 5-th argument"));
}

Test(btf, fentry_fexit_fmod_ret_args)
{
	prog("fentry/do_unlinkat", "fentry_ok", 2, 11);
	prog("fentry/do_unlinkat", "fentry_ret", 3, 21);
	prog("fexit/do_unlinkat", "fexit_ok", 3, 31);
	prog("fexit/do_unlinkat", "fexit_extra", 4, 41);
	prog("fmod_ret/do_unlinkat", "fmod_ret_ok", 3, 51);
	prog("fmod_ret.s/do_unlinkat", "fmod_ret_extra", 4, 61);
	run();
	assert_only("btf-args", 3);
	cr_assert(strstr(find("btf-args", 21)->msg, "function 'do_unlinkat' passes 2"));
	cr_assert(strstr(find("btf-args", 41)->msg, "passes 3"));
	cr_assert(has_note(find("btf-args", 41), "int dfd, struct filename *name, and its return "
						 "value (int)"));
	cr_assert(strstr(find("btf-args", 61)->msg, "passes 3"));
}

Test(btf, lsm_args)
{
	prog("lsm/file_open", "ok", 2, 11);
	prog("lsm/file_open", "extra", 3, 21);
	/* a void hook's return value slot may be declared, unread */
	prog("lsm/file_free", "void_ok", 1, 31);
	prog("lsm/file_free", "void_ret", 2, 41);
	prog("lsm/file_free", "void_extra", 3, 51);
	prog("iter/task", "iter", 5, 61);
	run();
	assert_only("btf-args", 2);
	cr_assert(strstr(find("btf-args", 21)->msg, "LSM hook 'file_open' passes 2"));
	cr_assert(strstr(find("btf-args", 51)->msg, "LSM hook 'file_free' passes 2"));
	cr_assert(has_note(find("btf-args", 51), "struct file *file, and its return value (void)"));
}

Test(btf, struct_by_value_takes_two_slots)
{
	prog("fentry/take_pair", "ok", 3, 11);
	prog("fentry/take_pair", "extra", 4, 21);
	run();
	assert_only("btf-args", 1);
	cr_assert(strstr(find("btf-args", 21)->msg, "passes 3"));
}

Test(btf, kfunc_needs_gpl)
{
	const struct bg_diag *d;

	free(m->license);
	m->license = strdup("Dual BSD/MIT");
	ksym("bpf_task_acquire", true, false, 3);
	prog("tp_btf/sched_switch", "h", -1, 11);
	call("h", "bpf_task_acquire", 13);
	call("h", "h", 14);
	run();
	assert_only("license-gpl", 1);
	d = find("license-gpl", 13);
	cr_assert_not_null(d);
	cr_assert(strstr(d->msg, "'bpf_task_acquire' is a kfunc"), "%s", d->msg);
	cr_assert(strstr(d->msg, "\"Dual BSD/MIT\""), "%s", d->msg);
}

Test(btf, kfunc_under_gpl)
{
	ksym("bpf_task_acquire", true, false, 3);
	prog("tp_btf/sched_switch", "h", -1, 11);
	call("h", "bpf_task_acquire", 13);
	run();
	cr_assert_eq(diags.n, 0);
}

Test(btf, kfunc_without_license)
{
	free(m->license);
	m->license = NULL;
	m->has_license = false;
	ksym("bpf_task_acquire", true, false, 3);
	prog("tp_btf/sched_switch", "h", -1, 11);
	call("h", "bpf_task_acquire", 13);
	run();
	cr_assert_eq(count("license-gpl"), 1);
	cr_assert(strstr(find("license-gpl", 13)->msg, "no license"));
}

Test(btf, btf_read_once_per_run)
{
	struct bg_model *m2 = bg_model__new("u.bpf.c");

	prog("tp_btf/sched_swich", "a", -1, 11);
	run();
	cr_assert_eq(count("btf-target"), 1);
	/* the second file is checked against what was read for the first */
	unlink(btf_path);
	m2->has_license = true;
	m2->license = strdup("GPL");
	bg_model__free(m);
	m = m2;
	ksym("bpf_task_aquire", true, false, 5);
	run();
	cr_assert_eq(count("kfunc-unknown"), 1);
}

Test(btf, missing_btf_noted_once, .init = cr_redirect_stderr)
{
	bg_kbtf__free(opts.kbtf);
	opts.kbtf = bg_kbtf__new("/nonexistent/vmlinux");
	prog("tp_btf/sched_swich", "a", 5, 11);
	ksym("bpf_task_aquire", true, false, 5);
	run();
	cr_assert_eq(diags.n, 0);
	fflush(stderr);
	cr_assert_stderr_eq_str("bpfgen: note: no kernel BTF (/nonexistent/vmlinux: No such file "
				"or directory): BTF rules skipped\n");
}

Test(btf, not_btf_noted, .init = cr_redirect_stderr)
{
	FILE *f = fopen(btf_path, "w");
	char want[256];

	/* the test's BTF file, overwritten with text */
	cr_assert_not_null(f);
	fputs("not btf\n", f);
	fclose(f);
	prog("fentry/do_unlinkt", "a", -1, 11);
	run();
	cr_assert_eq(diags.n, 0);
	fflush(stderr);
	snprintf(want, sizeof(want),
		 "bpfgen: note: no kernel BTF (%s: not a BTF file): BTF rules skipped\n", btf_path);
	cr_assert_stderr_eq_str(want);
}

Test(btf, no_btf_read_when_not_needed, .init = cr_redirect_stderr)
{
	bg_kbtf__free(opts.kbtf);
	opts.kbtf = bg_kbtf__new("/nonexistent/vmlinux");
	prog("xdp", "a", -1, 11);
	prog("kprobe/do_unlinkat", "b", 2, 21);
	ksym("bpf_task_aquire", true, true, 5);
	run();
	cr_assert_eq(count("btf-args"), 0);
	fflush(stderr);
	cr_assert_stderr_eq_str("");
}

Test(btf, no_kbtf_no_rules)
{
	prog("tp_btf/sched_swich", "a", 5, 11);
	bg_rules__run(m, NULL, &diags);
	cr_assert_eq(count("btf-target"), 0);
	cr_assert_eq(count("btf-args"), 0);
}
