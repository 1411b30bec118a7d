/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* The rule table and what rules share: the run context and reporting. */
#ifndef BPFGEN_RULES_H
#define BPFGEN_RULES_H

#include <stdbool.h>

#include "../diag.h"
#include "../model.h"
#include "../tables/tables.h"

struct bg_check;
struct bg_kernel_table;
struct bg_kbtf;

struct bg_rule {
	const char *id;
	enum bg_severity sev;	/* default severity */
	const char *family;	/* the file under rules/ that implements it */
	const char *summary;
	void (*run)(struct bg_check *c);
	bool off_by_default;	/* noisy on correct code: enabled with -W<id> */
};

extern const struct bg_rule bg_rules[];
extern const size_t bg_rules_cnt;

/* Per-rule settings from the command line. */
struct bg_rule_opts {
	signed char enabled[64];	/* by index in bg_rules: 1 on, 0 off, -1 default */
	bool werror;
	/* helper verdicts for the helper rules (tables/kernel.h); NULL: the built-in table */
	const struct bg_kernel_table *ktable;
	struct bg_kbtf *kbtf;	/* kernel BTF for the btf rules, read on first use; NULL skips them */
	/* --target-kernel "5.15,6.1": the kernels the kernel-version rule checks for; NULL: none */
	const char *target_kernel;
};

struct bg_check {
	const struct bg_model *m;
	struct bg_diags *diags;
	const struct bg_rule_opts *opts;
	const struct bg_rule *rule;	/* the rule running now */
};

const struct bg_rule *bg_rule__find(const char *id);
/* Run every enabled rule over M, appending to DIAGS. */
void bg_rules__run(const struct bg_model *m, const struct bg_rule_opts *opts, struct bg_diags *diags);
/* Only the rules of FAMILY ("typed"): those that hold on a unit clang could not finish. */
void bg_rules__run_family(const struct bg_model *m, const struct bg_rule_opts *opts,
			  struct bg_diags *diags, const char *family);

/*
 * Report a finding of the running rule at LOC with its severity; returns the
 * diagnostic for notes, or NULL when the same finding was already reported.
 */
struct bg_diag *bg_check__report(struct bg_check *c, struct bg_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The same with severity SEV instead of the rule's, for rules whose weight depends on the file. */
struct bg_diag *bg_check__report_sev(struct bg_check *c, enum bg_severity sev, struct bg_loc loc,
				     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* The helper and context verdicts the rules use: --kernel-table's, else the built-in 6.18 table. */
const struct bg_kernel_table *bg_check__ktable(const struct bg_check *c);

/*
 * context.c: call FN for each access to a program's own context struct in a
 * function the program reaches, at the user's line (an access inside a
 * typed accessor of bpf.h is reported at each call of it, VIA its name),
 * with ARG.
 */
typedef void (*bg_ctx_access_fn)(struct bg_check *c, const struct bg_prog *p,
				 const struct bg_prog_type_info *info, const struct bg_ctx_access *a,
				 struct bg_loc at, const char *via, void *arg);
void bg_check__for_each_ctx_access(struct bg_check *c, bg_ctx_access_fn fn, void *arg);
/*
 * The context field A touches in programs of P's section and the BG_CTX_*
 * flags table K gives it (its measured row, else tables/ctx_fields.c when K
 * is the built-in table). -1 when nothing says.
 */
int bg_ctx_access__flags(const struct bg_kernel_table *k, const struct bg_prog *p,
			 const struct bg_ctx_access *a, const struct bg_ctx_field **field);

/* The section definition and type info of P, or NULL when the section is unknown. */
const struct bg_section_def *bg_prog__section(const struct bg_prog *p);

/*
 * Mark in REACH (m->nfuncs entries) the functions reachable through direct
 * calls from the function FUNC, or from every program when FUNC is -1.
 * Returns 0 or -ENOMEM.
 */
int bg_model__reachable(const struct bg_model *m, int func, bool *reach);

/*
 * Whether F's body mentions local variable or parameter VAR at all: reads,
 * writes, tests, copies or passes it. True without a lowered body.
 */
bool bg_func__uses(const struct bg_func *f, const char *var);

/*
 * helpers.c: CO-RE feature tests (bpf_core_type_exists() and the like) keep
 * or drop a branch per kernel at load time. Per function, the calls that run
 * only on one side of one; NULL on ENOMEM. Functions without a flow body
 * have none marked: then every call counts. __free() accepts NULL.
 */
bool **bg_model__guarded_calls(const struct bg_model *m);
void bg_guarded_calls__free(const struct bg_model *m, bool **g);
/*
 * Mark in REACH (m->nfuncs entries) the functions P runs whatever the
 * kernel: reachable through direct calls that no feature test guards.
 * Returns 0 or -ENOMEM.
 */
int bg_model__reachable_unguarded(const struct bg_model *m, const struct bg_prog *p,
				  bool **guarded, bool *reach);
/*
 * The calls P makes, per function and call (freed with
 * bg_guarded_calls__free()): reached through direct calls from P's function,
 * not under a feature test (GUARDED), and not on a side of a branch that
 * the constant arguments of the calls on the way decide against. NULL on
 * ENOMEM or when the walk is too large: then use the reachable calls.
 */
bool **bg_model__live_calls(const struct bg_model *m, const struct bg_prog *p, bool **guarded);

/* rule entry points, one family per file */
void bg_rule_section_name(struct bg_check *c);
void bg_rule_section_legacy(struct bg_check *c);
void bg_rule_section_unknown(struct bg_check *c);
void bg_rule_ctx_type(struct bg_check *c);
void bg_rule_license_gpl(struct bg_check *c);
void bg_rule_license_missing(struct bg_check *c);
void bg_rule_return_range(struct bg_check *c);
void bg_rule_return_action(struct bg_check *c);
void bg_rule_helper_type(struct bg_check *c);
void bg_rule_helper_sleepable(struct bg_check *c);
void bg_rule_map_key(struct bg_check *c);
void bg_rule_map_value(struct bg_check *c);
void bg_rule_map_kind(struct bg_check *c);
void bg_rule_map_def(struct bg_check *c);
void bg_rule_map_max_entries(struct bg_check *c);
void bg_rule_unchecked_return(struct bg_check *c);
void bg_rule_typed_type(struct bg_check *c);
void bg_rule_typed_return(struct bg_check *c);
void bg_rule_typed_unused(struct bg_check *c);
void bg_rule_typed_args(struct bg_check *c);
void bg_rule_typed_format(struct bg_check *c);
void bg_rule_ctx_access(struct bg_check *c);
void bg_rule_ctx_var_offset(struct bg_check *c);
void bg_rule_stack_size(struct bg_check *c);
void bg_rule_null_deref(struct bg_check *c);
void bg_rule_ringbuf_leak(struct bg_check *c);
void bg_rule_sk_release(struct bg_check *c);
void bg_rule_kfunc_release(struct bg_check *c);
void bg_rule_object_state(struct bg_check *c);
void bg_rule_lock_region(struct bg_check *c);
void bg_rule_pkt_bounds(struct bg_check *c);
void bg_rule_kernel_deref(struct bg_check *c);
void bg_rule_btf_target(struct bg_check *c);
void bg_rule_kfunc_unknown(struct bg_check *c);
void bg_rule_btf_args(struct bg_check *c);
void bg_rule_kernel_version(struct bg_check *c);

/* version.c: 0 when SPEC ("5.15,6.1") is a list of kernel versions, else -EINVAL. */
int bg_target_kernel__validate(const char *spec);

/*
 * btf.c: the kernel BTF the btf rules check against, PATH or, when NULL,
 * /sys/kernel/btf/vmlinux (and its loaded modules). Nothing is read until a
 * rule needs it; then it is read once. __free() accepts NULL.
 */
struct bg_kbtf *bg_kbtf__new(const char *path);
void bg_kbtf__free(struct bg_kbtf *k);

#endif
