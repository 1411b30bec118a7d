// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The kernel table: the helpers each program type may call, in memory, read
 * from and written as json, text and C. See kernel.h; `bpfgen probe` (probe.c)
 * measures it, and the json schema is documented there.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../diag.h"
#include "kernel.h"

/* Internal: the row has a verdict for this helper (0 alone is "not probed"). */
#define KV_KNOWN (1 << 7)

/* Tables larger than this are not tables: refuse rather than eat memory. */
#define TABLE_FILE_MAX (64 << 20)
/* Deeper json than the schema's four levels is malformed; the cap keeps the recursion bounded. */
#define JSON_DEPTH_MAX 32

/* enum bpf_attach_type, by libbpf's names without BPF_ (uapi linux/bpf.h order). */
static const char *const attach_types[] = {
	"CGROUP_INET_INGRESS", "CGROUP_INET_EGRESS", "CGROUP_INET_SOCK_CREATE", "CGROUP_SOCK_OPS",
	"SK_SKB_STREAM_PARSER", "SK_SKB_STREAM_VERDICT", "CGROUP_DEVICE", "SK_MSG_VERDICT",
	"CGROUP_INET4_BIND", "CGROUP_INET6_BIND", "CGROUP_INET4_CONNECT", "CGROUP_INET6_CONNECT",
	"CGROUP_INET4_POST_BIND", "CGROUP_INET6_POST_BIND", "CGROUP_UDP4_SENDMSG",
	"CGROUP_UDP6_SENDMSG", "LIRC_MODE2", "FLOW_DISSECTOR", "CGROUP_SYSCTL",
	"CGROUP_UDP4_RECVMSG", "CGROUP_UDP6_RECVMSG", "CGROUP_GETSOCKOPT", "CGROUP_SETSOCKOPT",
	"TRACE_RAW_TP", "TRACE_FENTRY", "TRACE_FEXIT", "MODIFY_RETURN", "LSM_MAC", "TRACE_ITER",
	"CGROUP_INET4_GETPEERNAME", "CGROUP_INET6_GETPEERNAME", "CGROUP_INET4_GETSOCKNAME",
	"CGROUP_INET6_GETSOCKNAME", "XDP_DEVMAP", "CGROUP_INET_SOCK_RELEASE", "XDP_CPUMAP",
	"SK_LOOKUP", "XDP", "SK_SKB_VERDICT", "SK_REUSEPORT_SELECT",
	"SK_REUSEPORT_SELECT_OR_MIGRATE", "PERF_EVENT", "TRACE_KPROBE_MULTI", "LSM_CGROUP",
	"STRUCT_OPS", "NETFILTER", "TCX_INGRESS", "TCX_EGRESS", "TRACE_UPROBE_MULTI",
	"CGROUP_UNIX_CONNECT", "CGROUP_UNIX_SENDMSG", "CGROUP_UNIX_RECVMSG",
	"CGROUP_UNIX_GETPEERNAME", "CGROUP_UNIX_GETSOCKNAME", "NETKIT_PRIMARY", "NETKIT_PEER",
	"TRACE_KPROBE_SESSION", "TRACE_UPROBE_SESSION",
};

int bg_attach_type__id(const char *name)
{
	size_t i;

	for (i = 0; name && i < sizeof(attach_types) / sizeof(attach_types[0]); i++)
		if (!strcmp(attach_types[i], name))
			return i;
	return -1;
}

/*
 * Program types whose helpers depend on the attach target and attach type
 * (bpf_get_func_ret only in fexit, bpf_seq_printf only in iter): one row of
 * the type cannot stand for another attach type of it.
 */
static const enum bg_prog_type attach_bound[] = {
	BG_PROG_TRACING, BG_PROG_LSM, BG_PROG_EXT, BG_PROG_STRUCT_OPS,
};

static void set_err(char *err, size_t errsz, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errsz)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
}

/* The highest helper id bpfgen has a name for: what a text table without a header covers. */
static int known_helper_max(void)
{
	int id = 1;

	while (bg_helper__by_id(id + 1))
		id++;
	return id;
}

struct bg_kernel_table *bg_kernel_table__new(const char *release, int helper_max)
{
	struct bg_kernel_table *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->release = strdup(release ? release : "unknown");
	t->helper_max = helper_max;
	if (!t->release) {
		free(t);
		return NULL;
	}
	return t;
}

void bg_kernel_table__free(struct bg_kernel_table *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->nrows; i++) {
		free(t->rows[i].section);
		free(t->rows[i].attach);
		free(t->rows[i].reason);
	}
	free(t->rows);
	for (i = 0; i < t->nctx; i++) {
		free(t->ctx[i].section);
		free(t->ctx[i].attach);
		free(t->ctx[i].reason);
		free(t->ctx[i].fields);
	}
	free(t->ctx);
	free(t->release);
	free(t);
}

struct bg_kernel_row *bg_kernel_table__add_row(struct bg_kernel_table *t, const char *section,
					       enum bg_prog_type type, const char *attach,
					       bool sleepable)
{
	struct bg_kernel_row *v, *r;

	v = realloc(t->rows, (t->nrows + 1) * sizeof(*v));
	if (!v)
		return NULL;
	t->rows = v;
	r = &t->rows[t->nrows];
	memset(r, 0, sizeof(*r));
	r->section = strdup(section);
	r->attach = attach ? strdup(attach) : NULL;
	if (!r->section || (attach && !r->attach)) {
		free(r->section);
		free(r->attach);
		return NULL;
	}
	r->type = type;
	r->sleepable = sleepable;
	t->nrows++;
	return r;
}

struct bg_kernel_ctx *bg_kernel_table__add_ctx(struct bg_kernel_table *t, const char *sec)
{
	const struct bg_section_def *def = bg_section__find(sec);
	struct bg_kernel_ctx *v, *c;

	if (!def)
		return NULL;
	v = realloc(t->ctx, (t->nctx + 1) * sizeof(*v));
	if (!v)
		return NULL;
	t->ctx = v;
	c = &t->ctx[t->nctx];
	memset(c, 0, sizeof(*c));
	c->section = strdup(sec);
	c->attach = def->attach ? strdup(def->attach) : NULL;
	if (!c->section || (def->attach && !c->attach)) {
		free(c->section);
		free(c->attach);
		return NULL;
	}
	c->type = def->type;
	t->nctx++;
	return c;
}

/* "r", "w", "rw" or "-" */
static const char *ctx_flags_word(unsigned flags)
{
	static const char *const w[] = { "-", "r", "w", "rw" };

	return w[flags & (BG_CTX_READ | BG_CTX_WRITE)];
}

int bg_kernel_ctx__parse(struct bg_kernel_ctx *ctx, const char *fields, char *err, size_t errsz)
{
	const char *p = fields;
	struct bg_kernel_ctx_field *v;

	while (*p) {
		const char *w = p + strspn(p, " \t"), *at, *colon, *end;
		unsigned flags = 0;
		long long off;
		char *e;

		if (!*w)
			break;
		end = w + strcspn(w, " \t");
		at = memchr(w, '@', end - w);
		colon = at ? memchr(at, ':', end - at) : NULL;
		if (!at || !colon) {
			set_err(err, errsz, "'%.*s': expected NAME@OFFSET:ACCESS", (int)(end - w), w);
			return -EINVAL;
		}
		off = strtoll(at + 1, &e, 10);
		if (e != colon || off < 0 || off > 4096) {
			set_err(err, errsz, "'%.*s': bad offset", (int)(end - w), w);
			return -EINVAL;
		}
		if (end - colon == 2 && colon[1] == '-') {
			flags = 0;
		} else {
			for (e = (char *)colon + 1; e < end; e++) {
				if (*e == 'r')
					flags |= BG_CTX_READ;
				else if (*e == 'w')
					flags |= BG_CTX_WRITE;
				else
					break;
			}
			if (e != end || end == colon + 1) {
				set_err(err, errsz, "'%.*s': access is r, w, rw or -", (int)(end - w),
					w);
				return -EINVAL;
			}
		}
		v = realloc(ctx->fields, (ctx->nfields + 1) * sizeof(*v));
		if (!v)
			return -ENOMEM;
		ctx->fields = v;
		v[ctx->nfields++] = (struct bg_kernel_ctx_field){ off, flags };
		p = end;
	}
	return 0;
}

/* Parse one "name", "name!gpl", "name!sleep", "name!gpl!sleep" or a bare id. */
static int parse_word(const char *w, size_t len, int helper_max, int *id, unsigned *flags,
		      char *err, size_t errsz)
{
	const struct bg_helper *h;
	char name[64];
	size_t n = 0;
	const char *bang;

	*flags = BG_KV_CALL;
	bang = memchr(w, '!', len);
	n = bang ? (size_t)(bang - w) : len;
	if (n == 0 || n >= sizeof(name)) {
		set_err(err, errsz, "bad helper '%.*s'", (int)(len > 64 ? 64 : len), w);
		return -EINVAL;
	}
	memcpy(name, w, n);
	name[n] = '\0';
	while (bang) {
		const char *next = memchr(bang + 1, '!', len - (bang + 1 - w));
		size_t flen = (next ? next : w + len) - (bang + 1);

		if (flen == 3 && !strncmp(bang + 1, "gpl", 3)) {
			*flags |= BG_KV_GPL;
		} else if (flen == 5 && !strncmp(bang + 1, "sleep", 5)) {
			*flags |= BG_KV_SLEEP;
		} else {
			set_err(err, errsz, "helper '%s': unknown mark '!%.*s' (gpl, sleep)", name,
				(int)(flen > 32 ? 32 : flen), bang + 1);
			return -EINVAL;
		}
		bang = next;
	}
	if (name[0] >= '0' && name[0] <= '9') {
		char *end;
		long v = strtol(name, &end, 10);

		if (*end || v < 1 || v > helper_max) {
			set_err(err, errsz, "helper id '%s' is not in 1..%d", name, helper_max);
			return -EINVAL;
		}
		*id = v;
		return 0;
	}
	h = bg_helper__find(name);
	if (!h) {
		set_err(err, errsz, "unknown helper '%s'", name);
		return -EINVAL;
	}
	if (h->id > helper_max) {
		set_err(err, errsz, "helper '%s' (%d) is above the table's helper_max %d", name,
			h->id, helper_max);
		return -EINVAL;
	}
	*id = h->id;
	return 0;
}

/* HELPERS: the row's words; the table's helper_max bounds the ids. */
static int row_parse(struct bg_kernel_row *row, int helper_max, const char *helpers,
		     char *err, size_t errsz)
{
	const char *p = helpers;
	int id, err2;
	unsigned flags;

	memset(row->verdict, 0, sizeof(row->verdict));
	for (id = 1; id <= helper_max; id++)
		row->verdict[id] = KV_KNOWN;
	while (*p) {
		size_t len;

		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		len = strcspn(p, " \t");
		err2 = parse_word(p, len, helper_max, &id, &flags, err, errsz);
		if (err2)
			return err2;
		row->verdict[id] = KV_KNOWN | flags;
		p += len;
	}
	row->measured = true;
	return 0;
}

int bg_kernel_row__parse(struct bg_kernel_row *row, const char *helpers, char *err, size_t errsz)
{
	return row_parse(row, known_helper_max(), helpers, err, errsz);
}

static int table_from_src(const struct bg_kernel_src *src, struct bg_kernel_table **out)
{
	struct bg_kernel_table *t;
	char err[256];
	size_t i;
	int ret = 0;

	t = bg_kernel_table__new(src->release, src->helper_max);
	if (!t)
		return -ENOMEM;
	for (i = 0; i < src->nrows; i++) {
		const struct bg_kernel_row_src *s = &src->rows[i];
		struct bg_kernel_row *r;

		r = bg_kernel_table__add_row(t, s->section, s->type, s->attach, s->sleepable);
		if (!r) {
			ret = -ENOMEM;
			goto out;
		}
		if (!s->helpers) {
			r->reason = s->reason ? strdup(s->reason) : NULL;
			continue;
		}
		ret = row_parse(r, t->helper_max, s->helpers, err, sizeof(err));
		if (ret)
			goto out;
	}
	for (i = 0; i < src->nctx; i++) {
		const struct bg_kernel_ctx_src *s = &src->ctx[i];
		struct bg_kernel_ctx *c = bg_kernel_table__add_ctx(t, s->section);

		if (!c) {
			ret = -ENOMEM;
			goto out;
		}
		if (!s->fields) {
			c->reason = strdup(s->reason ? s->reason : "not measured");
			continue;
		}
		ret = bg_kernel_ctx__parse(c, s->fields, err, sizeof(err));
		if (ret)
			goto out;
	}
out:
	if (ret) {
		bg_kernel_table__free(t);
		t = NULL;
	}
	*out = t;
	return ret;
}

const struct bg_kernel_table *bg_kernel_table__builtin(void)
{
	static struct bg_kernel_table *builtin;

	/* the data is checked by the unit tests, so only ENOMEM can fail here */
	if (!builtin)
		table_from_src(&bg_kernel_linux_6_18, &builtin);
	return builtin;
}

/* The kernels bpfgen has measured, oldest first; 6.18 is the built-in table. */
static const struct {
	unsigned major, minor;
	const struct bg_kernel_src *src;
} measured[] = {
	{ 6, 1, &bg_kernel_linux_6_1 },
	{ 6, 18, &bg_kernel_linux_6_18 },
};

static const struct bg_kernel_table *measured_table(size_t i)
{
	static struct bg_kernel_table *built[sizeof(measured) / sizeof(measured[0])];

	if (measured[i].src == &bg_kernel_linux_6_18)
		return bg_kernel_table__builtin();
	if (!built[i])
		table_from_src(measured[i].src, &built[i]);
	return built[i];
}

const struct bg_kernel_table *bg_kernel_table__measured(unsigned major, unsigned minor)
{
	size_t i;

	for (i = 0; i < sizeof(measured) / sizeof(measured[0]); i++)
		if (measured[i].major == major && measured[i].minor == minor)
			return measured_table(i);
	return NULL;
}

const struct bg_kernel_table *bg_kernel_table__measured_from(unsigned major, unsigned minor,
							     unsigned *mmajor, unsigned *mminor)
{
	size_t i;

	for (i = 0; i < sizeof(measured) / sizeof(measured[0]); i++) {
		if (measured[i].major < major ||
		    (measured[i].major == major && measured[i].minor < minor))
			continue;
		*mmajor = measured[i].major;
		*mminor = measured[i].minor;
		return measured_table(i);
	}
	return NULL;
}

static bool attach_eq(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

const struct bg_kernel_row *bg_kernel_table__find(const struct bg_kernel_table *t, const char *sec)
{
	const struct bg_section_def *def = sec ? bg_section__find(sec) : NULL;
	const struct bg_kernel_row *same = NULL, *type = NULL;
	bool sleepable;
	size_t i;

	if (!t || !def)
		return NULL;
	sleepable = def->flags & BG_SEC_SLEEPABLE;
	for (i = 0; i < t->nrows; i++) {
		const struct bg_kernel_row *r = &t->rows[i];

		if (r->type != def->type)
			continue;
		if (attach_eq(r->attach, def->attach)) {
			if (r->sleepable == sleepable)
				return r;
			if (!same)
				same = r;
		} else if (!type || (type->sleepable != sleepable && r->sleepable == sleepable)) {
			type = r;
		}
	}
	if (same)
		return same;
	for (i = 0; type && i < sizeof(attach_bound) / sizeof(attach_bound[0]); i++)
		if (attach_bound[i] == def->type)
			return NULL;
	return type;
}

const struct bg_kernel_ctx *bg_kernel_table__find_ctx(const struct bg_kernel_table *t,
						      const char *sec)
{
	const struct bg_section_def *def = sec ? bg_section__find(sec) : NULL;
	const struct bg_ctx_table *layout;
	const struct bg_kernel_ctx *type = NULL;
	size_t i;

	if (!t || !def)
		return NULL;
	for (i = 0; i < t->nctx; i++) {
		const struct bg_kernel_ctx *c = &t->ctx[i];

		if (c->type != def->type || c->reason)
			continue;
		if (attach_eq(c->attach, def->attach))
			return c;
		if (!type)
			type = c;
	}
	layout = bg_ctx_table__find(def->type, def->attach);
	return layout && layout->any_attach ? type : NULL;
}

int bg_kernel_ctx__flags(const struct bg_kernel_ctx *ctx, long long off)
{
	size_t i;

	for (i = 0; ctx && i < ctx->nfields; i++)
		if (ctx->fields[i].off == off)
			return ctx->fields[i].flags;
	return -1;
}

void bg_kernel_row__set(struct bg_kernel_row *row, int id, unsigned verdict)
{
	if (id < 1 || id > BG_KERNEL_HELPER_MAX)
		return;
	row->verdict[id] = KV_KNOWN | (verdict & (BG_KV_CALL | BG_KV_GPL | BG_KV_SLEEP));
	row->measured = true;
}

int bg_kernel_row__verdict(const struct bg_kernel_row *row, int id)
{
	if (!row || !row->measured || id < 1 || id > BG_KERNEL_HELPER_MAX ||
	    !(row->verdict[id] & KV_KNOWN))
		return -1;
	return row->verdict[id] & ~KV_KNOWN;
}

/* ---- writers ---- */

static const char *verdict_name(unsigned v)
{
	if (!(v & BG_KV_CALL))
		return "refused";
	if ((v & BG_KV_GPL) && (v & BG_KV_SLEEP))
		return "gpl+sleep";
	if (v & BG_KV_GPL)
		return "gpl";
	if (v & BG_KV_SLEEP)
		return "sleep";
	return "allowed";
}

/* "name!gpl" as the text format writes it, into BUF. */
static const char *helper_word(int id, unsigned v, char *buf, size_t size)
{
	const struct bg_helper *h = bg_helper__by_id(id);
	int n;

	if (h)
		n = snprintf(buf, size, "%s", h->name);
	else
		n = snprintf(buf, size, "%d", id);
	snprintf(buf + n, size - n, "%s%s", v & BG_KV_GPL ? "!gpl" : "",
		 v & BG_KV_SLEEP ? "!sleep" : "");
	return buf;
}

/* The name of the field at OFF in C's layout, "?" when the layout has none. */
static const char *ctx_field_name(const struct bg_kernel_ctx *c, long long off)
{
	const struct bg_ctx_table *layout = bg_ctx_table__layout(c->type, c->attach);
	const struct bg_ctx_field *f = layout ? bg_ctx_table__field(layout, off) : NULL;

	return f && f->off == off ? f->name : "?";
}

/* C's fields as bg_kernel_ctx__parse() reads them, malloc()ed; NULL on ENOMEM. */
static char *ctx_line(const struct bg_kernel_ctx *c)
{
	char *line = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&line, &len);

	if (!f)
		return NULL;
	for (i = 0; i < c->nfields; i++)
		fprintf(f, "%s%s@%lld:%s", i ? " " : "", ctx_field_name(c, c->fields[i].off),
			c->fields[i].off, ctx_flags_word(c->fields[i].flags));
	if (fclose(f)) {
		free(line);
		return NULL;
	}
	return line;
}

void bg_kernel_table__print_text(const struct bg_kernel_table *t, FILE *out)
{
	char word[96];
	size_t i;
	int id;

	fprintf(out, "# helpers each program type may call, measured by bpfgen probe\n");
	fprintf(out, "# kernel: %s\n# helper_max: %d\n", t->release, t->helper_max);
	for (i = 0; i < t->nrows; i++) {
		const struct bg_kernel_row *r = &t->rows[i];

		if (!r->measured) {
			fprintf(out, "# %s: not measured: %s\n", r->section,
				r->reason ? r->reason : "no reason recorded");
			continue;
		}
		fprintf(out, "%s:", r->section);
		for (id = 1; id <= t->helper_max; id++) {
			int v = bg_kernel_row__verdict(r, id);

			if (v > 0 && (v & BG_KV_CALL))
				fprintf(out, " %s", helper_word(id, v, word, sizeof(word)));
		}
		fputc('\n', out);
	}
	if (t->nctx)
		fprintf(out, "# context fields: ctx SECTION: field@offset:access (r, w, rw, -)\n");
	for (i = 0; i < t->nctx; i++) {
		const struct bg_kernel_ctx *c = &t->ctx[i];
		char *line;

		if (c->reason) {
			fprintf(out, "# ctx %s: not measured: %s\n", c->section, c->reason);
			continue;
		}
		line = ctx_line(c);
		fprintf(out, "ctx %s: %s\n", c->section, line ? line : "");
		free(line);
	}
}

static const char *type_name(enum bg_prog_type type)
{
	const struct bg_prog_type_info *info = bg_prog_type__info(type);

	return info ? info->name : "unspec";
}

void bg_kernel_table__print_json(const struct bg_kernel_table *t, FILE *out)
{
	size_t i;
	int id;

	fprintf(out, "{\n  \"schema\": 1,\n  \"kernel\": ");
	bg_json__string(out, t->release);
	fprintf(out, ",\n  \"helper_max\": %d,\n  \"rows\": [", t->helper_max);
	for (i = 0; i < t->nrows; i++) {
		const struct bg_kernel_row *r = &t->rows[i];
		bool first = true;

		fprintf(out, "%s\n    {\"section\": ", i ? "," : "");
		bg_json__string(out, r->section);
		fprintf(out, ", \"prog_type\": \"%s\", \"attach_type\": ", type_name(r->type));
		bg_json__string(out, r->attach);
		fprintf(out, ", \"sleepable\": %s, \"measured\": %s, \"reason\": ",
			r->sleepable ? "true" : "false", r->measured ? "true" : "false");
		bg_json__string(out, r->reason);
		fputs(",\n     \"helpers\": [", out);
		for (id = 1; r->measured && id <= t->helper_max; id++) {
			const struct bg_helper *h = bg_helper__by_id(id);
			int v = bg_kernel_row__verdict(r, id);

			if (v < 0)
				continue;
			fprintf(out, "%s\n      {\"id\": %d, \"name\": ", first ? "" : ",", id);
			bg_json__string(out, h ? h->name : NULL);
			fprintf(out, ", \"verdict\": \"%s\"}", verdict_name(v));
			first = false;
		}
		fputs(first ? "]}" : "\n     ]}", out);
	}
	fputs("\n  ]", out);
	if (t->nctx)
		fputs(",\n  \"ctx\": [", out);
	for (i = 0; i < t->nctx; i++) {
		const struct bg_kernel_ctx *c = &t->ctx[i];
		char *line = c->reason ? NULL : ctx_line(c);

		fprintf(out, "%s\n    {\"section\": ", i ? "," : "");
		bg_json__string(out, c->section);
		fputs(", \"reason\": ", out);
		bg_json__string(out, c->reason);
		fputs(",\n     \"fields\": ", out);
		bg_json__string(out, line);
		fputs("}", out);
		free(line);
	}
	fputs(t->nctx ? "\n  ]\n}\n" : "\n}\n", out);
}

/* A C string literal of S, wrapped into pieces of about WIDTH at spaces. */
static void print_c_words(FILE *out, const char *s, const char *indent, size_t width)
{
	size_t col = 0;

	fprintf(out, "%s\"", indent);
	while (*s) {
		size_t len = strcspn(s, " ");

		if (col && col + len > width) {
			fprintf(out, "\"\n%s\"", indent);
			col = 0;
		}
		fprintf(out, "%.*s", (int)len, s);
		col += len;
		s += len;
		if (*s == ' ') {
			fputc(' ', out);
			col++;
			s++;
		}
	}
	fputc('"', out);
}

static void print_c_string(FILE *out, const char *s)
{
	const unsigned char *p;

	if (!s) {
		fputs("NULL", out);
		return;
	}
	fputc('"', out);
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7f)
			fprintf(out, "\\%03o", *p);	/* octal: \x would swallow a hex digit after it */
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

void bg_kernel_table__print_c(const struct bg_kernel_table *t, FILE *out)
{
	unsigned major = 0, minor = 0;
	char word[96], *line = NULL;
	size_t i, len, cap = 0;
	const char *n;
	int id;

	sscanf(t->release, "%u.%u", &major, &minor);
	fprintf(out,
		"// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)\n"
		"/*\n"
		" * Generated by `bpfgen probe --format c` on Linux %s (as root): the\n"
		" * helpers each program type may call, measured by loading `call N; exit`\n"
		" * for helpers 1..%d in each row's section (GPL and non-GPL license) and\n"
		" * reading the verifier's answer. A word is a helper the type may call;\n"
		" * !gpl: only under a GPL-compatible license; !sleep: only when sleepable.\n"
		"%s"
		" * Do not edit by hand: regenerate on the kernel to describe, as root,\n"
		" *   bpfgen probe --format c > codegen/tables/kernel_linux_%u_%u.c\n"
		" */\n"
		"#include \"kernel.h\"\n\n"
		"static const struct bg_kernel_row_src rows[] = {\n", t->release, t->helper_max,
		t->nctx ? " * ctx[]: the context fields of each section, r and w where a read and\n"
			  " * a write of the field at its size loaded.\n" : "",
		major, minor);
	for (i = 0; i < t->nrows; i++) {
		const struct bg_kernel_row *r = &t->rows[i];
		const char *tn = type_name(r->type);

		fputs("\t{ ", out);
		print_c_string(out, r->section);
		fputs(", BG_PROG_", out);
		for (n = tn; *n; n++)
			fputc(*n >= 'a' && *n <= 'z' ? *n - 'a' + 'A' : *n, out);
		fputs(", ", out);
		print_c_string(out, r->attach);
		fprintf(out, ", %s,\n", r->sleepable ? "true" : "false");
		if (!r->measured) {
			fputs("\t  NULL, ", out);
			print_c_string(out, r->reason ? r->reason : "not measured");
			fputs(" },\n", out);
			continue;
		}
		len = 0;
		for (id = 1; id <= t->helper_max; id++) {
			int v = bg_kernel_row__verdict(r, id);
			size_t wl;

			if (v <= 0 || !(v & BG_KV_CALL))
				continue;
			helper_word(id, v, word, sizeof(word));
			wl = strlen(word);
			if (len + wl + 2 > cap) {
				char *nl = realloc(line, cap = (len + wl + 2) * 2);

				if (!nl)
					break;
				line = nl;
			}
			if (len)
				line[len++] = ' ';
			memcpy(line + len, word, wl + 1);
			len += wl;
		}
		print_c_words(out, len ? line : "", "\t  ", 88);
		fputs(" },\n", out);
	}
	free(line);
	fputs("};\n", out);
	if (t->nctx)
		fputs("\n/* Context fields: a read and a write of each, loaded; field@offset:access. */\n"
		      "static const struct bg_kernel_ctx_src ctx[] = {\n", out);
	for (i = 0; i < t->nctx; i++) {
		const struct bg_kernel_ctx *c = &t->ctx[i];

		fputs("\t{ ", out);
		print_c_string(out, c->section);
		fputs(",\n", out);
		if (c->reason) {
			fputs("\t  NULL, ", out);
			print_c_string(out, c->reason);
		} else {
			line = ctx_line(c);
			print_c_words(out, line ? line : "", "\t  ", 88);
			free(line);
			fputs(", NULL", out);
		}
		fputs(" },\n", out);
	}
	if (t->nctx)
		fputs("};\n", out);
	fprintf(out,
		"\n"
		"const struct bg_kernel_src bg_kernel_linux_%u_%u = {\n"
		"\t.release = ", major, minor);
	print_c_string(out, t->release);
	fprintf(out,
		",\n"
		"\t.helper_max = %d,\n"
		"\t.rows = rows,\n"
		"\t.nrows = sizeof(rows) / sizeof(rows[0]),\n", t->helper_max);
	if (t->nctx)
		fputs("\t.ctx = ctx,\n"
		      "\t.nctx = sizeof(ctx) / sizeof(ctx[0]),\n", out);
	fputs("};\n", out);
}

/* The row of B probed in A's row's section and sleepability, or NULL. */
static const struct bg_kernel_row *same_row(const struct bg_kernel_table *b,
					    const struct bg_kernel_row *ra)
{
	size_t i;

	for (i = 0; i < b->nrows; i++)
		if (!strcmp(b->rows[i].section, ra->section) && b->rows[i].sleepable == ra->sleepable)
			return &b->rows[i];
	return NULL;
}

/* Print, under "SECTION:", the helpers of RA's row that RB's lacks or flags otherwise. */
static size_t compare_row(const struct bg_kernel_row *ra, const struct bg_kernel_row *rb,
			  const char *la, const char *lb, FILE *out)
{
	char wa[96], wb[96];
	size_t n = 0;
	int id, va, vb;

	for (id = 1; id <= BG_KERNEL_HELPER_MAX; id++) {
		va = bg_kernel_row__verdict(ra, id);
		vb = bg_kernel_row__verdict(rb, id);
		va = va < 0 ? 0 : va;
		vb = vb < 0 ? 0 : vb;
		if (va == vb)
			continue;
		if (!n++)
			fprintf(out, "%s:\n", ra->section);
		if (!vb)
			fprintf(out, "  only %s: %s\n", la, helper_word(id, va, wa, sizeof(wa)));
		else if (!va)
			fprintf(out, "  only %s: %s\n", lb, helper_word(id, vb, wb, sizeof(wb)));
		else
			fprintf(out, "  %s: %s, %s: %s\n", la, helper_word(id, va, wa, sizeof(wa)), lb,
				helper_word(id, vb, wb, sizeof(wb)));
	}
	return n;
}

static const struct bg_kernel_ctx *same_ctx(const struct bg_kernel_table *b, const char *sec)
{
	size_t i;

	for (i = 0; i < b->nctx; i++)
		if (!strcmp(b->ctx[i].section, sec))
			return &b->ctx[i];
	return NULL;
}

/*
 * The context rows both tables measured, field by field ("ctx SECTION:" then
 * "  name@off: A r, B rw"). A table without context rows (written before
 * context probing) is not a difference: it does not know.
 */
static size_t compare_ctx(const struct bg_kernel_table *a, const struct bg_kernel_table *b,
			  FILE *out)
{
	size_t i, j, n = 0, shown;

	if (!a->nctx || !b->nctx)
		return 0;
	for (i = 0; i < a->nctx; i++) {
		const struct bg_kernel_ctx *ca = &a->ctx[i], *cb = same_ctx(b, ca->section);

		if (!cb || !ca->reason != !cb->reason) {
			fprintf(out, "ctx %s: %s\n", ca->section,
				!cb ? "not probed on the second kernel" :
				!ca->reason ? "measured on the first kernel only" :
				"measured on the second kernel only");
			n++;
			continue;
		}
		for (j = 0, shown = 0; !ca->reason && j < ca->nfields; j++) {
			int fa = ca->fields[j].flags, fb = bg_kernel_ctx__flags(cb, ca->fields[j].off);

			if (fb < 0 || fa == fb)
				continue;
			if (!shown++)
				fprintf(out, "ctx %s:\n", ca->section);
			fprintf(out, "  %s@%lld: %s %s, %s %s\n", ctx_field_name(ca, ca->fields[j].off),
				ca->fields[j].off, a->release, ctx_flags_word(fa), b->release,
				ctx_flags_word(fb));
		}
		n += shown;
	}
	for (i = 0; i < b->nctx; i++)
		if (!same_ctx(a, b->ctx[i].section)) {
			fprintf(out, "ctx %s: not probed on the first kernel\n", b->ctx[i].section);
			n++;
		}
	return n;
}

size_t bg_kernel_table__compare(const struct bg_kernel_table *a, const struct bg_kernel_table *b,
				FILE *out)
{
	const char *la = a->release, *lb = b->release;
	const struct bg_kernel_row *ra, *rb;
	size_t i, n = 0;

	for (i = 0; i < a->nrows; i++) {
		ra = &a->rows[i];
		rb = same_row(b, ra);
		if (!rb || ra->measured != rb->measured) {
			fprintf(out, "%s: %s\n", ra->section,
				!rb ? "not probed on the second kernel" :
				ra->measured ? "loads on the first kernel only" :
				"loads on the second kernel only");
			n++;
			continue;
		}
		if (ra->measured)
			n += compare_row(ra, rb, la, lb, out);
	}
	for (i = 0; i < b->nrows; i++)
		if (!same_row(a, &b->rows[i])) {
			fprintf(out, "%s: not probed on the first kernel\n", b->rows[i].section);
			n++;
		}
	return n + compare_ctx(a, b, out);
}

/* ---- the text reader ---- */

static enum bg_prog_type type_by_name(const char *name)
{
	int type;

	for (type = 1; type < BG_PROG__MAX; type++) {
		const struct bg_prog_type_info *info = bg_prog_type__info(type);

		if (info && !strcmp(info->name, name))
			return type;
	}
	return BG_PROG_UNSPEC;
}

int bg_kernel_table__parse_text(const char *text, size_t len, struct bg_kernel_table **out,
				char *err, size_t errsz)
{
	struct bg_kernel_table *t = NULL;
	const char *p = text, *end = text + len;
	char release[128] = "unknown", *line = NULL;
	int helper_max = known_helper_max(), ret = 0;
	unsigned lineno = 0;
	char why[256];

	*out = NULL;
	/* the header comments come first; read them before the rows need helper_max */
	while (p < end) {
		const char *nl = memchr(p, '\n', end - p);
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *colon, *sec, *s;
		const struct bg_section_def *def;
		struct bg_kernel_row *r;

		lineno++;
		free(line);
		line = strndup(p, n);
		p += n + (nl ? 1 : 0);
		if (!line) {
			ret = -ENOMEM;
			goto out;
		}
		if (strlen(line) != n) {
			set_err(err, errsz, "line %u: binary data, not a table", lineno);
			ret = -EINVAL;
			goto out;
		}
		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		if (line[0] == '#') {
			if (!t && sscanf(line, "# kernel: %127s", release) == 1)
				continue;
			if (!t && !strncmp(line, "# helper_max:", 13)) {
				char *e;
				long v = strtol(line + 13, &e, 10);

				if (e == line + 13 || v < 1 || v > BG_KERNEL_HELPER_MAX) {
					set_err(err, errsz, "line %u: helper_max must be 1..%d",
						lineno, BG_KERNEL_HELPER_MAX);
					ret = -EINVAL;
					goto out;
				}
				helper_max = v;
			}
			continue;
		}
		if (strspn(line, " \t") == n)
			continue;
		if (!t) {
			t = bg_kernel_table__new(release, helper_max);
			if (!t) {
				ret = -ENOMEM;
				goto out;
			}
		}
		colon = strchr(line, ':');
		if (!colon) {
			set_err(err, errsz, "line %u: expected 'SECTION: helper helper!gpl ...'",
				lineno);
			ret = -EINVAL;
			goto out;
		}
		*colon = '\0';
		sec = line + strspn(line, " \t");
		if (!strncmp(sec, "ctx ", 4)) {
			struct bg_kernel_ctx *c;

			sec += 4 + strspn(sec + 4, " \t");
			for (s = colon; s > sec && (s[-1] == ' ' || s[-1] == '\t'); s--)
				s[-1] = '\0';
			if (!bg_section__find(sec)) {
				set_err(err, errsz, "line %u: unknown section '%.64s'", lineno, sec);
				ret = -EINVAL;
				goto out;
			}
			c = bg_kernel_table__add_ctx(t, sec);
			if (!c) {
				ret = -ENOMEM;
				goto out;
			}
			ret = bg_kernel_ctx__parse(c, colon + 1, why, sizeof(why));
			if (ret) {
				set_err(err, errsz, "line %u: ctx '%s': %s", lineno, sec, why);
				goto out;
			}
			continue;
		}
		for (s = colon; s > sec && (s[-1] == ' ' || s[-1] == '\t'); s--)
			s[-1] = '\0';
		def = bg_section__find(sec);
		if (!def) {
			set_err(err, errsz, "line %u: unknown section '%.64s'", lineno, sec);
			ret = -EINVAL;
			goto out;
		}
		r = bg_kernel_table__add_row(t, sec, def->type, def->attach,
					     def->flags & BG_SEC_SLEEPABLE);
		if (!r) {
			ret = -ENOMEM;
			goto out;
		}
		ret = row_parse(r, helper_max, colon + 1, why, sizeof(why));
		if (ret) {
			set_err(err, errsz, "line %u: section '%s': %s", lineno, sec, why);
			goto out;
		}
	}
	if (!t) {
		set_err(err, errsz, "no rows");
		ret = -EINVAL;
	}
out:
	free(line);
	if (ret) {
		bg_kernel_table__free(t);
		t = NULL;
	}
	*out = t;
	return ret;
}

/* ---- the json reader ---- */

enum jkind { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jval {
	enum jkind kind;
	unsigned line, col;
	bool b;
	double num;
	char *str;
	struct jval *kids;	/* array items, object values */
	char **keys;		/* object keys */
	size_t n;
};

struct jparser {
	const char *p, *end, *line_start;
	unsigned line;
	int depth;
	char *err;
	size_t errsz;
};

static const char *jkind_name(enum jkind k)
{
	static const char *names[] = { "null", "a boolean", "a number", "a string", "an array",
				       "an object" };

	return names[k];
}

static void jval_clear(struct jval *v)
{
	size_t i;

	for (i = 0; i < v->n; i++) {
		jval_clear(&v->kids[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->kids);
	free(v->keys);
	free(v->str);
	memset(v, 0, sizeof(*v));
}

static unsigned jcol(const struct jparser *j)
{
	return j->p - j->line_start + 1;
}

static int jfail(struct jparser *j, const char *what)
{
	if (j->p >= j->end)
		set_err(j->err, j->errsz, "line %u, column %u: %s, found the end of the file",
			j->line, jcol(j), what);
	else if (*j->p >= 0x20 && *j->p < 0x7f)
		set_err(j->err, j->errsz, "line %u, column %u: %s, found '%c'", j->line, jcol(j),
			what, *j->p);
	else
		set_err(j->err, j->errsz, "line %u, column %u: %s, found byte 0x%02x", j->line,
			jcol(j), what, (unsigned char)*j->p);
	return -EINVAL;
}

static void jspace(struct jparser *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r')) {
		if (*j->p == '\n') {
			j->line++;
			j->line_start = j->p + 1;
		}
		j->p++;
	}
}

static int hex4(const char *p, unsigned *v)
{
	int i;

	*v = 0;
	for (i = 0; i < 4; i++) {
		char c = p[i];

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			*v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			*v |= c - 'A' + 10;
		else
			return -EINVAL;
	}
	return 0;
}

static int jstring(struct jparser *j, char **out)
{
	size_t cap = 16, n = 0;
	char *s = malloc(cap);

	if (!s)
		return -ENOMEM;
	j->p++;	/* the opening quote */
	for (;;) {
		unsigned char c;
		char enc[4];
		size_t elen = 1;

		if (j->p >= j->end) {
			free(s);
			return jfail(j, "unterminated string");
		}
		c = *j->p;
		if (c == '"') {
			j->p++;
			break;
		}
		if (c < 0x20) {
			free(s);
			return jfail(j, "control character in a string");
		}
		if (c != '\\') {
			enc[0] = c;
			j->p++;
		} else {
			unsigned u, lo;

			if (j->end - j->p < 2) {
				free(s);
				return jfail(j, "unterminated string");
			}
			j->p++;
			switch (*j->p) {
			case '"': enc[0] = '"'; break;
			case '\\': enc[0] = '\\'; break;
			case '/': enc[0] = '/'; break;
			case 'b': enc[0] = '\b'; break;
			case 'f': enc[0] = '\f'; break;
			case 'n': enc[0] = '\n'; break;
			case 'r': enc[0] = '\r'; break;
			case 't': enc[0] = '\t'; break;
			case 'u':
				if (j->end - j->p < 5 || hex4(j->p + 1, &u)) {
					free(s);
					return jfail(j, "bad \\u escape");
				}
				j->p += 4;
				if (u >= 0xd800 && u < 0xdc00 && j->end - j->p >= 7 &&
				    j->p[1] == '\\' && j->p[2] == 'u' && !hex4(j->p + 3, &lo) &&
				    lo >= 0xdc00 && lo < 0xe000) {
					u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
					j->p += 6;
				} else if (u >= 0xd800 && u < 0xe000) {
					u = 0xfffd;	/* a lone surrogate */
				}
				if (u == 0) {
					free(s);
					return jfail(j, "\\u0000 in a string");
				}
				if (u < 0x80) {
					enc[0] = u;
				} else if (u < 0x800) {
					enc[0] = 0xc0 | (u >> 6);
					enc[1] = 0x80 | (u & 0x3f);
					elen = 2;
				} else if (u < 0x10000) {
					enc[0] = 0xe0 | (u >> 12);
					enc[1] = 0x80 | ((u >> 6) & 0x3f);
					enc[2] = 0x80 | (u & 0x3f);
					elen = 3;
				} else {
					enc[0] = 0xf0 | (u >> 18);
					enc[1] = 0x80 | ((u >> 12) & 0x3f);
					enc[2] = 0x80 | ((u >> 6) & 0x3f);
					enc[3] = 0x80 | (u & 0x3f);
					elen = 4;
				}
				break;
			default:
				free(s);
				return jfail(j, "bad escape in a string");
			}
			j->p++;
		}
		if (n + elen + 1 > cap) {
			char *ns = realloc(s, cap *= 2);

			if (!ns) {
				free(s);
				return -ENOMEM;
			}
			s = ns;
		}
		memcpy(s + n, enc, elen);
		n += elen;
	}
	s[n] = '\0';
	*out = s;
	return 0;
}

static int jnumber(struct jparser *j, double *out)
{
	const char *q = j->p;
	char buf[64];

	if (q < j->end && *q == '-')
		q++;
	if (q < j->end && *q == '0') {
		q++;
	} else if (q < j->end && *q >= '1' && *q <= '9') {
		while (q < j->end && *q >= '0' && *q <= '9')
			q++;
	} else {
		return jfail(j, "bad number");
	}
	if (q < j->end && *q == '.') {
		if (++q >= j->end || *q < '0' || *q > '9')
			return jfail(j, "bad number");
		while (q < j->end && *q >= '0' && *q <= '9')
			q++;
	}
	if (q < j->end && (*q == 'e' || *q == 'E')) {
		q++;
		if (q < j->end && (*q == '+' || *q == '-'))
			q++;
		if (q >= j->end || *q < '0' || *q > '9')
			return jfail(j, "bad number");
		while (q < j->end && *q >= '0' && *q <= '9')
			q++;
	}
	if ((size_t)(q - j->p) >= sizeof(buf))
		return jfail(j, "number too long");
	memcpy(buf, j->p, q - j->p);
	buf[q - j->p] = '\0';
	*out = strtod(buf, NULL);
	j->p = q;
	return 0;
}

static int jvalue(struct jparser *j, struct jval *v);

static int jpush(struct jval *v, char *key, size_t *cap)
{
	if (v->n == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;
		struct jval *kids = realloc(v->kids, nc * sizeof(*kids));

		if (!kids)
			return -ENOMEM;
		v->kids = kids;
		if (v->kind == J_OBJ) {
			char **keys = realloc(v->keys, nc * sizeof(*keys));

			if (!keys)
				return -ENOMEM;
			v->keys = keys;
		}
		*cap = nc;
	}
	memset(&v->kids[v->n], 0, sizeof(v->kids[0]));
	if (v->kind == J_OBJ)
		v->keys[v->n] = key;
	v->n++;
	return 0;
}

static int jcontainer(struct jparser *j, struct jval *v)
{
	char close = v->kind == J_OBJ ? '}' : ']';
	size_t cap = 0;
	int err;

	if (++j->depth > JSON_DEPTH_MAX)
		return jfail(j, "nested too deeply");
	j->p++;
	jspace(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		j->depth--;
		return 0;
	}
	for (;;) {
		char *key = NULL;

		if (v->kind == J_OBJ) {
			if (j->p >= j->end || *j->p != '"')
				return jfail(j, "expected a key string");
			err = jstring(j, &key);
			if (err)
				return err;
			jspace(j);
			if (j->p >= j->end || *j->p != ':') {
				free(key);
				return jfail(j, "expected ':'");
			}
			j->p++;
		}
		err = jpush(v, key, &cap);
		if (err) {
			free(key);
			return err;
		}
		err = jvalue(j, &v->kids[v->n - 1]);
		if (err)
			return err;
		jspace(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			jspace(j);
			continue;
		}
		if (j->p < j->end && *j->p == close) {
			j->p++;
			break;
		}
		return jfail(j, v->kind == J_OBJ ? "expected ',' or '}'" : "expected ',' or ']'");
	}
	j->depth--;
	return 0;
}

static int jvalue(struct jparser *j, struct jval *v)
{
	static const struct { const char *word; enum jkind kind; bool b; } words[] = {
		{ "null", J_NULL, false }, { "true", J_BOOL, true }, { "false", J_BOOL, false },
	};
	size_t i;

	jspace(j);
	v->line = j->line;
	v->col = jcol(j);
	if (j->p >= j->end)
		return jfail(j, "expected a value");
	switch (*j->p) {
	case '{':
		v->kind = J_OBJ;
		return jcontainer(j, v);
	case '[':
		v->kind = J_ARR;
		return jcontainer(j, v);
	case '"':
		v->kind = J_STR;
		return jstring(j, &v->str);
	case '-': case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		v->kind = J_NUM;
		return jnumber(j, &v->num);
	}
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		size_t n = strlen(words[i].word);

		if ((size_t)(j->end - j->p) >= n && !strncmp(j->p, words[i].word, n)) {
			v->kind = words[i].kind;
			v->b = words[i].b;
			j->p += n;
			return 0;
		}
	}
	return jfail(j, "expected a value");
}

static const struct jval *jget(const struct jval *obj, const char *key)
{
	size_t i;

	for (i = 0; i < obj->n; i++)
		if (!strcmp(obj->keys[i], key))
			return &obj->kids[i];
	return NULL;
}

/* The schema walker's state: where it is, for messages. */
struct jwalk {
	char *err;
	size_t errsz;
	char path[96];
};

static int jwrong(struct jwalk *w, const struct jval *v, const char *key, const char *want)
{
	if (!v)
		set_err(w->err, w->errsz, "%s: missing \"%s\" (%s)", w->path, key, want);
	else
		set_err(w->err, w->errsz, "line %u: %s: \"%s\" must be %s, not %s", v->line,
			w->path, key, want, jkind_name(v->kind));
	return -EINVAL;
}

/* KEY of OBJ as a string; OPTIONAL allows it to be absent or null (*out NULL). */
static int jstr(struct jwalk *w, const struct jval *obj, const char *key, bool optional,
		const char **out)
{
	const struct jval *v = jget(obj, key);

	*out = NULL;
	if ((!v || v->kind == J_NULL) && optional)
		return 0;
	if (!v || v->kind != J_STR)
		return jwrong(w, v, key, "a string");
	*out = v->str;
	return 0;
}

static int jint(struct jwalk *w, const struct jval *obj, const char *key, long min, long max,
		long *out)
{
	const struct jval *v = jget(obj, key);

	if (!v || v->kind != J_NUM)
		return jwrong(w, v, key, "a number");
	if (v->num < min || v->num > max || v->num != (double)(long)v->num) {
		set_err(w->err, w->errsz, "line %u: %s: \"%s\" must be an integer in %ld..%ld",
			v->line, w->path, key, min, max);
		return -EINVAL;
	}
	*out = (long)v->num;
	return 0;
}

static int jbool(struct jwalk *w, const struct jval *obj, const char *key, bool def, bool *out)
{
	const struct jval *v = jget(obj, key);

	*out = def;
	if (!v)
		return 0;
	if (v->kind != J_BOOL)
		return jwrong(w, v, key, "true or false");
	*out = v->b;
	return 0;
}

static int walk_helpers(struct jwalk *w, const struct jval *arr, struct bg_kernel_row *r,
			int helper_max, const char *sec)
{
	static const char *const verdicts[] = { "refused", "allowed", "gpl", "sleep", "gpl+sleep" };
	static const unsigned char flags[] = { 0, BG_KV_CALL, BG_KV_CALL | BG_KV_GPL,
					       BG_KV_CALL | BG_KV_SLEEP,
					       BG_KV_CALL | BG_KV_GPL | BG_KV_SLEEP };
	char base[64];
	size_t i, k;
	int err;

	snprintf(base, sizeof(base), "%s", w->path);
	for (i = 0; i < arr->n; i++) {
		const struct jval *h = &arr->kids[i];
		const struct bg_helper *known;
		const char *name, *verdict;
		long id;

		snprintf(w->path, sizeof(w->path), "%s.helpers[%zu]", base, i);
		if (h->kind != J_OBJ) {
			set_err(w->err, w->errsz, "line %u: %s must be an object, not %s", h->line,
				w->path, jkind_name(h->kind));
			return -EINVAL;
		}
		err = jint(w, h, "id", 1, helper_max, &id);
		if (!err)
			err = jstr(w, h, "name", true, &name);
		if (!err)
			err = jstr(w, h, "verdict", false, &verdict);
		if (err)
			return err;
		known = bg_helper__by_id(id);
		if (name && known && strcmp(name, known->name)) {
			set_err(w->err, w->errsz,
				"line %u: %s: helper %ld is '%s', not '%.64s'", h->line, w->path, id,
				known->name, name);
			return -EINVAL;
		}
		for (k = 0; k < sizeof(verdicts) / sizeof(verdicts[0]); k++)
			if (!strcmp(verdict, verdicts[k]))
				break;
		if (k == sizeof(verdicts) / sizeof(verdicts[0])) {
			set_err(w->err, w->errsz,
				"line %u: %s: unknown verdict '%.32s' (refused, allowed, gpl, sleep, "
				"gpl+sleep)", h->line, w->path, verdict);
			return -EINVAL;
		}
		if (r->verdict[id] & KV_KNOWN) {
			set_err(w->err, w->errsz, "line %u: %s: helper %ld twice in section '%s'",
				h->line, w->path, id, sec);
			return -EINVAL;
		}
		r->verdict[id] = KV_KNOWN | flags[k];
	}
	return 0;
}

static int walk_row(struct jwalk *w, const struct jval *row, struct bg_kernel_table *t)
{
	const char *sec, *type_s, *attach, *reason;
	enum bg_prog_type type;
	const struct jval *helpers;
	struct bg_kernel_row *r;
	bool sleepable, measured;
	int err;

	if (row->kind != J_OBJ) {
		set_err(w->err, w->errsz, "line %u: %s must be an object, not %s", row->line,
			w->path, jkind_name(row->kind));
		return -EINVAL;
	}
	err = jstr(w, row, "section", false, &sec);
	if (!err)
		err = jstr(w, row, "prog_type", false, &type_s);
	if (!err)
		err = jstr(w, row, "attach_type", true, &attach);
	if (!err)
		err = jstr(w, row, "reason", true, &reason);
	if (!err)
		err = jbool(w, row, "sleepable", false, &sleepable);
	if (!err)
		err = jbool(w, row, "measured", true, &measured);
	if (err)
		return err;
	type = type_by_name(type_s);
	if (type == BG_PROG_UNSPEC) {
		set_err(w->err, w->errsz, "line %u: %s: unknown prog_type '%.64s'", row->line,
			w->path, type_s);
		return -EINVAL;
	}
	r = bg_kernel_table__add_row(t, sec, type, attach, sleepable);
	if (!r)
		return -ENOMEM;
	if (reason) {
		r->reason = strdup(reason);
		if (!r->reason)
			return -ENOMEM;
	}
	if (!measured)
		return 0;
	helpers = jget(row, "helpers");
	if (!helpers || helpers->kind != J_ARR)
		return jwrong(w, helpers, "helpers", "an array");
	r->measured = true;
	return walk_helpers(w, helpers, r, t->helper_max, sec);
}

/* {"section": S, "reason": null or why, "fields": "name@off:rw ..." or null} */
static int walk_ctx(struct jwalk *w, const struct jval *obj, struct bg_kernel_table *t)
{
	const char *sec, *reason, *fields;
	struct bg_kernel_ctx *c;
	char why[256];
	int err;

	if (obj->kind != J_OBJ) {
		set_err(w->err, w->errsz, "line %u: %s must be an object, not %s", obj->line,
			w->path, jkind_name(obj->kind));
		return -EINVAL;
	}
	err = jstr(w, obj, "section", false, &sec);
	if (!err)
		err = jstr(w, obj, "reason", true, &reason);
	if (!err)
		err = jstr(w, obj, "fields", !!reason, &fields);
	if (err)
		return err;
	if (!bg_section__find(sec)) {
		set_err(w->err, w->errsz, "line %u: %s: unknown section '%.64s'", obj->line, w->path,
			sec);
		return -EINVAL;
	}
	c = bg_kernel_table__add_ctx(t, sec);
	if (!c)
		return -ENOMEM;
	if (reason) {
		c->reason = strdup(reason);
		return c->reason ? 0 : -ENOMEM;
	}
	err = bg_kernel_ctx__parse(c, fields, why, sizeof(why));
	if (err == -EINVAL)
		set_err(w->err, w->errsz, "line %u: %s: %s", obj->line, w->path, why);
	return err;
}

int bg_kernel_table__parse_json(const char *text, size_t len, struct bg_kernel_table **out,
				char *err, size_t errsz)
{
	struct jparser j = { .p = text, .end = text + len, .line_start = text, .line = 1,
			     .err = err, .errsz = errsz };
	struct jwalk w = { .err = err, .errsz = errsz, .path = "the table" };
	struct bg_kernel_table *t = NULL;
	struct jval root = {};
	const struct jval *rows, *ctx;
	const char *release;
	long schema, helper_max;
	size_t i;
	int ret;

	*out = NULL;
	ret = jvalue(&j, &root);
	if (ret)
		goto out;
	jspace(&j);
	if (j.p < j.end) {
		ret = jfail(&j, "expected the end of the file after the table");
		goto out;
	}
	if (root.kind != J_OBJ) {
		set_err(err, errsz, "the table must be a json object, not %s", jkind_name(root.kind));
		ret = -EINVAL;
		goto out;
	}
	ret = jint(&w, &root, "schema", 0, INT32_MAX, &schema);
	if (!ret && schema != 1) {
		set_err(err, errsz, "schema %ld: this bpfgen reads schema 1", schema);
		ret = -EINVAL;
	}
	if (!ret)
		ret = jstr(&w, &root, "kernel", false, &release);
	if (!ret)
		ret = jint(&w, &root, "helper_max", 1, BG_KERNEL_HELPER_MAX, &helper_max);
	if (ret)
		goto out;
	rows = jget(&root, "rows");
	if (!rows || rows->kind != J_ARR) {
		ret = jwrong(&w, rows, "rows", "an array");
		goto out;
	}
	t = bg_kernel_table__new(release, helper_max);
	if (!t) {
		ret = -ENOMEM;
		goto out;
	}
	for (i = 0; i < rows->n; i++) {
		snprintf(w.path, sizeof(w.path), "rows[%zu]", i);
		ret = walk_row(&w, &rows->kids[i], t);
		if (ret)
			goto out;
	}
	ctx = jget(&root, "ctx");
	if (ctx && ctx->kind != J_ARR) {
		ret = jwrong(&w, ctx, "ctx", "an array");
		goto out;
	}
	for (i = 0; ctx && i < ctx->n; i++) {
		snprintf(w.path, sizeof(w.path), "ctx[%zu]", i);
		ret = walk_ctx(&w, &ctx->kids[i], t);
		if (ret)
			goto out;
	}
out:
	if (ret == -ENOMEM)
		set_err(err, errsz, "out of memory");
	jval_clear(&root);
	if (ret) {
		bg_kernel_table__free(t);
		t = NULL;
	}
	*out = t;
	return ret;
}

int bg_kernel_table__load(const char *path, struct bg_kernel_table **out, char *err, size_t errsz)
{
	size_t len = 0, cap = 0, n;
	char *buf = NULL, *nb;
	const char *p;
	FILE *f;
	int ret = 0;

	*out = NULL;
	f = fopen(path, "rb");
	if (!f) {
		ret = -errno;
		set_err(err, errsz, "cannot open: %s", strerror(-ret));
		return ret;
	}
	for (;;) {
		if (len + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 65536;
			nb = realloc(buf, cap);
			if (!nb) {
				ret = -ENOMEM;
				set_err(err, errsz, "out of memory");
				goto out;
			}
			buf = nb;
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
		if (len > TABLE_FILE_MAX) {
			set_err(err, errsz, "larger than %d MiB: not a kernel table",
				TABLE_FILE_MAX >> 20);
			ret = -EFBIG;
			goto out;
		}
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		ret = -EIO;
		set_err(err, errsz, "cannot read: %s", strerror(EIO));
		goto out;
	}
	buf[len] = '\0';
	if (memchr(buf, '\0', len)) {
		set_err(err, errsz, "binary data, not a kernel table");
		ret = -EINVAL;
		goto out;
	}
	for (p = buf; p < buf + len && strchr(" \t\r\n", *p); p++)
		;
	if (p == buf + len) {
		set_err(err, errsz, "empty file, not a kernel table");
		ret = -EINVAL;
		goto out;
	}
	if (*p == '{' || *p == '[' || *p == '"')
		ret = bg_kernel_table__parse_json(buf, len, out, err, errsz);
	else
		ret = bg_kernel_table__parse_text(buf, len, out, err, errsz);
out:
	fclose(f);
	free(buf);
	return ret;
}
