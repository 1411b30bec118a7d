// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bpfgen probe: measure on the running kernel which helpers each program type
 * may call. For each probe row (a representative section per program type and
 * expected attach type) and each helper id, it loads `call N; exit`
 * (bpf/helper_probe.h) with the raw bpf(BPF_PROG_LOAD) syscall and reads the
 * verifier's first complaint about the call:
 *
 *   "unknown func", "invalid func unknown#N",
 *   "program of this type cannot use helper"        refused (the last since 6.10)
 *   "cannot call GPL-restricted function"           allowed under a GPL licence only
 *   "helper call might sleep in a non-sleepable prog"  allowed when sleepable only
 *   anything else, or a successful load             allowed: a later complaint is
 *                                                   about arguments or R0, not the call
 *
 * Each helper is loaded under "GPL" and, unless refused, again under a
 * non-GPL licence: the verifier checks the licence before sleepability, so a
 * helper that is both GPL-only and sleepable-only shows one flag per load.
 * bpftool 7.1's `feature probe` looks for "unknown func" only and reports every
 * helper as available on kernels >= 6.10, so its output cannot stand in.
 *
 * --format json writes this document (bg_kernel_table__load() reads it back):
 *
 *   {
 *     "schema": 1,                    the layout below; readers refuse others
 *     "kernel": "6.18.44",            uname -r of the kernel measured
 *     "helper_max": 211,              helpers 1..helper_max were probed
 *     "rows": [                       one per probe row, in probe order
 *       {"section": "xdp",            the section probed, as libbpf names it
 *        "prog_type": "xdp",          bpftool's name of the program type
 *        "attach_type": "XDP",        expected attach type without BPF_, or null
 *        "sleepable": false,          loaded with BPF_F_SLEEPABLE
 *        "measured": true,            false: the kernel would not load the type at all
 *        "reason": null,              why not measured ("EPERM: ..."), else null
 *        "helpers": [                 every helper probed (empty when not measured)
 *          {"id": 1, "name": "map_lookup_elem", "verdict": "allowed"}, ...]}]
 *   }
 *
 * and, after "rows", the context fields of each section of ctx_rows below
 * (the key is absent in tables written before context probing):
 *
 *     "ctx": [{"section": "xdp/devmap", "reason": null,
 *              "fields": "data@0:r data_end@4:r ... egress_ifindex@20:r"}, ...]
 *
 * each field NAME@OFFSET:ACCESS, ACCESS r, w, rw or - (a load of a read and
 * of a write of the field, at its size in the struct, with the fields of
 * tables/ctx_fields.c's layout of the section's context), reason non-null
 * when the section's programs do not load at all.
 *
 * where verdict is "refused", "allowed", "gpl" (GPL-compatible licence only),
 * "sleep" (sleepable programs only) or "gpl+sleep", and name is null for an
 * id bpfgen has no name for. --format text writes the reference's layout,
 * `SECTION: helper helper!gpl helper!sleep`, with '#' comment lines for the
 * kernel and the rows not measured; --format c writes the built-in table.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <linux/bpf.h>

#include "../bpf/helper_probe.h"
#include "bpfgen.h"
#include "tables/kernel.h"

/*
 * The probe rows: one section per program type and expected attach type whose
 * helpers differ, as in shared/reference's helpers-by-section table. TARGET
 * names the vmlinux BTF type a type that needs an attach_btf_id is loaded
 * against.
 */
static const struct probe_row {
	const char *section;
	const char *target;
} probe_rows[] = {
	{ "socket" },
	{ "kprobe" },
	{ "uprobe.s" },
	{ "kprobe.multi" },
	{ "uprobe.multi" },
	{ "tc" },
	{ "tcx/ingress" },
	{ "action" },
	{ "tracepoint" },
	{ "xdp" },
	{ "xdp/devmap" },
	{ "perf_event" },
	{ "cgroup_skb/ingress" },
	{ "cgroup/sock_create" },
	{ "cgroup/post_bind4" },
	{ "lwt_in" },
	{ "lwt_out" },
	{ "lwt_xmit" },
	{ "sockops" },
	{ "sk_skb/stream_verdict" },
	{ "cgroup/dev" },
	{ "sk_msg" },
	{ "raw_tp" },
	{ "cgroup/connect4" },
	{ "cgroup/bind4" },
	{ "cgroup/sendmsg4" },
	{ "lwt_seg6local" },
	{ "sk_reuseport" },
	{ "flow_dissector" },
	{ "cgroup/sysctl" },
	{ "raw_tp.w" },
	{ "cgroup/getsockopt" },
	{ "cgroup/setsockopt" },
	{ "tp_btf", "btf_trace_sched_switch" },
	{ "sk_lookup" },
	{ "syscall" },
	{ "netfilter" },
	{ "fentry", "bpf_fentry_test1" },
	{ "lsm", "bpf_lsm_file_open" },
};

/*
 * The context rows: a section per program type and attach type whose context
 * permissions may differ. Each is probed with the fields of its context
 * struct as tables/ctx_fields.c lays it out; a type without a layout there
 * (lwt_out, lwt_seg6local) is not probed.
 */
static const char *const ctx_rows[] = {
	"xdp", "xdp/devmap", "xdp/cpumap", "tc", "socket", "cgroup_skb/ingress",
	"cgroup_skb/egress", "lwt_in", "lwt_xmit", "sk_skb/stream_verdict", "sk_skb/stream_parser",
	"flow_dissector", "cgroup/sock_create", "cgroup/sock_release", "cgroup/post_bind4",
	"cgroup/post_bind6", "cgroup/bind4", "cgroup/bind6", "cgroup/connect4", "cgroup/connect6",
	"cgroup/sendmsg4", "cgroup/sendmsg6", "cgroup/recvmsg4", "cgroup/recvmsg6",
	"cgroup/getpeername4", "cgroup/getpeername6", "cgroup/getsockname4",
	"cgroup/getsockname6", "sockops", "sk_msg", "cgroup/sysctl", "cgroup/getsockopt",
	"cgroup/setsockopt", "sk_reuseport", "sk_lookup", "cgroup/dev", "perf_event", "netfilter",
};

/* The verifier's words for each verdict; the first match wins. */
static const struct {
	const char *msg;
	unsigned verdict;	/* BG_KV_*; 0 refused */
} answers[] = {
	{ "program of this type cannot use helper", 0 },
	{ "invalid func unknown#", 0 },
	{ "unknown func", 0 },
	{ "cannot call GPL-restricted function", BG_KV_CALL | BG_KV_GPL },
	{ "helper call might sleep in a non-sleepable prog", BG_KV_CALL | BG_KV_SLEEP },
};

/* A licence the kernel does not call GPL-compatible. */
#define NON_GPL "Proprietary"

struct prober {
	struct btf *vmlinux;
	int btf_err;		/* 0, or why vmlinux BTF did not load */
	bool btf_tried;
	char log[16384];
	unsigned loads;
};

struct load_spec {
	enum bg_prog_type type;
	int attach;
	unsigned attach_btf_id;
	bool sleepable;
};

/* Load N INSNS; returns 0 if it loaded, else -errno, with the verifier log in P->log. */
static int load_n(struct prober *p, const struct load_spec *s, const struct bpf_insn *insns,
		  unsigned n, const char *license)
{
	union bpf_attr attr;
	int fd;

	memset(&attr, 0, sizeof(attr));
	attr.prog_type = s->type;
	attr.expected_attach_type = s->attach;
	attr.attach_btf_id = s->attach_btf_id;
	attr.prog_flags = s->sleepable ? BPF_F_SLEEPABLE : 0;
	attr.insns = (unsigned long)insns;
	attr.insn_cnt = n;
	attr.license = (unsigned long)license;
	attr.log_buf = (unsigned long)p->log;
	attr.log_size = sizeof(p->log);
	attr.log_level = 1;
	p->log[0] = '\0';
	p->loads++;
	fd = syscall(__NR_bpf, BPF_PROG_LOAD, &attr, sizeof(attr));
	if (fd >= 0) {
		close(fd);
		return 0;
	}
	return -errno;
}

static int load(struct prober *p, const struct load_spec *s, const struct bpf_insn *insns,
		const char *license)
{
	return load_n(p, s, insns, BG_PROBE_INSNS, license);
}

static unsigned classify(const char *log)
{
	size_t i;

	for (i = 0; i < sizeof(answers) / sizeof(answers[0]); i++)
		if (strstr(log, answers[i].msg))
			return answers[i].verdict;
	return BG_KV_CALL;
}

static int quiet(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	return 0;
}

/* The vmlinux BTF id of NAME as a typedef (tp_btf) or function, or -errno. */
static int btf_target(struct prober *p, const char *name, int attach)
{
	libbpf_print_fn_t old;
	int id;

	if (!p->btf_tried) {
		p->btf_tried = true;
		old = libbpf_set_print(quiet);
		p->vmlinux = btf__load_vmlinux_btf();
		p->btf_err = p->vmlinux ? 0 : (errno ? -errno : -ENOENT);
		libbpf_set_print(old);
	}
	if (!p->vmlinux)
		return p->btf_err;
	id = btf__find_by_name_kind(p->vmlinux, name, attach == bg_attach_type__id("TRACE_RAW_TP") ?
				    BTF_KIND_TYPEDEF : BTF_KIND_FUNC);
	return id < 0 ? -ENOENT : id;
}

/* The first line of the verifier log, for a reason: "EPERM: ..." */
static char *reason(int err, const char *log)
{
	size_t n = strcspn(log, "\n");
	char *s = NULL;

	if (n > 160)
		n = 160;
	if (!n) {
		log = "the kernel refuses `r0 = 0; exit` in this type, with no verifier log";
		n = strlen(log);
	}
	if (asprintf(&s, "%s: %.*s", strerrorname_np(-err) ? strerrorname_np(-err) : "error",
		     (int)n, log) < 0)
		return NULL;
	return s;
}

static int probe_row(struct prober *p, const struct probe_row *pr, struct bg_kernel_table *t)
{
	const struct bpf_insn base[] = BG_PROBE_BASE;
	const struct bg_section_def *def = bg_section__find(pr->section);
	struct load_spec s = {};
	struct bg_kernel_row *r;
	int id, err;

	if (!def)
		return -EINVAL;	/* a probe row libbpf does not know: a bug in the table above */
	r = bg_kernel_table__add_row(t, pr->section, def->type, def->attach,
				     def->flags & BG_SEC_SLEEPABLE);
	if (!r)
		return -ENOMEM;
	s.type = def->type;
	s.attach = def->attach ? bg_attach_type__id(def->attach) : 0;
	s.sleepable = r->sleepable;
	if (s.attach < 0)
		return -EINVAL;
	if (pr->target) {
		err = btf_target(p, pr->target, s.attach);
		if (err < 0) {
			if (asprintf(&r->reason, "no %s in vmlinux BTF: %s", pr->target,
				     strerror(-err)) < 0)
				r->reason = NULL;
			return 0;
		}
		s.attach_btf_id = err;
	}
	err = load(p, &s, base, "GPL");
	if (err) {
		r->reason = reason(err, p->log);
		return 0;
	}
	for (id = 1; id <= t->helper_max; id++) {
		const struct bpf_insn insns[] = BG_PROBE_CALL(id);
		unsigned v;

		err = load(p, &s, insns, "GPL");
		v = err ? classify(p->log) : BG_KV_CALL;
		if (v) {
			err = load(p, &s, insns, NON_GPL);
			if (err && (classify(p->log) & BG_KV_GPL))
				v |= BG_KV_GPL;
		}
		bg_kernel_row__set(r, id, v);
	}
	return 0;
}

/* The load size of a field of SIZE bytes: its own, else 8 (a struct: its first word). */
static int ldst_size(long long size)
{
	switch (size) {
	case 1:
		return BPF_B;
	case 2:
		return BPF_H;
	case 4:
		return BPF_W;
	default:
		return size >= 8 ? BPF_DW : BPF_W;
	}
}

/* Measure the context fields of section SEC into T (a row; skipped when it has no layout). */
static int probe_ctx(struct prober *p, const char *sec, struct bg_kernel_table *t)
{
	const struct bg_section_def *def = bg_section__find(sec);
	const struct bg_ctx_table *layout;
	struct load_spec s = {};
	struct bg_kernel_ctx *c;
	struct bg_kernel_ctx_field *v;
	int ret_val, err = 0;
	size_t i;

	if (!def)
		return -EINVAL;	/* a row libbpf does not know: a bug in ctx_rows */
	layout = bg_ctx_table__layout(def->type, def->attach);
	if (!layout)
		return 0;
	c = bg_kernel_table__add_ctx(t, sec);
	if (!c)
		return -ENOMEM;
	s.type = def->type;
	s.attach = def->attach ? bg_attach_type__id(def->attach) : 0;
	if (s.attach < 0)
		return -EINVAL;
	/* a return value the type loads with: 0, else 1 (recvmsg must return 1) */
	for (ret_val = 0; ret_val <= 1; ret_val++) {
		const struct bpf_insn base[] = { BG_INSN_MOV64_IMM(BPF_REG_0, ret_val), BG_INSN_EXIT() };

		err = load_n(p, &s, base, 2, "GPL");
		if (!err)
			break;
	}
	if (err) {
		c->reason = reason(err, p->log);
		return c->reason ? 0 : -ENOMEM;
	}
	c->fields = v = calloc(layout->nfields, sizeof(*v));
	if (!v)
		return -ENOMEM;
	for (i = 0; i < layout->nfields; i++) {
		const struct bg_ctx_field *f = &layout->fields[i];
		int sz = ldst_size(f->size);
		const struct bpf_insn rd[] = {
			BG_INSN_LDX_MEM(sz, BPF_REG_2, BPF_REG_1, f->off),
			BG_INSN_MOV64_IMM(BPF_REG_0, ret_val),
			BG_INSN_EXIT(),
		};
		const struct bpf_insn wr[] = {
			BG_INSN_MOV64_IMM(BPF_REG_2, 0),
			BG_INSN_STX_MEM(sz, BPF_REG_1, BPF_REG_2, f->off),
			BG_INSN_MOV64_IMM(BPF_REG_0, ret_val),
			BG_INSN_EXIT(),
		};

		v[i].off = f->off;
		v[i].flags = (load_n(p, &s, rd, 3, "GPL") ? 0 : BG_CTX_READ) |
			     (load_n(p, &s, wr, 4, "GPL") ? 0 : BG_CTX_WRITE);
	}
	c->nfields = layout->nfields;
	return 0;
}

static int helper_max(void)
{
	int id = 1;

	while (bg_helper__by_id(id + 1))
		id++;
	return id;
}

/* Measure the running kernel into *OUT. Returns 0 or a negative errno. */
static int probe_kernel(struct bg_kernel_table **out, bool verbose)
{
	struct rlimit unlimited = { RLIM_INFINITY, RLIM_INFINITY };
	struct bg_kernel_table *t = NULL;
	struct prober *p = NULL;
	struct timespec t0, t1;
	struct utsname u;
	size_t i, measured = 0;
	int err = 0;

	/* kernels before 5.11 charge programs to RLIMIT_MEMLOCK */
	setrlimit(RLIMIT_MEMLOCK, &unlimited);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	p = calloc(1, sizeof(*p));
	t = bg_kernel_table__new(uname(&u) ? "unknown" : u.release, helper_max());
	if (!p || !t) {
		err = -ENOMEM;
		goto out;
	}
	for (i = 0; i < sizeof(probe_rows) / sizeof(probe_rows[0]); i++) {
		err = probe_row(p, &probe_rows[i], t);
		if (err) {
			fprintf(stderr, "bpfgen: error: probe row '%s': %s\n", probe_rows[i].section,
				strerror(-err));
			goto out;
		}
		measured += t->rows[t->nrows - 1].measured;
	}
	for (i = 0; measured && i < sizeof(ctx_rows) / sizeof(ctx_rows[0]); i++) {
		err = probe_ctx(p, ctx_rows[i], t);
		if (err) {
			fprintf(stderr, "bpfgen: error: context row '%s': %s\n", ctx_rows[i],
				strerror(-err));
			goto out;
		}
	}
	if (!measured) {
		fprintf(stderr, "bpfgen: error: the kernel loaded no probe program (%s); "
			"bpfgen probe needs root (CAP_BPF, CAP_PERFMON, CAP_NET_ADMIN)\n",
			t->nrows && t->rows[0].reason ? t->rows[0].reason : "no reason");
		err = -EPERM;
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (verbose)
		fprintf(stderr, "bpfgen: probed %zu rows (%zu measured) x %d helpers and %zu "
			"context rows: %u loads in %.2f s\n", t->nrows, measured, t->helper_max,
			t->nctx, p->loads,
			(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
out:
	if (p)
		btf__free(p->vmlinux);
	free(p);
	if (err) {
		bg_kernel_table__free(t);
		t = NULL;
	}
	*out = t;
	return err;
}

static void probe_usage(FILE *out)
{
	fprintf(out,
		"usage: bpfgen probe [--format text|json|c] [--kernel-table FILE | --builtin] [-v]\n"
		"       bpfgen probe --compare TABLE [--kernel-table FILE | --builtin] [-v]\n"
		"\n"
		"Measure on the running kernel (as root) which helpers each program type may\n"
		"call, by loading `call N; exit` for every helper in a section of each type,\n"
		"and which context fields it may read and write, by loading a read and a\n"
		"write of each field.\n"
		"  --format text   `SECTION: helper helper!gpl helper!sleep` (default)\n"
		"  --format json   the table `bpfgen check --kernel-table FILE` reads\n"
		"  --format c      the table as bpfgen's built-in C data\n"
		"  --kernel-table FILE, --builtin\n"
		"                  print that table instead of measuring\n"
		"  --compare TABLE print what differs between TABLE (a file as --kernel-table\n"
		"                  reads, or 6.1 / 6.18 for a table bpfgen has built in) and\n"
		"                  the other table: the running kernel's, measured, else\n"
		"                  --kernel-table FILE or --builtin\n"
		"  -v              say how long the probe took, on stderr\n"
		"Exit status: 0 measured (--compare: the same), 1 --compare found differences,\n"
		"2 the kernel loaded nothing or bad arguments.\n");
}

enum format { FMT_TEXT, FMT_JSON, FMT_C };

/*
 * The table NAME names: "6.1" or "6.18", a built-in measured table, else a
 * file. *OWNED is what the caller frees. NULL, with the reason on stderr.
 */
static const struct bg_kernel_table *compare_table(const char *name, struct bg_kernel_table **owned)
{
	const struct bg_kernel_table *t;
	unsigned major, minor;
	char why[512], end;
	int err;

	*owned = NULL;
	if (sscanf(name, "%u.%u%c", &major, &minor, &end) == 2) {
		t = bg_kernel_table__measured(major, minor);
		if (!t)
			fprintf(stderr, "bpfgen: error: bpfgen has no measured table of Linux %s "
				"(it has 6.1 and 6.18); name a file\n", name);
		return t;
	}
	err = bg_kernel_table__load(name, owned, why, sizeof(why));
	if (err) {
		fprintf(stderr, "bpfgen: error: kernel table '%s': %s\n", name, why);
		return NULL;
	}
	return *owned;
}

int bg_cmd_probe(int argc, char **argv)
{
	const struct bg_kernel_table *show = NULL;
	struct bg_kernel_table *t = NULL;
	const char *table_file = NULL, *compare = NULL;
	const struct bg_kernel_table *other = NULL;
	struct bg_kernel_table *other_owned = NULL;
	size_t ndiff;
	enum format fmt = FMT_TEXT;
	bool builtin = false, verbose = false;
	char why[512];
	int i, err;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			probe_usage(stdout);
			return 0;
		} else if (!strcmp(a, "--format") || !strncmp(a, "--format=", 9)) {
			const char *v = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : "");

			if (!strcmp(v, "text")) {
				fmt = FMT_TEXT;
			} else if (!strcmp(v, "json")) {
				fmt = FMT_JSON;
			} else if (!strcmp(v, "c")) {
				fmt = FMT_C;
			} else {
				fprintf(stderr, "bpfgen: error: unknown format '%s' (text, json, c)\n", v);
				return 2;
			}
		} else if (!strcmp(a, "--kernel-table") || !strncmp(a, "--kernel-table=", 15)) {
			table_file = a[14] == '=' ? a + 15 : (i + 1 < argc ? argv[++i] : NULL);
			if (!table_file || !*table_file) {
				fprintf(stderr, "bpfgen: error: --kernel-table needs a FILE\n");
				return 2;
			}
		} else if (!strcmp(a, "--compare") || !strncmp(a, "--compare=", 10)) {
			compare = a[9] == '=' ? a + 10 : (i + 1 < argc ? argv[++i] : NULL);
			if (!compare || !*compare) {
				fprintf(stderr, "bpfgen: error: --compare needs a TABLE\n");
				return 2;
			}
		} else if (!strcmp(a, "--builtin")) {
			builtin = true;
		} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			verbose = true;
		} else {
			fprintf(stderr, "bpfgen: error: unknown argument '%s'\n", a);
			probe_usage(stderr);
			return 2;
		}
	}

	if (table_file) {
		err = bg_kernel_table__load(table_file, &t, why, sizeof(why));
		if (err) {
			fprintf(stderr, "bpfgen: error: kernel table '%s': %s\n", table_file, why);
			return 2;
		}
		show = t;
	} else if (builtin) {
		show = bg_kernel_table__builtin();
	} else {
		if (probe_kernel(&t, verbose))
			return 2;
		show = t;
	}
	if (!show)
		return 2;
	if (compare) {
		other = compare_table(compare, &other_owned);
		if (!other) {
			bg_kernel_table__free(t);
			return 2;
		}
		printf("# %s against %s\n", other->release, show->release);
		ndiff = bg_kernel_table__compare(other, show, stdout);
		printf("# %zu difference%s\n", ndiff, ndiff == 1 ? "" : "s");
		bg_kernel_table__free(other_owned);
		bg_kernel_table__free(t);
		return fflush(stdout) ? 2 : ndiff ? 1 : 0;
	}
	if (fmt == FMT_JSON)
		bg_kernel_table__print_json(show, stdout);
	else if (fmt == FMT_C)
		bg_kernel_table__print_c(show, stdout);
	else
		bg_kernel_table__print_text(show, stdout);
	bg_kernel_table__free(t);
	return fflush(stdout) ? 2 : 0;
}
