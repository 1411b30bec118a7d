// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bpfgen_verifier_parse() on logs Linux 6.18 printed for the corpus in
 * tests/check/bad (the .log files in data/: the text libbpf 1.1 printed between its
 * BEGIN/END PROG LOAD LOG markers), on the same logs as older kernels print
 * them (no "@ file:line"), and on broken input; and the explanations table.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <criterion/criterion.h>

#include "bpfgen/runtime.h"
#include "internal.h"

static char *slurp(const char *name)
{
	char path[4096];
	FILE *f;
	long n;
	char *buf;

	snprintf(path, sizeof(path), "%s/%s", BG_TEST_DATA_DIR, name);
	f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n + 1);
	cr_assert_not_null(buf);
	cr_assert_eq(fread(buf, 1, n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* The log as older kernels print it: annotations without " @ file:line". */
static char *strip_locations(const char *log)
{
	char *out = malloc(strlen(log) + 1), *o = out;
	const char *p = log;

	cr_assert_not_null(out);
	while (*p) {
		const char *nl = strchr(p, '\n'), *end = nl ? nl : p + strlen(p), *at = NULL, *q;

		if (*p == ';')
			for (q = p; q + 3 <= end; q++)
				if (!memcmp(q, " @ ", 3))
					at = q;
		memcpy(o, p, (at ? at : end) - p);
		o += (at ? at : end) - p;
		if (nl)
			*o++ = '\n';
		p = nl ? nl + 1 : end;
	}
	*o = '\0';
	return out;
}

struct want {
	const char *log;
	const char *message;	/* exact */
	const char *file;
	int line;
	int insn;
	const char *rule;
};

/* Lines are those of the `// expect:` comments in tests/check/bad. */
static const struct want wants[] = {
	{ "null_deref.log", "R0 invalid mem access 'map_value_or_null'",
	  "flow_xdp_proto_stats.bpf.c", 39, 22, "null-deref" },
	{ "pkt_bounds.log",
	  "invalid access to packet, off=12 size=2, R1(id=0,off=12,r=13); "
	  "R1 offset is outside of the packet",
	  "pkt_xdp_ethertype_filter.bpf.c", 26, 6, "pkt-bounds" },
	/* the leak is reported where the reference was taken (alloc_insn) */
	{ "ringbuf_leak.log",
	  "Unreleased reference id=2 alloc_insn=10; "
	  "BPF_EXIT instruction in main prog would lead to reference leak",
	  "flow_xdp_pkt_sample.bpf.c", 32, 10, "ringbuf-leak" },
	{ "skc_leak.log",
	  "Unreleased reference id=4 alloc_insn=47; "
	  "BPF_EXIT instruction in main prog would lead to reference leak",
	  "flow_xdp_skc_stray.bpf.c", 41, 47, "sk-release" },
	{ "helper_type.log", "program of this type cannot use helper bpf_skb_load_bytes#26",
	  "helper_xdp_skb_load_bytes.bpf.c", 22, 6, "helper-type" },
	/* the exit instruction has no line of its own: the last annotation
	 * the kernel printed before it (line 0 ones are skipped) */
	{ "return_range.log",
	  "At program exit the register R0 has smin=5 smax=5 should have been in [0, 3]",
	  "bind4_ports.bpf.c", 21, 20, "return-range" },
	/* no instruction at all: no location from the log */
	{ "stack_size.log", "combined stack size of 3 calls is 592. Too large", NULL, 0, -1,
	  "stack-size" },
};

Test(verifier_parse, real_logs)
{
	size_t i;

	for (i = 0; i < sizeof(wants) / sizeof(wants[0]); i++) {
		const struct want *w = &wants[i];
		struct bpfgen_verifier_error e;
		char *log = slurp(w->log);

		cr_assert_eq(bpfgen_verifier_parse(log, &e), 0, "%s", w->log);
		cr_expect_str_eq(e.message, w->message, "%s", w->log);
		if (w->file)
			cr_expect_str_eq(e.file, w->file, "%s", w->log);
		else
			cr_expect_null(e.file, "%s: %s", w->log, e.file);
		cr_expect_eq(e.line, w->line, "%s: line %d", w->log, e.line);
		cr_expect_eq(e.col, 0, "%s", w->log);
		cr_expect_eq(e.insn, w->insn, "%s: insn %d", w->log, e.insn);
		cr_expect_str_eq(e.rule ? e.rule : "(null)", w->rule, "%s", w->log);
		cr_expect_not_null(e.explanation, "%s", w->log);
		cr_expect_str_eq(e.log, log, "%s: the whole log", w->log);
		cr_expect_null(e.prog, "%s", w->log);
		bpfgen_verifier_error__fini(&e);
		cr_expect_null(e.message);
		free(log);
	}
}

/* Older kernels print no "@ file:line": the message and instruction remain. */
Test(verifier_parse, no_annotation)
{
	size_t i;

	for (i = 0; i < sizeof(wants) / sizeof(wants[0]); i++) {
		const struct want *w = &wants[i];
		struct bpfgen_verifier_error e;
		char *orig = slurp(w->log), *log = strip_locations(orig);

		cr_assert(!strstr(log, " @ "), "%s: still annotated", w->log);
		cr_assert_eq(bpfgen_verifier_parse(log, &e), 0, "%s", w->log);
		cr_expect_str_eq(e.message, w->message, "%s", w->log);
		cr_expect_null(e.file, "%s", w->log);
		cr_expect_eq(e.line, 0, "%s", w->log);
		cr_expect_eq(e.insn, w->insn, "%s", w->log);
		cr_expect_str_eq(e.rule ? e.rule : "(null)", w->rule, "%s", w->log);
		bpfgen_verifier_error__fini(&e);
		free(log);
		free(orig);
	}
}

Test(verifier_parse, empty_and_null)
{
	struct bpfgen_verifier_error e;

	cr_expect_eq(bpfgen_verifier_parse("", &e), -EINVAL);
	cr_expect_null(e.message);
	cr_expect_eq(e.insn, -1);
	cr_expect_eq(bpfgen_verifier_parse(NULL, &e), -EINVAL);
	cr_expect_eq(bpfgen_verifier_parse("\n\n\r\n", &e), -EINVAL);
	bpfgen_verifier_error__fini(NULL);
}

/* A log of a program that loaded (log_level 1 on success) has no failure. */
Test(verifier_parse, no_failure)
{
	struct bpfgen_verifier_error e;
	const char *ok = "func#0 @0\n"
			 "0: R1=ctx() R10=fp0\n"
			 "; return XDP_PASS; @ xdp_pass.bpf.c:9\n"
			 "0: (b7) r0 = 2                        ; R0=2\n"
			 "1: (95) exit\n"
			 "processed 2 insns (limit 1000000) max_states_per_insn 0 total_states 0 "
			 "peak_states 0 mark_read 0\n";

	/* "func#0 @0" is a message-like line, but instructions follow it */
	cr_expect_eq(bpfgen_verifier_parse(ok, &e), -EINVAL);
	cr_expect_eq(bpfgen_verifier_parse("processed 2 insns (limit 1000000)\n", &e), -EINVAL);
}

/* A log cut inside an instruction (a fixed buffer that ran out) has no message. */
Test(verifier_parse, truncated)
{
	struct bpfgen_verifier_error e;
	char *log = slurp("null_deref.log");
	char *cut = strstr(log, "22: (79)");

	cr_assert_not_null(cut);
	cut[6] = '\0';	/* "22: (7" */
	cr_expect_eq(bpfgen_verifier_parse(log, &e), -EINVAL);
	cut[6] = '9';
	/* cut after the failing line, before the summary: still parsed */
	cut = strstr(log, "processed");
	cr_assert_not_null(cut);
	*cut = '\0';
	cr_assert_eq(bpfgen_verifier_parse(log, &e), 0);
	cr_expect_str_eq(e.message, "R0 invalid mem access 'map_value_or_null'");
	cr_expect_eq(e.insn, 22);
	bpfgen_verifier_error__fini(&e);
	/* and with no final newline */
	cut = strstr(log, "\nR0 invalid");
	cr_assert_not_null(cut);
	cut[strlen(cut) - 1] = '\0';
	cr_assert_eq(bpfgen_verifier_parse(log, &e), 0);
	cr_expect_str_eq(e.message, "R0 invalid mem access 'map_value_or_null'");
	bpfgen_verifier_error__fini(&e);
	free(log);
}

/* Lines that look like ours but are not: no crash, no reading past the end. */
Test(verifier_parse, garbage)
{
	static const char *const logs[] = {
		"; @ :\n", "; x @ f.c:\n", "; x @ f.c:99999999999999999999\nboom\n",
		"99999999999999999999: (85) call\nboom\n", "1: (\n", "1: (85\n", ":\n",
		"R\n", "R1\n", "alloc_insn=\n", "x alloc_insn=99999999999\n",
		"Unreleased reference id=1 alloc_insn=3\n", "\r", "0: (85) call foo\r\nbad\r\n",
	};
	size_t i;

	for (i = 0; i < sizeof(logs) / sizeof(logs[0]); i++) {
		struct bpfgen_verifier_error e;
		int ret = bpfgen_verifier_parse(logs[i], &e);

		cr_expect(ret == 0 || ret == -EINVAL, "%zu: %d", i, ret);
		if (!ret) {
			cr_expect_not_null(e.message);
			cr_expect_geq(e.insn, -1);
			cr_expect_geq(e.line, 0);
		}
		bpfgen_verifier_error__fini(&e);
	}
}

Test(verifier_parse, crlf_and_annotation_line_zero)
{
	struct bpfgen_verifier_error e;
	const char *log = "; x = 1; @ a.bpf.c:7\r\n"
			  "3: (79) r1 = *(u64 *)(r0 +0)\r\n"
			  ";  @ a.bpf.c:0\r\n"
			  "4: (95) exit\r\n"
			  "R0 !read_ok\r\n";

	cr_assert_eq(bpfgen_verifier_parse(log, &e), 0);
	cr_expect_str_eq(e.message, "R0 !read_ok");
	cr_expect_str_eq(e.file, "a.bpf.c");
	cr_expect_eq(e.line, 7);
	cr_expect_eq(e.insn, 4);
	cr_expect_not_null(e.explanation);
	bpfgen_verifier_error__fini(&e);
}

/* State lines are not the message; a message that starts like one is. */
Test(verifier_parse, state_lines)
{
	struct bpfgen_verifier_error e;
	const char *log = "5: (bf) r10 = r1\n"
			  "frame pointer is read only\n"
			  "frame0: R1=ctx() R10=fp0\n"
			  "R1=ctx() R10=fp0\n"
			  "from 3 to 5: R0=1\n"
			  "processed 6 insns (limit 1000000)\n";

	cr_assert_eq(bpfgen_verifier_parse(log, &e), 0);
	cr_expect_str_eq(e.message, "frame pointer is read only");
	cr_expect_eq(e.insn, 5);
	bpfgen_verifier_error__fini(&e);
}

/* Each message of shared/reference/ebpf-facts.md, as the kernel or libbpf prints it. */
Test(verifier_explain, measured_messages)
{
	static const struct {
		const char *message;
		const char *rule;	/* "" for no rule */
	} rows[] = {
		{ "R0 invalid mem access 'map_value_or_null'", "null-deref" },
		{ "R7 invalid mem access 'ringbuf_mem_or_null'", "null-deref" },
		{ "R1 invalid mem access 'sock_or_null'", "null-deref" },
		{ "R1 invalid mem access 'scalar'", "kernel-deref" },
		{ "program of this type cannot use helper bpf_skb_load_bytes#26", "helper-type" },
		{ "invalid func unknown#250", "helper-type" },
		{ "helper call might sleep in a non-sleepable prog", "helper-sleepable" },
		{ "cannot call GPL-restricted function from non-GPL compatible program",
		  "license-gpl" },
		{ "cannot call kernel function from non-GPL compatible program", "license-gpl" },
		{ "invalid read from stack R2 off=-2 size=4", "map-key" },
		{ "invalid indirect read from stack R2 off -8+0 size 8", "map-key" },
		{ "R0 min value is outside of the allowed memory range", "map-value" },
		{ "invalid access to map value, value_size=4 off=0 size=8", "map-value" },
		{ "BPF_EXIT instruction in main prog would lead to reference leak",
		  "ringbuf-leak" },
		{ "cannot pass map_type 1 into func bpf_redirect_map#51", "map-kind" },
		{ "invalid zero-sized read", "map-kind" },
		{ "expected prog array map for tail call", "map-kind" },
		{ "map 'x': failed to create: Invalid argument(-22)", "map-def" },
		{ "R1 offset is outside of the packet", "pkt-bounds" },
		{ "invalid access to packet, off=12 size=2, R1(id=0,off=12,r=13)", "pkt-bounds" },
		{ "invalid bpf_context access off=0 size=4", "ctx-access" },
		{ "variable ctx access var_off=(0x0; 0x4) disallowed", "ctx-var-offset" },
		{ "dereference of modified ctx ptr R3 off=48 disallowed", "ctx-var-offset" },
		{ "combined stack size of 2 calls is 608. Too large", "stack-size" },
		{ "BPF program is too large. Processed 1000001 insn", "" },
		{ "unknown opcode 8d", "" },
		{ "Func#1 ('f') is global and assumed valid.\nGlobal function f() doesn't return "
		  "scalar. Only those are supported.", "" },
		{ "Caller passes invalid args into func#1 ('f')", "" },
		{ "write into map forbidden, value_size=4 off=0 size=4", "" },
		{ "prog 'x': failed to find kernel BTF type ID of 'sched_swich': -3", "btf-target" },
		{ "extern (func ksym) 'x': not found in kernel or module BTFs", "kfunc-unknown" },
		{ "prog 'x': missing BPF prog type, check ELF section name 'xpd'", "section-name" },
		{ "unrecognized ELF section name 'xpd'", "section-name" },
		{ "At program exit the register R0 has smin=5 smax=5 should have been in [0, 3]",
		  "return-range" },
		{ "func 'sched_switch' doesn't have 5-th argument", "btf-args" },
		{ "unreachable insn 3", "" },
		{ "back-edge from insn 5 to 3", "" },
		{ "infinite loop detected at insn 5", "" },
		{ "R2 !read_ok", "" },
		{ "frame pointer is read only", "" },
		{ "R1 type=scalar expected=fp, pkt, pkt_meta, map_key, map_value", "" },
		{ "failed to resolve CO-RE relocation <byte_off> [7] struct task_struct.x", "" },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct bpfgen_verifier_explain *e = bpfgen_verifier_explain(rows[i].message);

		cr_assert_not_null(e, "no explanation for '%s'", rows[i].message);
		cr_expect_str_eq(e->rule ? e->rule : "", rows[i].rule, "'%s'", rows[i].message);
		cr_expect_gt(strlen(e->explanation), 20);
	}
	cr_expect_null(bpfgen_verifier_explain("everything is fine"));
	cr_expect_null(bpfgen_verifier_explain(NULL));
}

/* The kind of leaked reference comes from the call that took it. */
Test(verifier_explain, leak_by_call)
{
	const char *m = "Unreleased reference id=2 alloc_insn=10";

	cr_expect_str_eq(bpfgen_verifier__explain(m, "10: (85) call bpf_ringbuf_reserve#131")->rule,
			 "ringbuf-leak");
	cr_expect_str_eq(bpfgen_verifier__explain(m, "47: (85) call bpf_skc_lookup_tcp#99")->rule,
			 "sk-release");
	cr_expect_str_eq(bpfgen_verifier__explain(m, "9: (85) call bpf_sk_lookup_udp#85")->rule,
			 "sk-release");
	/* without the call: the generic row, never one that needs a call */
	cr_expect_null(bpfgen_verifier_explain(m)->call);
}

/*
 * The table itself: every row is reachable (no earlier, more general row
 * hides it), explanations are lowercase and end without a full stop, and
 * each rule is one `bpfgen check --list-rules` knows.
 */
Test(verifier_explain, table)
{
	static const char *const rules[] = {
		"section-name", "ctx-type", "license-gpl", "return-range", "helper-type",
		"helper-sleepable", "map-key", "map-value", "map-kind", "map-def",
		"ctx-access", "ctx-var-offset", "stack-size", "null-deref", "ringbuf-leak",
		"sk-release", "pkt-bounds", "kernel-deref", "btf-target", "kfunc-unknown",
		"btf-args",
	};
	const struct bpfgen_verifier_explain *t;
	size_t n, i, j;

	t = bpfgen_verifier__explain_table(&n);
	cr_assert_gt(n, 40);
	for (i = 0; i < n; i++) {
		const char *x = t[i].explanation;
		const struct bpfgen_verifier_explain *got;
		char call[128];

		snprintf(call, sizeof(call), "%s#1", t[i].call ? t[i].call : "call none");
		got = bpfgen_verifier__explain(t[i].pattern, t[i].call ? call : NULL);
		cr_expect_eq(got, &t[i], "row %zu ('%s') is hidden by '%s'", i, t[i].pattern,
			     got ? got->pattern : "(none)");
		cr_expect(x[0] >= 'a' && x[0] <= 'z', "row %zu: '%s' not lowercase", i, x);
		cr_expect_neq(x[strlen(x) - 1], '.', "row %zu ends with a full stop", i);
		if (!t[i].rule)
			continue;
		for (j = 0; j < sizeof(rules) / sizeof(rules[0]); j++)
			if (!strcmp(rules[j], t[i].rule))
				break;
		cr_expect_lt(j, sizeof(rules) / sizeof(rules[0]), "row %zu: unknown rule %s", i,
			     t[i].rule);
	}
}

/* The printed form is `bpfgen check`'s: location, [verifier], source, notes. */
Test(verifier_print, check_format)
{
	struct bpfgen_verifier_error e = {
		.prog = "xdp_prog",
		.message = "R0 invalid mem access 'map_value_or_null'",
		.file = BG_TEST_DATA_DIR "/snippet.txt",
		.line = 3,
		.col = 9,
		.insn = 22,
		.explanation = "the pointer may be NULL",
		.rule = "null-deref",
	};
	char *buf = NULL, *want = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	cr_assert_not_null(out);
	bpfgen_verifier_error__print(&e, out);
	fclose(out);
	cr_assert(asprintf(&want,
			   "%s:3:9: error: R0 invalid mem access 'map_value_or_null' [verifier]\n"
			   "\tcount = *v + 1;\n"
			   "\t       ^\n"
			   "note: the pointer may be NULL\n"
			   "note: bpfgen check looks for this mistake at build time: [null-deref]\n"
			   "note: in program 'xdp_prog', instruction 22\n",
			   e.file) > 0);
	cr_expect_str_eq(buf, want);
	free(buf);
	free(want);

	/* no file: no location, no snippet, no rule note */
	e.file = NULL;
	e.rule = NULL;
	e.insn = -1;
	out = open_memstream(&buf, &len);
	bpfgen_verifier_error__print(&e, out);
	fclose(out);
	cr_expect_str_eq(buf, "error: R0 invalid mem access 'map_value_or_null' [verifier]\n"
			      "note: the pointer may be NULL\n"
			      "note: in program 'xdp_prog'\n");
	free(buf);
}
