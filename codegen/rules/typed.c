// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The typed layer's rules: what clang says about a use of headers/bpfgen,
 * reported as errors with a rule id at the user's line. bpf.h and log.h make
 * the same findings compile errors, so check and the compiler agree; the
 * rules also hold where a file turned the compiler's errors back into
 * warnings.
 */
#include <string.h>

#include "rules.h"

/* What to write instead, for each rule: the typed API, never a raw helper. */
static const char *typed_hint(const char *rule, const char *msg)
{
	if (!strcmp(rule, "typed-return")) {
		/* the body's type is the one after "result type": it says what to return */
		const char *res = strstr(msg, "result type '");

		res = res ? res : msg;
		if (strstr(res, "'bpfgen_xdp_action'"))
			return "an XDP body returns BPFGEN_XDP_ABORTED, _DROP, _PASS, _TX or _REDIRECT";
		if (strstr(res, "'bpfgen_tc_action'"))
			return "a tc body returns BPFGEN_TC_OK, _SHOT, _REDIRECT, ... (the TC_ACT_* values)";
		if (strstr(res, "'bpfgen_verdict'"))
			return "a verdict program returns BPFGEN_VERDICT_PASS or BPFGEN_VERDICT_DROP; an "
			       "errno is not a verdict (the kernel refuses the program, or reads it as a verdict)";
		if (strstr(res, "'bpfgen_socket_len'"))
			return "a socket filter returns how many bytes to keep: BPFGEN_SOCKET_KEEP(len), "
			       "BPFGEN_SOCKET_KEEP_ALL or BPFGEN_SOCKET_DROP, not a verdict";
		if (strstr(msg, "'bpfgen_drain_action'"))
			return "a user ring buffer callback returns BPFGEN_DRAIN_NEXT or BPFGEN_DRAIN_STOP "
			       "(the kernel refuses any other value)";
		if (strstr(res, "'bpfgen_flow_action'"))
			return "a flow dissector returns BPFGEN_FLOW_OK (its flow keys are used), "
			       "BPFGEN_FLOW_DROP or BPFGEN_FLOW_CONTINUE (the kernel's dissector runs)";
		if (strstr(res, "'bpfgen_nf_verdict'"))
			return "a netfilter program returns BPFGEN_NF_ACCEPT or BPFGEN_NF_DROP, the only "
			       "verdicts the kernel takes from it";
		return NULL;
	}
	if (!strcmp(rule, "typed-unused"))
		return "the typed layer marks results that fail silently: test a lookup for NULL, "
		       "an update, delete, push, pop, stack id, drain or probe read for a negative errno";
	if (!strcmp(rule, "typed-type"))
		return "the typed layer's accessors take and give the types the map, program or "
		       "storage was declared with";
	if (!strcmp(rule, "typed-format"))
		return "each conversion takes an argument of its size: %d/%u/%x 32 bits, %ld/%lu/%llu "
		       "64 bits, %s a string, %p/%pI4/%pI6/%pM a pointer to the bytes";
	return NULL;
}

static void typed_rule(struct bg_check *c)
{
	size_t i;

	for (i = 0; i < c->m->ncdiags; i++) {
		const struct bg_cdiag *cd = &c->m->cdiags[i];
		const char *hint;
		struct bg_diag *d;

		if (strcmp(cd->rule, c->rule->id))
			continue;
		d = bg_check__report(c, cd->loc, "%s", cd->msg);
		if (!d)
			continue;
		if (cd->note)
			bg_diag__note(d, cd->note_loc, "%s", cd->note);
		hint = typed_hint(cd->rule, cd->msg);
		if (hint)
			bg_diag__note(d, (struct bg_loc){}, "%s", hint);
	}
}

void bg_rule_typed_type(struct bg_check *c)
{
	typed_rule(c);
}

void bg_rule_typed_return(struct bg_check *c)
{
	typed_rule(c);
}

void bg_rule_typed_unused(struct bg_check *c)
{
	typed_rule(c);
}

void bg_rule_typed_args(struct bg_check *c)
{
	typed_rule(c);
}

void bg_rule_typed_format(struct bg_check *c)
{
	typed_rule(c);
}
