// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The rules on hand-built models: no libclang involved. */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "rules/rules.h"

static struct bg_model *m;
static struct bg_diags diags;

static void setup(void)
{
	m = bg_model__new("t.bpf.c");
	memset(&diags, 0, sizeof(diags));
}

static void teardown(void)
{
	bg_model__free(m);
	bg_diags__clear(&diags);
}

TestSuite(rules, .init = setup, .fini = teardown);

static struct bg_loc at(unsigned line)
{
	return (struct bg_loc){ .file = "t.bpf.c", .line = line, .col = 1 };
}

static void set_ptr(struct bg_type *t, const char *pointee, enum bg_type_kind kind, long long size)
{
	char buf[128];

	snprintf(buf, sizeof(buf), "%s *", pointee);
	t->spelling = strdup(buf);
	t->canonical = strdup(buf);
	t->kind = BG_TYPE_PTR;
	t->pointee = strdup(pointee);
	t->pointee_kind = kind;
	t->pointee_size = size;
	t->size = 8;
}

/* A program in SEC at line LINE whose context points at POINTEE, and its function. */
static struct bg_prog *prog(const char *sec, const char *name, const char *pointee, unsigned line)
{
	struct bg_func *f = bg_model__add_func(m);
	struct bg_prog *p = bg_model__add_prog(m);

	f->name = strdup(name);
	f->loc = at(line);
	f->is_main_file = true;
	p->name = strdup(name);
	p->section = strdup(sec);
	p->loc = at(line);
	p->sec_loc = at(line - 1);
	p->func = m->nfuncs - 1;
	if (pointee) {
		p->nparams = 1;
		set_ptr(&p->ctx, pointee,
			!strcmp(pointee, "void") ? BG_TYPE_VOID :
			strncmp(pointee, "struct ", 7) ? BG_TYPE_INT : BG_TYPE_STRUCT, 8);
		p->ctx_loc = at(line);
		p->ctx_loc.col = 20;
	}
	return p;
}

static struct bg_return *ret(const char *func, unsigned line, long long v, const char *token)
{
	size_t i;

	for (i = 0; i < m->nfuncs; i++) {
		if (!strcmp(m->funcs[i].name, func)) {
			struct bg_return *r = bg_func__add_return(&m->funcs[i]);

			r->loc = at(line);
			r->is_const = true;
			r->value = v;
			r->token = token ? strdup(token) : NULL;
			return r;
		}
	}
	cr_assert_fail("no function %s", func);
	return NULL;
}

static void call(const char *func, const char *callee, unsigned line, bool indirect)
{
	size_t i;

	for (i = 0; i < m->nfuncs; i++) {
		if (!strcmp(m->funcs[i].name, func)) {
			struct bg_call *c = bg_func__add_call(&m->funcs[i]);

			c->callee = strdup(callee);
			c->loc = at(line);
			c->indirect = indirect;
			return;
		}
	}
	cr_assert_fail("no function %s", func);
}

static void license(const char *s)
{
	m->has_license = true;
	m->license = strdup(s);
	m->license_loc = at(99);
}

/* Run only RULE; return how many diagnostics it made. */
static size_t run(const char *rule)
{
	struct bg_rule_opts opts = {};
	size_t i;

	memset(opts.enabled, 0, sizeof(opts.enabled));
	opts.werror = false;
	for (i = 0; i < bg_rules_cnt; i++)
		if (!strcmp(bg_rules[i].id, rule))
			opts.enabled[i] = 1;
	bg_rules__run(m, &opts, &diags);
	return diags.n;
}

static void assert_diag(size_t i, const char *rule, unsigned line, enum bg_severity sev)
{
	cr_assert_lt(i, diags.n);
	cr_assert_str_eq(diags.v[i].rule, rule);
	cr_assert_eq(diags.v[i].loc.line, line, "line %u, expected %u", diags.v[i].loc.line, line);
	cr_assert_eq(diags.v[i].sev, sev);
}

Test(rules, xdp_over_sk_buff_is_an_error_at_the_parameter)
{
	prog("xdp", "xdp_prog", "struct __sk_buff", 10);
	cr_assert_eq(run("ctx-type"), 1);
	assert_diag(0, "ctx-type", 10, BG_SEV_ERROR);
	cr_assert_eq(diags.v[0].loc.col, 20);
	cr_assert(strstr(diags.v[0].msg, "struct xdp_md *"), "%s", diags.v[0].msg);
}

Test(rules, right_and_void_contexts_pass)
{
	prog("xdp", "a", "struct xdp_md", 10);
	prog("tc", "b", "struct __sk_buff", 20);
	prog("sockops", "c", "void", 30);
	prog("kprobe/do_unlinkat", "d", "struct pt_regs", 40);
	prog("raw_tp/sched_switch", "e", "unsigned long long", 50);
	prog("tp_btf/sched_switch", "f", "unsigned long long", 60);
	prog("tracepoint/syscalls/sys_enter_openat", "g", "struct trace_event_raw_sys_enter", 70);
	prog("tp/xdp/xdp_redirect", "h", "struct my_tp_record", 80);
	prog("cgroup/connect4", "i", "struct bpf_sock_addr", 90);
	cr_assert_eq(run("ctx-type"), 0);
}

Test(rules, open_contexts_refuse_another_types_context)
{
	prog("tracepoint/net/netif_receive_skb", "t", "struct xdp_md", 10);
	prog("cgroup/connect4", "c", "struct bpf_sock", 20);
	prog("sk_msg", "s", "struct __sk_buff", 30);
	cr_assert_eq(run("ctx-type"), 3);
	assert_diag(0, "ctx-type", 10, BG_SEV_ERROR);
	assert_diag(1, "ctx-type", 20, BG_SEV_ERROR);
	assert_diag(2, "ctx-type", 30, BG_SEV_ERROR);
}

Test(rules, unknown_section_with_suggestion)
{
	prog("xpd", "f", "struct xdp_md", 10);
	prog("xdp", "g", "struct xdp_md", 20);
	cr_assert_eq(run("section-name"), 1);
	assert_diag(0, "section-name", 9, BG_SEV_ERROR);
	cr_assert_str_eq(diags.v[0].fixit, "SEC(\"xdp\")");
}

Test(rules, return_range_cgroup_skb)
{
	prog("cgroup_skb/ingress", "in", "struct __sk_buff", 10);
	ret("in", 12, 1, NULL);
	ret("in", 13, 2, NULL);
	prog("cgroup_skb/egress", "eg", "struct __sk_buff", 20);
	ret("eg", 22, 3, NULL);
	cr_assert_eq(run("return-range"), 1);
	assert_diag(0, "return-range", 13, BG_SEV_ERROR);
}

Test(rules, return_range_follows_returned_calls)
{
	struct bg_func *f;
	struct bg_return *r;

	prog("cgroup/recvmsg4", "recv", "struct bpf_sock_addr", 10);
	f = bg_model__add_func(m);
	f->name = strdup("____recv");
	f->is_main_file = true;
	ret("____recv", 30, 0, NULL);
	r = bg_func__add_return(&m->funcs[0]);
	r->loc = at(11);
	r->callee = strdup("____recv");
	cr_assert_eq(run("return-range"), 1);
	assert_diag(0, "return-range", 30, BG_SEV_ERROR);
}

Test(rules, return_action_families)
{
	prog("xdp", "x", "struct xdp_md", 10);
	ret("x", 11, 2, "TC_ACT_SHOT");
	ret("x", 12, 2, "XDP_PASS");
	ret("x", 13, 7, NULL);
	prog("tc", "t", "struct __sk_buff", 20);
	ret("t", 21, 1, "XDP_DROP");
	ret("t", 22, 0, "TC_ACT_OK");
	ret("t", 23, -1, NULL);
	cr_assert_eq(run("return-action"), 3);
	assert_diag(0, "return-action", 11, BG_SEV_ERROR);
	assert_diag(1, "return-action", 13, BG_SEV_ERROR);
	assert_diag(2, "return-action", 21, BG_SEV_ERROR);
	cr_assert(strstr(diags.v[0].msg, "XDP_PASS"), "%s", diags.v[0].msg);
}

Test(rules, gpl_helper_without_license)
{
	prog("kprobe/x", "k", "struct pt_regs", 10);
	call("k", "bpf_probe_read_kernel", 12, true);
	call("k", "bpf_ktime_get_ns", 13, true);
	cr_assert_eq(run("license-gpl"), 1);
	assert_diag(0, "license-gpl", 12, BG_SEV_ERROR);
}

Test(rules, gpl_helper_with_wrong_license_through_a_subprogram)
{
	struct bg_func *f;

	prog("kprobe/x", "k", "struct pt_regs", 10);
	f = bg_model__add_func(m);
	f->name = strdup("helper");
	f->is_main_file = true;
	call("helper", "bpf_trace_printk", 40, true);
	call("k", "helper", 12, false);
	license("GPL-2.0");
	cr_assert_eq(run("license-gpl"), 1);
	assert_diag(0, "license-gpl", 40, BG_SEV_ERROR);
}

Test(rules, gpl_helper_unreachable_or_licensed_passes)
{
	struct bg_func *f;

	prog("kprobe/x", "k", "struct pt_regs", 10);
	f = bg_model__add_func(m);
	f->name = strdup("unused");
	call("unused", "bpf_probe_read_kernel", 40, true);
	cr_assert_eq(run("license-gpl"), 0);
	call("k", "bpf_probe_read_kernel", 12, true);
	license("Dual BSD/GPL");
	cr_assert_eq(run("license-gpl"), 0);
}

Test(rules, missing_license_is_a_warning)
{
	prog("xdp", "x", "struct xdp_md", 10);
	cr_assert_eq(run("license-missing"), 1);
	assert_diag(0, "license-missing", 10, BG_SEV_WARNING);
}

Test(rules, werror_makes_warnings_errors)
{
	struct bg_rule_opts opts = {};

	prog("xdp", "x", "struct xdp_md", 10);
	memset(opts.enabled, -1, sizeof(opts.enabled));
	opts.werror = true;
	bg_rules__run(m, &opts, &diags);
	cr_assert_eq(diags.n, 1);
	assert_diag(0, "license-missing", 10, BG_SEV_ERROR);
}

static struct bg_func *func(const char *name, long long frame, bool is_static, bool noinline)
{
	struct bg_func *f = bg_model__add_func(m);

	f->name = strdup(name);
	f->loc = at(m->nfuncs * 10);
	f->is_main_file = true;
	f->is_static = is_static;
	f->noinline = noinline;
	f->frame = frame;
	return f;
}

Test(rules, stack_one_frame_over_512)
{
	prog("xdp", "x", "struct xdp_md", 10);
	m->funcs[0].frame = 520;
	cr_assert_eq(run("stack-size"), 1);
	assert_diag(0, "stack-size", 10, BG_SEV_ERROR);
}

Test(rules, stack_chain_of_calls_that_stay_calls)
{
	prog("xdp", "x", "struct xdp_md", 10);
	m->funcs[0].frame = 200;
	func("outer", 200, true, true);		/* __noinline: a frame of its own */
	func("inner", 200, false, false);	/* global: a frame of its own */
	call("x", "outer", 12, false);
	call("outer", "inner", 22, false);
	cr_assert_eq(run("stack-size"), 1);
	assert_diag(0, "stack-size", 10, BG_SEV_ERROR);
	cr_assert_eq(diags.v[0].nnotes, 4, "the chain, frame by frame, and the advice");
}

Test(rules, stack_inlined_helpers_share_the_frame)
{
	prog("xdp", "x", "struct xdp_md", 10);
	m->funcs[0].frame = 200;
	func("a", 200, true, false);	/* static: inlined, its frame merges into the caller's */
	func("b", 200, true, false);
	call("x", "a", 12, false);
	call("x", "b", 13, false);
	/* 200 + max(200, 200): under 512, even though the sum of all frames is 600 */
	cr_assert_eq(run("stack-size"), 0);
}
