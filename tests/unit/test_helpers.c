// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The kernel table (lookup, readers, writers), the built-in table against the
 * independent measurement in tests/data, and the helper rules on hand-built
 * models.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include <bpf/btf.h>

#include "rules/rules.h"
#include "tables/tables.h"
#include "tables/kernel.h"

#ifndef BG_TEST_DATA_DIR
#error "BG_TEST_DATA_DIR: the tests/data directory"
#endif

static int helper_id(const char *name)
{
	const struct bg_helper *h = bg_helper__find(name);

	cr_assert(h, "no helper '%s'", name);
	return h->id;
}

static int verdict(const struct bg_kernel_table *t, const char *sec, const char *helper)
{
	return bg_kernel_row__verdict(bg_kernel_table__find(t, sec), helper_id(helper));
}

/* ---- the built-in table and the lookup ---- */

Test(kernel_table, builtin_is_linux_6_18_with_every_probe_row)
{
	const struct bg_kernel_table *t = bg_kernel_table__builtin();
	size_t i, measured = 0;

	cr_assert(t);
	cr_assert_eq(strncmp(t->release, "6.18.", 5), 0, "release %s", t->release);
	cr_assert_eq(t->helper_max, 211);
	cr_assert_eq(t->nrows, 39);
	for (i = 0; i < t->nrows; i++) {
		const struct bg_section_def *def = bg_section__find(t->rows[i].section);

		cr_assert(def, "row '%s' is not a libbpf section", t->rows[i].section);
		cr_assert_eq(def->type, t->rows[i].type, "row '%s'", t->rows[i].section);
		measured += t->rows[i].measured;
	}
	cr_assert_eq(measured, 37);
	/* fentry and lsm: EPERM on this kernel, recorded but not measured */
	cr_assert_not(bg_kernel_table__find(t, "fentry/do_unlinkat")->measured);
	cr_assert_not(bg_kernel_table__find(t, "lsm/file_open")->measured);
}

Test(kernel_table, lookup_picks_type_and_attach_then_type)
{
	const struct bg_kernel_table *t = bg_kernel_table__builtin();

	cr_assert_str_eq(bg_kernel_table__find(t, "xdp")->section, "xdp");
	cr_assert_str_eq(bg_kernel_table__find(t, "?xdp")->section, "xdp");
	cr_assert_str_eq(bg_kernel_table__find(t, "xdp/devmap")->section, "xdp/devmap");
	cr_assert_str_eq(bg_kernel_table__find(t, "xdp.frags")->section, "xdp");
	/* no row for the cpumap attach type: another xdp row */
	cr_assert_str_eq(bg_kernel_table__find(t, "xdp/cpumap")->section, "xdp");
	cr_assert_str_eq(bg_kernel_table__find(t, "tc/ingress")->section, "tcx/ingress");
	cr_assert_str_eq(bg_kernel_table__find(t, "classifier")->section, "tc");
	cr_assert_str_eq(bg_kernel_table__find(t, "cgroup/connect6")->section, "cgroup/connect4");
	cr_assert_str_eq(bg_kernel_table__find(t, "kretprobe/do_exit")->section, "kprobe");
	/* same type and attach type: the row of the same sleepability */
	cr_assert_str_eq(bg_kernel_table__find(t, "uprobe//bin/bash:readline")->section, "kprobe");
	cr_assert_str_eq(bg_kernel_table__find(t, "uprobe.s//bin/bash:readline")->section,
			 "uprobe.s");
	cr_assert_str_eq(bg_kernel_table__find(t, "uretprobe.multi.s//bin/x:f")->section,
			 "uprobe.multi");
	cr_assert_str_eq(bg_kernel_table__find(t, "syscall")->section, "syscall");
	/* tracing rows stand only for their own attach type */
	cr_assert_null(bg_kernel_table__find(t, "fexit/do_unlinkat"));
	cr_assert_null(bg_kernel_table__find(t, "iter/task"));
	cr_assert_str_eq(bg_kernel_table__find(t, "tp_btf/sched_switch")->section, "tp_btf");
	cr_assert_null(bg_kernel_table__find(t, "freplace/x"));
	cr_assert_null(bg_kernel_table__find(t, "struct_ops/x"));
	cr_assert_null(bg_kernel_table__find(t, "lirc_mode2"));
	cr_assert_null(bg_kernel_table__find(t, "xpd"));
	cr_assert_null(bg_kernel_table__find(t, NULL));
	cr_assert_null(bg_kernel_table__find(NULL, "xdp"));
}

Test(kernel_table, verdicts_as_measured)
{
	const struct bg_kernel_table *t = bg_kernel_table__builtin();

	cr_assert_eq(verdict(t, "xdp", "bpf_skb_load_bytes"), 0);
	cr_assert_eq(verdict(t, "xdp", "bpf_get_stackid"), 0);
	cr_assert_eq(verdict(t, "xdp", "bpf_xdp_adjust_head"), BG_KV_CALL);
	cr_assert_eq(verdict(t, "tc", "bpf_xdp_adjust_head"), 0);
	cr_assert_eq(verdict(t, "tc", "bpf_skb_load_bytes"), BG_KV_CALL);
	cr_assert_eq(verdict(t, "kprobe/x", "bpf_get_stackid"), BG_KV_CALL | BG_KV_GPL);
	/* perf_event has its own, non-GPL bpf_get_stackid */
	cr_assert_eq(verdict(t, "perf_event", "bpf_get_stackid"), BG_KV_CALL);
	cr_assert_eq(verdict(t, "kprobe/x", "bpf_copy_from_user"), BG_KV_CALL | BG_KV_SLEEP);
	cr_assert_eq(verdict(t, "uprobe.s/x", "bpf_copy_from_user"), BG_KV_CALL);
	cr_assert_eq(verdict(t, "kprobe/x", "bpf_copy_from_user_task"),
		     BG_KV_CALL | BG_KV_GPL | BG_KV_SLEEP);
	cr_assert_eq(verdict(t, "fentry/x", "bpf_skb_load_bytes"), -1);
	cr_assert_eq(bg_kernel_row__verdict(bg_kernel_table__find(t, "xdp"), 0), -1);
	cr_assert_eq(bg_kernel_row__verdict(bg_kernel_table__find(t, "xdp"), 212), -1);
	cr_assert_eq(bg_kernel_row__verdict(NULL, 1), -1);
}

/* ---- the built-in table against the independent measurement ---- */

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	cr_assert(f, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc(n + 1);
	cr_assert(buf);
	cr_assert_eq(fread(buf, 1, n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = n;
	return buf;
}

/*
 * tests/data/helpers-by-section-linux-6.18.txt was measured independently
 * (shared/reference). Every difference is printed. One kind is expected: the
 * reference stops at the verifier's first objection, so a helper that is
 * both GPL-only and sleepable-only (bpf_copy_from_user_task: GPL-only in its
 * proto, and the license is checked first) shows as "!sleep" there in
 * non-sleepable rows, where bpfgen's probe, which loads under both licenses,
 * says "!gpl!sleep". Loading `call 191; exit` as a non-sleepable kprobe under
 * "Proprietary" gives "cannot call GPL-restricted function", under "GPL"
 * "helper call might sleep": both flags are right. Any other difference fails.
 */
Test(kernel_table, builtin_agrees_with_the_reference_measurement)
{
	const struct bg_kernel_table *t = bg_kernel_table__builtin();
	struct bg_kernel_table *ref = NULL;
	unsigned expected = 0, unexpected = 0, compared = 0;
	char err[256] = "";
	size_t len, i, j;
	char *text;
	int id;

	text = slurp(BG_TEST_DATA_DIR "/helpers-by-section-linux-6.18.txt", &len);
	cr_assert_eq(bg_kernel_table__parse_text(text, len, &ref, err, sizeof(err)), 0, "%s", err);
	free(text);
	cr_assert_eq(ref->nrows, 37);
	for (i = 0; i < ref->nrows; i++) {
		const struct bg_kernel_row *r = &ref->rows[i], *b = NULL;

		for (j = 0; j < t->nrows; j++)
			if (!strcmp(t->rows[j].section, r->section))
				b = &t->rows[j];
		if (!b || !b->measured) {
			cr_log_error("%s: in the reference, not measured by bpfgen", r->section);
			unexpected++;
			continue;
		}
		compared++;
		for (id = 1; id <= ref->helper_max; id++) {
			int rv = bg_kernel_row__verdict(r, id), bv = bg_kernel_row__verdict(b, id);
			const struct bg_helper *h = bg_helper__by_id(id);

			if (rv == bv)
				continue;
			if (rv == (BG_KV_CALL | BG_KV_SLEEP) &&
			    bv == (BG_KV_CALL | BG_KV_GPL | BG_KV_SLEEP) && !b->sleepable) {
				expected++;
				continue;
			}
			cr_log_error("%s: %s: reference %d, bpfgen %d", r->section,
				     h ? h->name : "?", rv, bv);
			unexpected++;
		}
	}
	cr_log_info("compared %u rows: %u expected differences (!sleep vs !gpl!sleep), %u others",
		    compared, expected, unexpected);
	cr_assert_eq(compared, 37);
	cr_assert_eq(unexpected, 0, "%u unexpected differences (see the log)", unexpected);
	/* one per non-sleepable row: bpf_copy_from_user_task */
	cr_assert_eq(expected, 35);
	bg_kernel_table__free(ref);
}

/* ---- readers and writers ---- */

static char *print_json(const struct bg_kernel_table *t, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	cr_assert(f);
	bg_kernel_table__print_json(t, f);
	fclose(f);
	return buf;
}

static void assert_same_fields(const struct bg_kernel_ctx *a, const struct bg_kernel_ctx *b)
{
	size_t i;

	for (i = 0; i < a->nfields; i++) {
		cr_assert_eq(a->fields[i].off, b->fields[i].off, "%s", a->section);
		cr_assert_eq(a->fields[i].flags, b->fields[i].flags, "%s @%lld", a->section,
			     a->fields[i].off);
	}
}

static void assert_same(const struct bg_kernel_table *a, const struct bg_kernel_table *b)
{
	size_t i;
	int id;

	cr_assert_str_eq(a->release, b->release);
	cr_assert_eq(a->helper_max, b->helper_max);
	cr_assert_eq(a->nrows, b->nrows);
	for (i = 0; i < a->nrows; i++) {
		cr_assert_str_eq(a->rows[i].section, b->rows[i].section);
		cr_assert_eq(a->rows[i].type, b->rows[i].type);
		cr_assert_eq(!a->rows[i].attach, !b->rows[i].attach);
		if (a->rows[i].attach)
			cr_assert_str_eq(a->rows[i].attach, b->rows[i].attach);
		cr_assert_eq(a->rows[i].sleepable, b->rows[i].sleepable);
		cr_assert_eq(a->rows[i].measured, b->rows[i].measured);
		for (id = 0; id <= BG_KERNEL_HELPER_MAX; id++)
			cr_assert_eq(bg_kernel_row__verdict(&a->rows[i], id),
				     bg_kernel_row__verdict(&b->rows[i], id), "%s helper %d",
				     a->rows[i].section, id);
	}
	cr_assert_eq(a->nctx, b->nctx);
	for (i = 0; i < a->nctx; i++) {
		cr_assert_str_eq(a->ctx[i].section, b->ctx[i].section);
		cr_assert_eq(!a->ctx[i].reason, !b->ctx[i].reason, "%s", a->ctx[i].section);
		cr_assert_eq(a->ctx[i].nfields, b->ctx[i].nfields, "%s", a->ctx[i].section);
		assert_same_fields(&a->ctx[i], &b->ctx[i]);
	}
}

Test(kernel_table, json_round_trip)
{
	const struct bg_kernel_table *t = bg_kernel_table__builtin();
	struct bg_kernel_table *back = NULL;
	char err[256] = "";
	size_t len;
	char *json = print_json(t, &len);

	cr_assert_eq(bg_kernel_table__parse_json(json, len, &back, err, sizeof(err)), 0, "%s", err);
	assert_same(t, back);
	cr_assert_str_eq(back->rows[t->nrows - 1].reason, t->rows[t->nrows - 1].reason);
	bg_kernel_table__free(back);
	free(json);
}

Test(kernel_table, text_round_trip_of_measured_rows)
{
	const struct bg_kernel_table *t = bg_kernel_table__builtin();
	struct bg_kernel_table *back = NULL;
	char err[256] = "", *buf = NULL;
	size_t len, i, j = 0;
	FILE *f = open_memstream(&buf, &len);

	bg_kernel_table__print_text(t, f);
	fclose(f);
	cr_assert_eq(bg_kernel_table__parse_text(buf, len, &back, err, sizeof(err)), 0, "%s", err);
	cr_assert_str_eq(back->release, t->release);
	/* rows not measured are comments in text */
	for (i = 0; i < t->nrows; i++) {
		if (!t->rows[i].measured)
			continue;
		cr_assert_str_eq(back->rows[j].section, t->rows[i].section);
		cr_assert_eq(memcmp(back->rows[j].verdict, t->rows[i].verdict,
				    sizeof(t->rows[i].verdict)), 0, "%s", t->rows[i].section);
		j++;
	}
	cr_assert_eq(j, back->nrows);
	/* every context row of the built-in table is measured: all come back */
	cr_assert_gt(t->nctx, 30);
	cr_assert_eq(back->nctx, t->nctx);
	for (i = 0; i < t->nctx; i++) {
		cr_assert_str_eq(back->ctx[i].section, t->ctx[i].section);
		cr_assert_eq(back->ctx[i].nfields, t->ctx[i].nfields);
		assert_same_fields(&t->ctx[i], &back->ctx[i]);
	}
	bg_kernel_table__free(back);
	free(buf);
}

/*
 * The probe measured on 6.18 what the reference measured by hand: for every
 * section tables/ctx_fields.c has, each field's flags are the probe's.
 */
Test(kernel_table, measured_contexts_agree_with_the_reference)
{
	static const char *const secs[] = {
		"xdp", "xdp/devmap", "tc", "socket", "cgroup_skb/ingress", "lwt_in", "lwt_xmit",
		"sk_skb/stream_verdict", "flow_dissector", "cgroup/sock_create",
		"cgroup/post_bind4", "cgroup/connect4", "cgroup/connect6", "sockops", "sk_msg",
		"cgroup/sysctl", "cgroup/getsockopt", "cgroup/setsockopt", "sk_reuseport",
		"sk_lookup", "cgroup/dev", "perf_event", "netfilter",
	};
	const struct bg_kernel_table *t = bg_kernel_table__builtin();
	size_t i, j, nfields = 0;

	for (i = 0; i < sizeof(secs) / sizeof(secs[0]); i++) {
		const struct bg_section_def *def = bg_section__find(secs[i]);
		const struct bg_ctx_table *ref = bg_ctx_table__find(def->type, def->attach);
		const struct bg_kernel_ctx *k = bg_kernel_table__find_ctx(t, secs[i]);

		cr_assert(ref, "%s", secs[i]);
		cr_assert(k, "%s", secs[i]);
		cr_assert_str_eq(k->section, secs[i]);
		for (j = 0; j < ref->nfields; j++, nfields++)
			cr_assert_eq(bg_kernel_ctx__flags(k, ref->fields[j].off),
				     (int)ref->fields[j].flags, "%s %s", secs[i], ref->fields[j].name);
	}
	cr_assert_eq(nfields, 503);
}

Test(kernel_table, context_rows_by_section)
{
	const struct bg_kernel_table *t = bg_kernel_table__builtin();
	const struct bg_kernel_table *old = bg_kernel_table__measured(6, 1);
	unsigned major = 0, minor = 0;

	/* attach types with their own rows, and types whose context ignores it */
	cr_assert_str_eq(bg_kernel_table__find_ctx(t, "cgroup/recvmsg6")->section, "cgroup/recvmsg6");
	cr_assert_str_eq(bg_kernel_table__find_ctx(t, "tcx/ingress")->section, "tc");
	cr_assert_str_eq(bg_kernel_table__find_ctx(t, "cgroup_skb/egress")->section,
			 "cgroup_skb/egress");
	cr_assert_null(bg_kernel_table__find_ctx(t, "cgroup/connect_unix"));
	cr_assert_null(bg_kernel_table__find_ctx(t, "kprobe/x"));
	/* msg_src_ip4 (offset 40): sendmsg4 writes it, recvmsg4 may not touch it */
	cr_assert_eq(bg_kernel_ctx__flags(bg_kernel_table__find_ctx(t, "cgroup/sendmsg4"), 40),
		     BG_CTX_READ | BG_CTX_WRITE);
	cr_assert_eq(bg_kernel_ctx__flags(bg_kernel_table__find_ctx(t, "cgroup/recvmsg4"), 40), 0);
	cr_assert_eq(bg_kernel_ctx__flags(bg_kernel_table__find_ctx(t, "cgroup/recvmsg4"), 41), -1);
	/* sockops' skb_hwtstamp (offset 216) is from 6.2: measured so on both kernels */
	cr_assert(old);
	cr_assert_eq(bg_kernel_ctx__flags(bg_kernel_table__find_ctx(old, "sockops"), 216), 0);
	cr_assert_eq(bg_kernel_ctx__flags(bg_kernel_table__find_ctx(t, "sockops"), 216),
		     BG_CTX_READ);
	cr_assert_null(bg_kernel_table__find_ctx(old, "netfilter"));
	/* the oldest measured kernel at or after a version */
	cr_assert_eq(bg_kernel_table__measured_from(5, 15, &major, &minor), old);
	cr_assert_eq(major * 100 + minor, 601);
	cr_assert_eq(bg_kernel_table__measured_from(6, 2, &major, &minor), t);
	cr_assert_eq(major * 100 + minor, 618);
	cr_assert_null(bg_kernel_table__measured_from(6, 19, &major, &minor));
}

Test(kernel_table, context_field_parser)
{
	struct bg_kernel_ctx c = {};
	char err[256] = "";

	cr_assert_eq(bg_kernel_ctx__parse(&c, " data@0:r  mark@8:rw x@12:- cb[0]@48:w ", err,
					  sizeof(err)), 0, "%s", err);
	cr_assert_eq(c.nfields, 4);
	cr_assert_eq(bg_kernel_ctx__flags(&c, 0), BG_CTX_READ);
	cr_assert_eq(bg_kernel_ctx__flags(&c, 8), BG_CTX_READ | BG_CTX_WRITE);
	cr_assert_eq(bg_kernel_ctx__flags(&c, 12), 0);
	cr_assert_eq(bg_kernel_ctx__flags(&c, 48), BG_CTX_WRITE);
	cr_assert_eq(bg_kernel_ctx__flags(&c, 4), -1);
	free(c.fields);
	c = (struct bg_kernel_ctx){};
	cr_assert_eq(bg_kernel_ctx__parse(&c, "data:r", err, sizeof(err)), -EINVAL);
	cr_assert(strstr(err, "NAME@OFFSET:ACCESS"), "%s", err);
	cr_assert_eq(bg_kernel_ctx__parse(&c, "data@x:r", err, sizeof(err)), -EINVAL);
	cr_assert_eq(bg_kernel_ctx__parse(&c, "data@0:", err, sizeof(err)), -EINVAL);
	cr_assert_eq(bg_kernel_ctx__parse(&c, "data@0:rx", err, sizeof(err)), -EINVAL);
	cr_assert_eq(bg_kernel_ctx__parse(&c, "data@-4:r", err, sizeof(err)), -EINVAL);
	free(c.fields);
}

Test(kernel_table, row_parser)
{
	struct bg_kernel_row r = {};
	char err[256] = "";

	cr_assert_eq(bg_kernel_row__parse(&r, "map_lookup_elem trace_printk!gpl "
					  "bpf_copy_from_user!sleep copy_from_user_task!gpl!sleep 9",
					  err, sizeof(err)), 0, "%s", err);
	cr_assert(r.measured);
	cr_assert_eq(bg_kernel_row__verdict(&r, 1), BG_KV_CALL);
	cr_assert_eq(bg_kernel_row__verdict(&r, 2), 0);
	cr_assert_eq(bg_kernel_row__verdict(&r, 6), BG_KV_CALL | BG_KV_GPL);
	cr_assert_eq(bg_kernel_row__verdict(&r, 9), BG_KV_CALL);
	cr_assert_eq(bg_kernel_row__verdict(&r, helper_id("copy_from_user")),
		     BG_KV_CALL | BG_KV_SLEEP);
	cr_assert_eq(bg_kernel_row__verdict(&r, helper_id("copy_from_user_task")),
		     BG_KV_CALL | BG_KV_GPL | BG_KV_SLEEP);

	cr_assert_neq(bg_kernel_row__parse(&r, "map_lookup_elem no_such_helper", err, sizeof(err)), 0);
	cr_assert_str_eq(err, "unknown helper 'no_such_helper'");
	cr_assert_neq(bg_kernel_row__parse(&r, "trace_printk!GPL", err, sizeof(err)), 0);
	cr_assert(strstr(err, "unknown mark"), "%s", err);
	cr_assert_neq(bg_kernel_row__parse(&r, "999", err, sizeof(err)), 0);
	cr_assert_neq(bg_kernel_row__parse(&r, "!gpl", err, sizeof(err)), 0);
}

/* Each must be refused with a message, never crash or succeed. */
static const char *const bad_json[] = {
	"",
	"   ",
	"{",
	"[]",
	"null",
	"\"GPL\"",
	"{}",
	"{\"schema\": 1}",
	"{\"schema\": 2, \"kernel\": \"x\", \"helper_max\": 1, \"rows\": []}",
	"{\"schema\": \"1\", \"kernel\": \"x\", \"helper_max\": 1, \"rows\": []}",
	"{\"schema\": 1, \"kernel\": 6, \"helper_max\": 1, \"rows\": []}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 0, \"rows\": []}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 1e999, \"rows\": []}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": -1e999, \"rows\": []}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2.5, \"rows\": []}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 1, \"rows\": {}}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 1, \"rows\": [1]}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 1, \"rows\": []} x",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 1, \"rows\": [],}",
	"{\"schema\": 1, \"kernel\": \"x\\u0000y\", \"helper_max\": 1, \"rows\": []}",
	"{\"schema\": 1, \"kernel\": \"x\\q\", \"helper_max\": 1, \"rows\": []}",
	"{\"schema\": 1, \"kernel\": \"x\\u12\", \"helper_max\": 1, \"rows\": []}",
	"{\"schema\": 1, \"kernel\": \"x\n\", \"helper_max\": 1, \"rows\": []}",
	"{\"schema\": 1, \"kernel\": \"x, \"helper_max\": 1, \"rows\": []}",
	"{\"schema\": 01, \"kernel\": \"x\", \"helper_max\": 1, \"rows\": []}",
	"{\"schema\": 1., \"kernel\": \"x\", \"helper_max\": 1, \"rows\": []}",
	"{\"schema\": -, \"kernel\": \"x\", \"helper_max\": 1, \"rows\": []}",
	"{\"schema\": tru, \"kernel\": \"x\", \"helper_max\": 1, \"rows\": []}",
	"{\"schema\" 1}",
	"{schema: 1}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [{\"section\": \"xdp\"}]}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [{\"section\": \"xdp\", "
	"\"prog_type\": \"xdpx\", \"helpers\": []}]}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [{\"section\": \"xdp\", "
	"\"prog_type\": \"xdp\"}]}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [{\"section\": \"xdp\", "
	"\"prog_type\": \"xdp\", \"measured\": 1, \"helpers\": []}]}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [{\"section\": \"xdp\", "
	"\"prog_type\": \"xdp\", \"helpers\": [{\"id\": 3, \"verdict\": \"allowed\"}]}]}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [{\"section\": \"xdp\", "
	"\"prog_type\": \"xdp\", \"helpers\": [{\"id\": 1, \"verdict\": \"maybe\"}]}]}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [{\"section\": \"xdp\", "
	"\"prog_type\": \"xdp\", \"helpers\": [{\"id\": 1, \"verdict\": \"allowed\"}, "
	"{\"id\": 1, \"verdict\": \"refused\"}]}]}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [{\"section\": \"xdp\", "
	"\"prog_type\": \"xdp\", \"helpers\": [{\"id\": 1, \"name\": \"trace_printk\", "
	"\"verdict\": \"allowed\"}]}]}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [{\"section\": \"xdp\", "
	"\"prog_type\": \"xdp\", \"helpers\": [[]]}]}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [{\"section\": 7, "
	"\"prog_type\": \"xdp\", \"helpers\": []}]}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [], \"ctx\": {}}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [], \"ctx\": [1]}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [], \"ctx\": "
	"[{\"section\": \"xdp\"}]}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [], \"ctx\": "
	"[{\"section\": \"xpd\", \"fields\": \"data@0:r\"}]}",
	"{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [], \"ctx\": "
	"[{\"section\": \"xdp\", \"fields\": \"data@0:q\"}]}",
};

Test(kernel_table, malformed_json_is_an_error_not_a_crash)
{
	struct bg_kernel_table *t;
	char err[256];
	size_t i;

	for (i = 0; i < sizeof(bad_json) / sizeof(bad_json[0]); i++) {
		t = (void *)1;
		err[0] = '\0';
		cr_assert_neq(bg_kernel_table__parse_json(bad_json[i], strlen(bad_json[i]), &t, err,
							  sizeof(err)), 0, "accepted: %s", bad_json[i]);
		cr_assert_null(t);
		cr_assert_neq(err[0], '\0', "no message for: %s", bad_json[i]);
	}
}

Test(kernel_table, malformed_json_messages_say_where)
{
	const char *text = "{\n  \"schema\": 1,\n  \"kernel\": \"x\",\n  \"helper_max\": 2,\n"
			   "  \"rows\": [{\"section\": \"xdp\", \"prog_type\": \"xdp\",\n"
			   "    \"helpers\": [{\"id\": 9, \"verdict\": \"allowed\"}]}]\n}\n";
	struct bg_kernel_table *t;
	char err[256];

	cr_assert_neq(bg_kernel_table__parse_json(text, strlen(text), &t, err, sizeof(err)), 0);
	cr_assert_str_eq(err, "line 6: rows[0].helpers[0]: \"id\" must be an integer in 1..2");
	text = "{\"schema\": 1,\n \"kernel\": \"x\" \"helper_max\": 2}";
	cr_assert_neq(bg_kernel_table__parse_json(text, strlen(text), &t, err, sizeof(err)), 0);
	cr_assert_str_eq(err, "line 2, column 16: expected ',' or '}', found '\"'");
}

Test(kernel_table, deep_nesting_is_refused)
{
	static char text[100001];
	struct bg_kernel_table *t;
	char err[256];

	memset(text, '[', sizeof(text) - 1);
	cr_assert_neq(bg_kernel_table__parse_json(text, strlen(text), &t, err, sizeof(err)), 0);
	cr_assert(strstr(err, "nested too deeply"), "%s", err);
}

Test(kernel_table, minimal_json_and_unknown_keys)
{
	const char *text = "{\"schema\": 1, \"kernel\": \"7.0\", \"helper_max\": 30, \"future\": [1, {}],"
			   " \"rows\": [{\"section\": \"xdp\", \"prog_type\": \"xdp\", \"attach_type\": "
			   "\"XDP\", \"helpers\": [{\"id\": 26, \"verdict\": \"allowed\"}, "
			   "{\"id\": 6, \"name\": \"trace_printk\", \"verdict\": \"gpl\"}, "
			   "{\"id\": 4, \"verdict\": \"refused\"}]}, "
			   "{\"section\": \"fentry\", \"prog_type\": \"tracing\", \"measured\": false, "
			   "\"reason\": \"EPERM\"}]}";
	struct bg_kernel_table *t = NULL;
	char err[256] = "";

	cr_assert_eq(bg_kernel_table__parse_json(text, strlen(text), &t, err, sizeof(err)), 0, "%s", err);
	cr_assert_str_eq(t->release, "7.0");
	cr_assert_eq(verdict(t, "xdp", "bpf_skb_load_bytes"), BG_KV_CALL);
	cr_assert_eq(verdict(t, "xdp", "bpf_trace_printk"), BG_KV_CALL | BG_KV_GPL);
	cr_assert_eq(verdict(t, "xdp", "bpf_probe_read"), 0);
	/* helpers the file does not list are unknown, not refused */
	cr_assert_eq(verdict(t, "xdp", "bpf_map_lookup_elem"), -1);
	cr_assert_eq(verdict(t, "fentry/x", "bpf_map_lookup_elem"), -1);
	bg_kernel_table__free(t);
}

Test(kernel_table, text_reader_errors)
{
	struct bg_kernel_table *t;
	char err[256];

	cr_assert_neq(bg_kernel_table__parse_text("xdp map_lookup_elem\n", 20, &t, err, sizeof(err)), 0);
	cr_assert_str_eq(err, "line 1: expected 'SECTION: helper helper!gpl ...'");
	cr_assert_neq(bg_kernel_table__parse_text("# c\nxpd: map_lookup_elem\n", 25, &t, err,
						  sizeof(err)), 0);
	cr_assert_str_eq(err, "line 2: unknown section 'xpd'");
	cr_assert_neq(bg_kernel_table__parse_text("xdp: map_lookup\n", 16, &t, err, sizeof(err)), 0);
	cr_assert_str_eq(err, "line 1: section 'xdp': unknown helper 'map_lookup'");
	cr_assert_neq(bg_kernel_table__parse_text("# only comments\n", 16, &t, err, sizeof(err)), 0);
	cr_assert_neq(bg_kernel_table__parse_text("xdp: a\0b", 8, &t, err, sizeof(err)), 0);
	cr_assert_str_eq(err, "line 1: binary data, not a table");
}

Test(kernel_table, load_from_files)
{
	struct bg_kernel_table *t = (void *)1;
	char err[256], path[] = "/tmp/bg_ktab_XXXXXX";
	int fd = mkstemp(path);
	FILE *f;

	cr_assert(fd >= 0);
	f = fdopen(fd, "w");
	fputs("\n  {\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": []}\n", f);
	fclose(f);
	cr_assert_eq(bg_kernel_table__load(path, &t, err, sizeof(err)), 0, "%s", err);
	bg_kernel_table__free(t);
	f = fopen(path, "w");
	fwrite("{\"sch\0ema\"", 1, 10, f);
	fclose(f);
	cr_assert_neq(bg_kernel_table__load(path, &t, err, sizeof(err)), 0);
	cr_assert_str_eq(err, "binary data, not a kernel table");
	f = fopen(path, "w");
	fclose(f);
	cr_assert_neq(bg_kernel_table__load(path, &t, err, sizeof(err)), 0);
	cr_assert_str_eq(err, "empty file, not a kernel table");
	unlink(path);
	cr_assert_neq(bg_kernel_table__load(path, &t, err, sizeof(err)), 0);
	cr_assert_str_eq(err, "cannot open: No such file or directory");
	cr_assert_null(t);
}

Test(kernel_table, attach_type_ids)
{
	cr_assert_eq(bg_attach_type__id("CGROUP_INET_INGRESS"), 0);
	cr_assert_eq(bg_attach_type__id("TRACE_RAW_TP"), 23);
	cr_assert_eq(bg_attach_type__id("XDP"), 37);
	cr_assert_eq(bg_attach_type__id("NETFILTER"), 45);
	cr_assert_eq(bg_attach_type__id("TCX_INGRESS"), 46);
	cr_assert_eq(bg_attach_type__id("TRACE_UPROBE_SESSION"), 57);
	cr_assert_eq(bg_attach_type__id("NOPE"), -1);
	cr_assert_eq(bg_attach_type__id(NULL), -1);
}

Test(kernel_table, every_section_attach_type_has_an_id)
{
	size_t i;

	for (i = 0; i < bg_section_defs_cnt; i++)
		if (bg_section_defs[i].attach)
			cr_assert_geq(bg_attach_type__id(bg_section_defs[i].attach), 0, "%s",
				      bg_section_defs[i].attach);
}

/* ---- the rules on hand-built models ---- */

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

TestSuite(helper_rules, .init = setup, .fini = teardown);

static struct bg_loc at(unsigned line)
{
	return (struct bg_loc){ .file = "t.bpf.c", .line = line, .col = 5 };
}

static struct bg_func *func(const char *name, unsigned line)
{
	struct bg_func *f = bg_model__add_func(m);

	f->name = strdup(name);
	f->loc = at(line);
	f->is_main_file = true;
	f->is_static = true;
	return f;
}

static void prog(const char *sec, const char *name, unsigned line)
{
	struct bg_prog *p;

	func(name, line);
	p = bg_model__add_prog(m);
	p->name = strdup(name);
	p->section = strdup(sec);
	p->loc = at(line);
	p->sec_loc = at(line - 1);
	p->sec_loc.col = 1;
	p->func = m->nfuncs - 1;
}

static struct bg_call *call(const char *fn, const char *callee, unsigned line)
{
	size_t i;

	for (i = 0; i < m->nfuncs; i++) {
		if (!strcmp(m->funcs[i].name, fn)) {
			struct bg_call *c = bg_func__add_call(&m->funcs[i]);

			c->callee = strdup(callee);
			c->loc = at(line);
			c->indirect = !strncmp(callee, "bpf_", 4);
			return c;
		}
	}
	cr_assert_fail("no function %s", fn);
	return NULL;
}

static void run(void)
{
	bg_rules__run(m, NULL, &diags);
}

/* The diagnostics of RULE, as "LINE" strings joined by spaces. */
static const char *lines_of(const char *rule)
{
	static char buf[256];
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < diags.n; i++)
		if (diags.v[i].rule && !strcmp(diags.v[i].rule, rule))
			len += snprintf(buf + len, sizeof(buf) - len, "%s%u", len ? " " : "",
					diags.v[i].loc.line);
	return buf;
}

/* The Nth diagnostic of RULE, from 0. */
static const struct bg_diag *nth(const char *rule, unsigned n)
{
	size_t i;

	for (i = 0; i < diags.n; i++)
		if (diags.v[i].rule && !strcmp(diags.v[i].rule, rule) && !n--)
			return &diags.v[i];
	cr_assert_fail("no %s diagnostic", rule);
	return NULL;
}

static const struct bg_diag *first(const char *rule)
{
	return nth(rule, 0);
}

Test(helper_rules, skb_load_bytes_in_xdp)
{
	const struct bg_diag *d;

	prog("xdp", "count_vlan", 10);
	call("count_vlan", "bpf_skb_load_bytes", 14);
	call("count_vlan", "bpf_xdp_load_bytes", 15);
	call("count_vlan", "bpf_map_lookup_elem", 16);
	run();
	cr_assert_str_eq(lines_of("helper-type"), "14");
	cr_assert_str_eq(lines_of("helper-sleepable"), "");
	d = first("helper-type");
	cr_assert_eq(d->sev, BG_SEV_ERROR);
	cr_assert_str_eq(d->msg, "'bpf_skb_load_bytes' cannot be called from xdp programs "
		       "(section 'xdp'): the kernel refuses to load the program");
	cr_assert_eq(d->nnotes, 2);
	cr_assert_eq(d->notes[0].loc.line, 9);
	cr_assert(strstr(d->notes[1].msg, "sched_cls (SEC(\"tc\"))"), "%s", d->notes[1].msg);
	cr_assert(strstr(d->notes[1].msg, "and 5 more"), "%s", d->notes[1].msg);
}

Test(helper_rules, xdp_adjust_head_in_tc_through_a_static_function)
{
	prog("tc", "strip_vlan", 20);
	func("pop_vlan", 10);
	call("pop_vlan", "bpf_xdp_adjust_head", 12);
	call("strip_vlan", "pop_vlan", 24);
	run();
	cr_assert_str_eq(lines_of("helper-type"), "12");
	cr_assert(strstr(first("helper-type")->msg, "from sched_cls programs (section 'tc')"));
	cr_assert_str_eq(first("helper-type")->notes[1].msg,
			 "program types that may call 'bpf_xdp_adjust_head': xdp (SEC(\"xdp\"))");
}

Test(helper_rules, get_stackid_in_xdp_but_not_in_perf_event)
{
	prog("xdp", "drop_small", 10);
	call("drop_small", "bpf_get_stackid", 12);
	prog("perf_event", "profile", 20);
	call("profile", "bpf_get_stackid", 22);
	run();
	cr_assert_str_eq(lines_of("helper-type"), "12");
}

Test(helper_rules, unreachable_functions_are_not_checked)
{
	prog("xdp", "x", 10);
	func("unused", 30);
	call("unused", "bpf_skb_load_bytes", 32);
	run();
	cr_assert_str_eq(lines_of("helper-type"), "");
}

Test(helper_rules, shared_function_reported_once_for_the_type_that_cannot)
{
	prog("tc", "t", 10);
	prog("xdp", "x", 20);
	func("parse", 30);
	call("parse", "bpf_skb_load_bytes", 32);
	call("t", "parse", 11);
	call("x", "parse", 21);
	run();
	cr_assert_str_eq(lines_of("helper-type"), "32");
	cr_assert(strstr(first("helper-type")->msg, "from xdp programs"));
}

Test(helper_rules, types_without_a_measured_row_are_not_reported)
{
	prog("fentry/do_unlinkat", "f", 10);
	call("f", "bpf_skb_load_bytes", 11);
	call("f", "bpf_copy_from_user", 12);
	prog("lsm/file_open", "l", 20);
	call("l", "bpf_xdp_adjust_head", 21);
	prog("fexit/do_unlinkat", "g", 30);
	call("g", "bpf_skb_load_bytes", 31);
	prog("iter/task", "i", 40);
	call("i", "bpf_skb_load_bytes", 41);
	prog("no_such_section", "n", 50);
	call("n", "bpf_skb_load_bytes", 51);
	run();
	cr_assert_str_eq(lines_of("helper-type"), "");
	cr_assert_str_eq(lines_of("helper-sleepable"), "");
}

Test(helper_rules, unknown_helpers_and_direct_calls_are_not_reported)
{
	struct bg_call *c;

	prog("xdp", "x", 10);
	call("x", "bpf_not_a_helper", 11);
	c = call("x", "bpf_skb_load_bytes", 12);
	c->indirect = false;	/* a function of the user's that happens to be named so */
	run();
	cr_assert_str_eq(lines_of("helper-type"), "");
}

Test(helper_rules, copy_from_user_outside_a_sleepable_section)
{
	const struct bg_diag *d;

	prog("uprobe//bin/bash:readline", "u", 10);
	call("u", "bpf_copy_from_user", 13);
	prog("uprobe.s//bin/bash:readline", "s", 20);
	call("s", "bpf_copy_from_user", 23);
	prog("syscall", "sc", 30);
	call("sc", "bpf_copy_from_user", 33);
	run();
	cr_assert_str_eq(lines_of("helper-sleepable"), "13");
	cr_assert_str_eq(lines_of("helper-type"), "");
	d = first("helper-sleepable");
	cr_assert_str_eq(d->msg, "'bpf_copy_from_user' may sleep, but section "
		       "'uprobe//bin/bash:readline' is not sleepable: the kernel refuses to load "
		       "the program");
	cr_assert_eq(d->nnotes, 1);
	cr_assert_eq(d->notes[0].loc.line, 9);
	cr_assert_str_eq(d->notes[0].msg, "use the sleepable variant of the section, "
		       "'uprobe.s//bin/bash:readline'");
	cr_assert_str_eq(d->notes[0].fixit, "SEC(\"uprobe.s//bin/bash:readline\")");
}

Test(helper_rules, sleepable_fixit_keeps_the_question_mark_and_needs_a_twin)
{
	prog("?uretprobe/x:f", "u", 10);
	call("u", "bpf_copy_from_user_task", 11);
	prog("kprobe/do_exit", "k", 20);
	call("k", "bpf_copy_from_user", 21);
	prog("tp/syscalls/sys_enter_openat", "t", 30);
	call("t", "bpf_copy_from_user", 31);
	run();
	cr_assert_str_eq(lines_of("helper-sleepable"), "11 21 31");
	cr_assert_str_eq(nth("helper-sleepable", 0)->notes[0].fixit, "SEC(\"?uretprobe.s/x:f\")");
	/* kprobe has no .s twin: no fix-it, the sleepable sections instead */
	cr_assert_null(nth("helper-sleepable", 1)->notes[0].fixit);
	cr_assert(strstr(nth("helper-sleepable", 1)->notes[0].msg, "has no sleepable variant"));
	/* tp.s is newer than libbpf 1.1: say so */
	cr_assert_str_eq(nth("helper-sleepable", 2)->notes[0].fixit,
			 "SEC(\"tp.s/syscalls/sys_enter_openat\")");
	cr_assert(strstr(nth("helper-sleepable", 2)->notes[0].msg, "newer than 1.1"));
}

/* if (FEATURE TEST) { calls[THEN] } in F, as parse/lower.c lowers it. */
static void guarded_if(struct bg_func *f, int test, int then, bool early_return)
{
	struct bg_stmt *body = bg_model__alloc(m, sizeof(*body));
	struct bg_stmt *ifs = bg_model__alloc(m, sizeof(*ifs));
	struct bg_stmt *pre = bg_model__alloc(m, sizeof(*pre));
	struct bg_stmt *tc = bg_model__alloc(m, sizeof(*tc));
	struct bg_stmt *br = bg_model__alloc(m, sizeof(*br));
	struct bg_stmt *call_s = bg_model__alloc(m, sizeof(*call_s));
	struct bg_cond *cond = bg_model__alloc(m, sizeof(*cond));

	cr_assert(body && ifs && pre && tc && br && call_s && cond);
	body->kind = BG_ST_SEQ;
	pre->kind = BG_ST_SEQ;
	tc->kind = BG_ST_CALL;
	tc->call = test;
	cr_assert_eq(bg_stmt__add(m, pre, tc), 0);
	cond->kind = BG_COND_NOT;
	cond->l = bg_model__alloc(m, sizeof(*cond->l));
	cond->l->kind = BG_COND_OTHER;
	cond->l->pre = pre;
	ifs->kind = BG_ST_IF;
	ifs->cond = cond;
	br->kind = BG_ST_SEQ;
	call_s->kind = BG_ST_CALL;
	call_s->call = then;
	if (early_return) {
		struct bg_stmt *ret = bg_model__alloc(m, sizeof(*ret));

		ret->kind = BG_ST_RETURN;
		cr_assert_eq(bg_stmt__add(m, br, ret), 0);
		cr_assert_eq(bg_stmt__add(m, ifs, br), 0);
		cr_assert_eq(bg_stmt__add(m, body, ifs), 0);
		cr_assert_eq(bg_stmt__add(m, body, call_s), 0);
	} else {
		cr_assert_eq(bg_stmt__add(m, br, call_s), 0);
		cr_assert_eq(bg_stmt__add(m, ifs, br), 0);
		cr_assert_eq(bg_stmt__add(m, body, ifs), 0);
	}
	f->body = body;
}

Test(helper_rules, calls_under_a_core_feature_test_are_not_reported)
{
	struct bg_call *c;

	/* bcc's get_sock_ident(): raw_tp calls bpf_get_socket_cookie only if the kernel has check_mtu */
	prog("raw_tp/tcp_probe", "r", 10);
	c = call("r", "__builtin_preserve_enum_value", 11);
	c->indirect = false;
	call("r", "bpf_get_socket_cookie", 12);
	guarded_if(&m->funcs[0], 0, 1, false);
	/* if (!bpf_core_type_exists(...)) return 0; bpf_skb_load_bytes(...) */
	prog("xdp", "x", 20);
	c = call("x", "__builtin_preserve_type_info", 21);
	c->indirect = false;
	c->nargs = 2;
	c->args = calloc(2, sizeof(*c->args));
	c->args[1].is_const = true;
	c->args[1].value = 0;	/* BPF_TYPE_EXISTS */
	call("x", "bpf_skb_load_bytes", 22);
	guarded_if(&m->funcs[1], 0, 1, true);
	run();
	cr_assert_str_eq(lines_of("helper-type"), "");
}

Test(helper_rules, a_type_size_test_is_not_a_feature_test)
{
	struct bg_call *c;

	prog("xdp", "x", 20);
	c = call("x", "__builtin_preserve_type_info", 21);
	c->indirect = false;
	c->nargs = 2;
	c->args = calloc(2, sizeof(*c->args));
	c->args[1].is_const = true;
	c->args[1].value = 1;	/* BPF_TYPE_SIZE */
	call("x", "bpf_skb_load_bytes", 22);
	guarded_if(&m->funcs[0], 0, 1, false);
	run();
	cr_assert_str_eq(lines_of("helper-type"), "22");
}

Test(helper_rules, a_kernel_table_from_the_command_line_replaces_the_builtin)
{
	const char *json = "{\"schema\": 1, \"kernel\": \"9.9\", \"helper_max\": 211, \"rows\": ["
			   "{\"section\": \"xdp\", \"prog_type\": \"xdp\", \"attach_type\": \"XDP\", "
			   "\"helpers\": [{\"id\": 26, \"verdict\": \"allowed\"}, "
			   "{\"id\": 27, \"verdict\": \"refused\"}]}]}";
	struct bg_rule_opts opts = {};
	struct bg_kernel_table *t = NULL;
	char err[256] = "";

	cr_assert_eq(bg_kernel_table__parse_json(json, strlen(json), &t, err, sizeof(err)), 0, "%s", err);
	memset(opts.enabled, -1, sizeof(opts.enabled));
	opts.ktable = t;
	prog("xdp", "x", 10);
	call("x", "bpf_skb_load_bytes", 11);
	call("x", "bpf_get_stackid", 12);
	prog("tc", "t", 20);
	call("t", "bpf_xdp_adjust_head", 21);
	bg_rules__run(m, &opts, &diags);
	/* this kernel lets xdp call bpf_skb_load_bytes, and has no row for tc */
	cr_assert_str_eq(lines_of("helper-type"), "12");
	cr_assert(strstr(first("helper-type")->notes[1].msg, "Linux 9.9"),
		  "%s", first("helper-type")->notes[1].msg);
	bg_kernel_table__free(t);
}

Test(helper_rules, rules_can_be_disabled)
{
	struct bg_rule_opts opts = {};

	memset(opts.enabled, -1, sizeof(opts.enabled));
	opts.enabled[bg_rule__find("helper-type") - bg_rules] = 0;
	prog("xdp", "x", 10);
	call("x", "bpf_skb_load_bytes", 11);
	bg_rules__run(m, &opts, &diags);
	cr_assert_str_eq(lines_of("helper-type"), "");
}

/* ---- the kfunc table (codegen/tables/kfuncs.c) ---- */

Test(kfuncs, sorted_for_the_lookup_and_flags_as_registered)
{
	const struct bg_kfunc *k;
	size_t i;

	cr_assert_gt(bg_nkfuncs, 150);
	for (i = 1; i < bg_nkfuncs; i++)
		cr_assert_lt(strcmp(bg_kfuncs[i - 1].name, bg_kfuncs[i].name), 0,
			     "'%s' before '%s'", bg_kfuncs[i - 1].name, bg_kfuncs[i].name);
	k = bg_kfunc__find("bpf_task_acquire");
	cr_assert(k);
	cr_assert_eq(k->flags, BG_KF_ACQUIRE | BG_KF_RCU | BG_KF_RET_NULL);
	cr_assert_eq(bg_kfunc__find("bpf_task_release")->flags, BG_KF_RELEASE);
	cr_assert(bg_kfunc__find("bpf_iter_num_new")->flags & BG_KF_ITER_NEW);
	cr_assert(bg_kfunc__find("bpf_iter_num_next")->flags & BG_KF_RET_NULL);
	/* the bpf_experimental.h macro finds its _impl */
	cr_assert_str_eq(bg_kfunc__find("bpf_obj_drop")->name, "bpf_obj_drop_impl");
	cr_assert_null(bg_kfunc__find("bpf_no_such_kfunc"));
	/* dynptr constructors: their dynptr argument is __uninit */
	cr_assert_eq(bg_kfunc__find("bpf_dynptr_from_skb")->uninit, 1u << 2);
	/* trusted arguments: a release kfunc's, not a __nullable or __ign one */
	cr_assert(bg_kfunc__arg_nonnull(bg_kfunc__find("bpf_task_release"), 0));
	cr_assert_not(bg_kfunc__arg_nonnull(bg_kfunc__find("bpf_obj_drop_impl"), 1));
	cr_assert_not(bg_kfunc__arg_nonnull(bg_kfunc__find("bpf_iter_task_new"), 1));
	cr_assert_eq(bg_kfunc__consumes("bpf_rbtree_add_impl"), 1);
	cr_assert_eq(bg_kfunc__consumes("bpf_list_push_back"), 1);
	cr_assert_eq(bg_kfunc__consumes("bpf_obj_drop_impl"), -1);
}

/*
 * The table is written from 6.12's source; the running kernel's BTF has the
 * prototypes, parameter names included: where both have a kfunc, its number
 * of arguments and which are pointers, __nullable or __uninit must agree.
 */
Test(kfuncs, prototypes_agree_with_the_running_kernel_btf)
{
	struct btf *btf = btf__load_vmlinux_btf();
	size_t i, compared = 0;
	unsigned a;

	if (!btf)
		cr_skip_test("no vmlinux BTF: %s", strerror(errno));
	for (i = 0; i < bg_nkfuncs; i++) {
		const struct bg_kfunc *k = &bg_kfuncs[i];
		const struct btf_type *fn, *proto;
		const struct btf_param *p;
		unsigned ptr = 0, null = 0, uninit = 0;
		int id = btf__find_by_name_kind(btf, k->name, BTF_KIND_FUNC);

		if (id < 0)
			continue;	/* not in this kernel, or in a module */
		fn = btf__type_by_id(btf, id);
		proto = btf__type_by_id(btf, fn->type);
		if (btf_vlen(proto) != k->nargs || k->nargs > 8)
			continue;	/* changed since 6.12 (bpf_wq_set_callback_impl) */
		p = btf_params(proto);
		for (a = 0; a < k->nargs; a++) {
			const char *pn = btf__name_by_offset(btf, p[a].name_off);
			const struct btf_type *t = btf__type_by_id(btf, p[a].type);
			size_t n = pn ? strlen(pn) : 0;

			while (t && (btf_is_mod(t) || btf_is_typedef(t)))
				t = btf__type_by_id(btf, t->type);
			if (t && btf_is_ptr(t))
				ptr |= 1u << a;
#define ENDS(s) (n >= sizeof(s) - 1 && !strcmp(pn + n - (sizeof(s) - 1), s))
			if (ENDS("__nullable") || ENDS("__opt") || ENDS("__ign") || ENDS("__prog"))
				null |= 1u << a;
			if (ENDS("__uninit"))
				uninit |= 1u << a;
#undef ENDS
		}
		cr_expect_eq(ptr, k->ptr, "%s: pointers 0x%x in BTF, 0x%x in the table", k->name,
			     ptr, k->ptr);
		cr_expect_eq(null, k->nullable, "%s: nullable 0x%x in BTF, 0x%x in the table",
			     k->name, null, k->nullable);
		cr_expect_eq(uninit, k->uninit, "%s: uninit 0x%x in BTF, 0x%x in the table",
			     k->name, uninit, k->uninit);
		compared++;
	}
	btf__free(btf);
	cr_assert_gt(compared, 100, "only %zu kfuncs compared", compared);
}
