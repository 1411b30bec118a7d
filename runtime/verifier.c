// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Verifier-log capture, parsing and source mapping.
 *
 * libbpf 1.1, when the caller gives no log buffer, loads a program without a
 * log, and on failure loads it again with log_level 1 into a buffer it grows
 * on ENOSPC; it then prints the whole log in one pr_warn() between
 * "-- BEGIN PROG LOAD LOG --" and "-- END PROG LOAD LOG --". We capture that
 * message through a temporary print callback instead of giving a buffer of
 * our own, so the log is never truncated and libbpf's own retry logic stays.
 *
 * The log says which instruction failed; the object's .BTF.ext line info says
 * which source line, column and full path that instruction came from (the
 * kernel's "; ... @ file.c:42" annotations give only a basename and no
 * column, and are the fallback).
 */
#include <errno.h>
#include <gelf.h>
#include <libelf.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <linux/btf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "internal.h"

/* ------------------------------------------------------------------ */
/* Parsing a log                                                       */
/* ------------------------------------------------------------------ */

struct span {
	const char *p;
	size_t len;
};

static bool starts(const struct span *l, const char *s)
{
	size_t n = strlen(s);

	return l->len >= n && !memcmp(l->p, s, n);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Digits at P[0..LEN) as an int; -1 when none or too large. *USED: digits read. */
static int parse_uint(const char *p, size_t len, size_t *used)
{
	long v = 0;
	size_t i;

	for (i = 0; i < len && is_digit(p[i]); i++) {
		v = v * 10 + (p[i] - '0');
		if (v > 0x7fffffff)
			return -1;
	}
	if (used)
		*used = i;
	return i ? (int)v : -1;
}

/* "24: (79) r2 = ..." -> 24; else -1. */
static int insn_index(const struct span *l)
{
	size_t n;
	int idx = parse_uint(l->p, l->len, &n);

	if (idx < 0 || n + 6 > l->len)
		return -1;
	if (memcmp(l->p + n, ": (", 3) || l->p[n + 5] != ')')
		return -1;
	return idx;
}

/* The summary lines after the failure, which are not the failure. */
static bool is_summary(const struct span *l)
{
	return starts(l, "processed ") || starts(l, "verification time ") ||
	       starts(l, "stack depth ");
}

/* Register and stack state the verifier prints between instructions:
 * "from 5 to 26: R0=1", "17: R0=...", "R1=ctx() R10=fp0", "cur state: ...". */
static bool is_state(const struct span *l)
{
	size_t n;

	if (starts(l, "from ") || starts(l, "cur state:") || starts(l, "old state:") ||
	    starts(l, "fp-"))
		return true;
	/* "frame1: R1=..." (not "frame pointer is read only") */
	if (starts(l, "frame") && parse_uint(l->p + 5, l->len - 5, &n) >= 0 && 5 + n < l->len &&
	    l->p[5 + n] == ':')
		return true;
	if (parse_uint(l->p, l->len, &n) >= 0 && n + 3 <= l->len && l->p[n] == ':' &&
	    l->p[n + 1] == ' ' && (l->p[n + 2] == 'R' || l->p[n + 2] == 'f'))
		return true;
	if (l->len >= 3 && l->p[0] == 'R' && is_digit(l->p[1])) {
		for (n = 1; n < l->len && is_digit(l->p[n]); n++)
			;
		return n < l->len && (l->p[n] == '=' || l->p[n] == '_');
	}
	return false;
}

struct annot {
	const char *file;	/* basename, as the kernel prints it */
	size_t file_len;
	int line;
};

/* "; int x = 1; @ file.bpf.c:42" -> file.bpf.c, 42 (line 0, which the compiler
 * gives to code of no line, is no location). */
static bool parse_annot(const struct span *l, struct annot *a)
{
	const char *at = NULL, *colon = NULL;
	size_t i, n;
	int line;

	if (!l->len || l->p[0] != ';')
		return false;
	for (i = 0; i + 3 <= l->len; i++)
		if (!memcmp(l->p + i, " @ ", 3))
			at = l->p + i + 3;
	if (!at)
		return false;
	for (i = at - l->p; i < l->len; i++)
		if (l->p[i] == ':')
			colon = l->p + i;
	if (!colon || colon == at)
		return false;
	line = parse_uint(colon + 1, l->p + l->len - colon - 1, &n);
	if (line <= 0)
		return false;
	a->file = at;
	a->file_len = colon - at;
	a->line = line;
	return true;
}

/* The next line at *CUR (without its newline or a '\r'); false at the end. */
static bool next_line(const char **cur, struct span *l)
{
	const char *p = *cur, *nl;

	if (!*p)
		return false;
	nl = strchr(p, '\n');
	l->p = p;
	l->len = nl ? (size_t)(nl - p) : strlen(p);
	*cur = nl ? nl + 1 : p + l->len;
	if (l->len && l->p[l->len - 1] == '\r')
		l->len--;
	return true;
}

/* The first line of instruction INSN and the annotation before it. */
static bool find_insn(const char *log, int insn, struct span *out, struct annot *a)
{
	struct annot cur = {};
	struct span l;

	while (next_line(&log, &l)) {
		struct annot t;

		if (parse_annot(&l, &t))
			cur = t;
		else if (insn_index(&l) == insn) {
			*out = l;
			*a = cur;
			return true;
		}
	}
	return false;
}

/* "alloc_insn=10" in S -> 10, else -1. */
static int alloc_insn(const char *s)
{
	const char *p = strstr(s, "alloc_insn=");

	return p ? parse_uint(p + 11, strlen(p + 11), NULL) : -1;
}

#define MSG_LINES 2

int bpfgen_verifier_parse(const char *log, struct bpfgen_verifier_error *err)
{
	struct span l, msg[MSG_LINES] = {}, call = {};
	struct annot cur = {}, at_fail = {}, t;
	const char *p = log;
	size_t nmsg = 0, i, k, len, n;
	int insn = -1, alloc;
	char *m;

	memset(err, 0, sizeof(*err));
	err->insn = -1;
	if (!log)
		return -EINVAL;

	/*
	 * The failure is what follows the last instruction: the lines that are
	 * neither instructions, annotations, state nor the summary. An
	 * instruction or annotation after a message means the message was not
	 * the end (a log that stops at an instruction has no failure in it).
	 */
	while (next_line(&p, &l)) {
		int idx;

		if (!l.len || is_summary(&l) || is_state(&l))
			continue;
		if (parse_annot(&l, &t)) {
			cur = t;
			nmsg = 0;
			continue;
		}
		if (l.p[0] == ';') {	/* an annotation with no location */
			nmsg = 0;
			continue;
		}
		idx = insn_index(&l);
		if (idx >= 0) {
			insn = idx;
			at_fail = cur;
			nmsg = 0;
			continue;
		}
		/* "22: (7": an instruction a full fixed-size log buffer cut */
		if (parse_uint(l.p, l.len, &n) >= 0 && n < l.len && l.p[n] == ':') {
			nmsg = 0;
			continue;
		}
		/* keep the last MSG_LINES: "invalid access to packet, off=12
		 * size=2" then "R1 offset is outside of the packet" */
		if (nmsg == MSG_LINES)
			memmove(msg, msg + 1, sizeof(msg[0]) * (MSG_LINES - 1));
		else
			nmsg++;
		msg[nmsg - 1] = l;
	}
	if (!nmsg)
		return -EINVAL;

	for (i = 0, len = 0; i < nmsg; i++)
		len += msg[i].len + 2;
	m = malloc(len + 1);
	if (!m)
		return -ENOMEM;
	for (i = 0, k = 0; i < nmsg; i++) {
		if (i) {
			memcpy(m + k, "; ", 2);
			k += 2;
		}
		memcpy(m + k, msg[i].p, msg[i].len);
		k += msg[i].len;
	}
	m[k] = '\0';
	err->message = m;
	err->log = strdup(log);
	if (!err->log) {
		bpfgen_verifier_error__fini(err);
		return -ENOMEM;
	}

	/* A leaked reference: what matters is where it was taken, and what
	 * took it tells a ring buffer record from a socket. */
	alloc = alloc_insn(m);
	if (alloc >= 0 && find_insn(log, alloc, &call, &t)) {
		insn = alloc;
		at_fail = t;
	}
	err->insn = insn;
	if (at_fail.file) {
		err->file = strndup(at_fail.file, at_fail.file_len);
		err->line = at_fail.line;
	}
	{
		char *c = call.p ? strndup(call.p, call.len) : NULL;
		const struct bpfgen_verifier_explain *e = bpfgen_verifier__explain(m, c);

		free(c);
		if (e) {
			err->explanation = e->explanation;
			err->rule = e->rule;
		}
	}
	return 0;
}

void bpfgen_verifier_error__fini(struct bpfgen_verifier_error *err)
{
	if (!err)
		return;
	free((char *)err->prog);
	free((char *)err->message);
	free((char *)err->file);
	free((char *)err->log);
	memset(err, 0, sizeof(*err));
	err->insn = -1;
}

/* ------------------------------------------------------------------ */
/* Source mapping through .BTF.ext                                     */
/* ------------------------------------------------------------------ */

struct btf_ext_hdr {
	__u16 magic;
	__u8 version;
	__u8 flags;
	__u32 hdr_len;
	__u32 func_info_off;
	__u32 func_info_len;
	__u32 line_info_off;
	__u32 line_info_len;
};

struct line_rec {	/* struct bpf_line_info */
	__u32 insn_off;	/* bytes from the start of the ELF section */
	__u32 file_name_off;
	__u32 line_off;
	__u32 line_col;	/* line << 10 | col */
};

struct elf_view {
	Elf *elf;
	char *image;		/* our copy: libelf may want to write */
	struct btf *btf;
	const unsigned char *ext;	/* .BTF.ext */
	size_t ext_sz;
	Elf_Scn *symtab;
	size_t strndx;
};

static void elf_view__fini(struct elf_view *v)
{
	btf__free(v->btf);
	if (v->elf)
		elf_end(v->elf);
	free(v->image);
	memset(v, 0, sizeof(*v));
}

static int elf_view__init(struct elf_view *v, const void *data, size_t sz)
{
	Elf_Scn *scn = NULL;
	Elf_Data *btf_data = NULL;
	GElf_Shdr sh;

	memset(v, 0, sizeof(*v));
	if (elf_version(EV_CURRENT) == EV_NONE)
		return -EINVAL;
	v->image = malloc(sz ? sz : 1);
	if (!v->image)
		return -ENOMEM;
	memcpy(v->image, data, sz);
	v->elf = elf_memory(v->image, sz);
	if (!v->elf || elf_kind(v->elf) != ELF_K_ELF || elf_getshdrstrndx(v->elf, &v->strndx))
		goto bad;
	while ((scn = elf_nextscn(v->elf, scn))) {
		const char *name;
		Elf_Data *d;

		if (!gelf_getshdr(scn, &sh))
			goto bad;
		if (sh.sh_type == SHT_SYMTAB) {
			v->symtab = scn;
			continue;
		}
		name = elf_strptr(v->elf, v->strndx, sh.sh_name);
		if (!name || (strcmp(name, ".BTF") && strcmp(name, ".BTF.ext")))
			continue;
		d = elf_getdata(scn, NULL);
		if (!d || !d->d_buf)
			continue;
		if (!strcmp(name, ".BTF")) {
			btf_data = d;
		} else {
			v->ext = d->d_buf;
			v->ext_sz = d->d_size;
		}
	}
	if (!btf_data || !v->ext || !v->symtab)
		goto bad;
	v->btf = btf__new(btf_data->d_buf, btf_data->d_size);
	if (!v->btf)
		goto bad;
	return 0;
bad:
	elf_view__fini(v);
	return -ENOENT;
}

/* The function symbol NAME: its section's name, start and size in bytes. */
static int find_func(struct elf_view *v, const char *name, const char **sec, size_t *start,
		     size_t *size)
{
	Elf_Data *d = elf_getdata(v->symtab, NULL);
	GElf_Shdr sh;
	GElf_Sym sym;
	size_t i, n;

	if (!d || !gelf_getshdr(v->symtab, &sh) || !sh.sh_entsize)
		return -ENOENT;
	n = sh.sh_size / sh.sh_entsize;
	for (i = 0; i < n; i++) {
		const char *s;
		Elf_Scn *scn;
		GElf_Shdr fsh;

		if (!gelf_getsym(d, i, &sym) || GELF_ST_TYPE(sym.st_info) != STT_FUNC)
			continue;
		s = elf_strptr(v->elf, sh.sh_link, sym.st_name);
		if (!s || strcmp(s, name))
			continue;
		scn = elf_getscn(v->elf, sym.st_shndx);
		if (!scn || !gelf_getshdr(scn, &fsh))
			return -ENOENT;
		*sec = elf_strptr(v->elf, v->strndx, fsh.sh_name);
		*start = sym.st_value;
		*size = sym.st_size;
		return *sec ? 0 : -ENOENT;
	}
	return -ENOENT;
}

/*
 * Calls FN for each line record of .BTF.ext (with its section's name).
 * Every length is checked against the section: a broken object maps nothing.
 */
static void for_each_line(struct elf_view *v,
			  bool (*fn)(void *ctx, const char *sec, const struct line_rec *r),
			  void *ctx)
{
	const struct btf_ext_hdr *h = (const void *)v->ext;
	const unsigned char *p, *end;
	__u32 rec_size;

	if (v->ext_sz < sizeof(*h) || h->magic != 0xeB9F || h->hdr_len < sizeof(*h) ||
	    h->hdr_len > v->ext_sz || h->line_info_off > v->ext_sz - h->hdr_len ||
	    h->line_info_len > v->ext_sz - h->hdr_len - h->line_info_off || h->line_info_len < 4)
		return;
	p = v->ext + h->hdr_len + h->line_info_off;
	end = p + h->line_info_len;
	memcpy(&rec_size, p, 4);
	p += 4;
	if (rec_size < sizeof(struct line_rec))
		return;
	while ((size_t)(end - p) >= 8) {
		__u32 name_off, num, i;
		const char *sec;

		memcpy(&name_off, p, 4);
		memcpy(&num, p + 4, 4);
		p += 8;
		if (num > (size_t)(end - p) / rec_size)
			return;
		sec = btf__name_by_offset(v->btf, name_off);
		for (i = 0; i < num; i++, p += rec_size) {
			struct line_rec r;

			memcpy(&r, p, sizeof(r));
			if (sec && !fn(ctx, sec, &r))
				return;
		}
	}
}

struct find_line {
	const char *sec;
	size_t start, end, off;
	struct line_rec best;
	bool found;
};

static bool find_line_fn(void *ctx, const char *sec, const struct line_rec *r)
{
	struct find_line *f = ctx;

	/* The kernel's rule: an instruction belongs to the last record at
	 * or before it; records of line 0 (code the compiler gave no line)
	 * are skipped so that they do not hide the statement. */
	if (strcmp(sec, f->sec) || r->insn_off < f->start || r->insn_off >= f->end ||
	    r->insn_off > f->off || !(r->line_col >> 10))
		return true;
	if (!f->found || r->insn_off >= f->best.insn_off) {
		f->best = *r;
		f->found = true;
	}
	return true;
}

struct find_file {
	struct btf *btf;
	const char *base;
	size_t base_len;
	const char *path;
};

static bool find_file_fn(void *ctx, const char *sec, const struct line_rec *r)
{
	struct find_file *f = ctx;
	const char *s = btf__name_by_offset(f->btf, r->file_name_off), *b;

	if (!s)
		return true;
	b = strrchr(s, '/');
	b = b ? b + 1 : s;
	if (strlen(b) == f->base_len && !memcmp(b, f->base, f->base_len)) {
		f->path = s;
		return false;
	}
	return true;
}

/*
 * Map ERR (ERR->prog, ERR->insn) to file:line:col through the line info of
 * the ELF image DATA. An instruction past the program's own body (a
 * subprogram libbpf appended) keeps the log's annotation, whose basename is
 * replaced by the full path the line info holds for it. A failure with no
 * instruction (stack size, a libbpf refusal) goes to the program's first line.
 */
static void map_source(struct bpfgen_verifier_error *err, const void *data, size_t sz)
{
	struct find_line f = {};
	struct elf_view v;
	size_t start, size;
	const char *sec;
	int insn = err->insn < 0 ? 0 : err->insn;

	if (!data || !err->prog || elf_view__init(&v, data, sz))
		return;
	if (find_func(&v, err->prog, &sec, &start, &size))
		goto out;
	if ((size_t)insn < size / 8 && (err->insn >= 0 || !err->file)) {
		f.sec = sec;
		f.start = start;
		f.end = start + size;
		f.off = start + (size_t)insn * 8;
		for_each_line(&v, find_line_fn, &f);
		if (f.found) {
			const char *file = btf__name_by_offset(v.btf, f.best.file_name_off);
			char *copy = file ? strdup(file) : NULL;

			if (copy) {
				free((char *)err->file);
				err->file = copy;
				err->line = f.best.line_col >> 10;
				err->col = f.best.line_col & 0x3ff;
			}
			goto out;
		}
	}
	if (err->file && !strchr(err->file, '/')) {
		struct find_file ff = { v.btf, err->file, strlen(err->file), NULL };
		char *copy;

		for_each_line(&v, find_file_fn, &ff);
		if (ff.path && (copy = strdup(ff.path))) {
			free((char *)err->file);
			err->file = copy;
		}
	}
out:
	elf_view__fini(&v);
}

/*
 * With no ELF image, the object's BTF still holds the file names of its line
 * info among its strings: the one string whose basename is the annotation's
 * gives the full path (two candidates: keep the basename).
 */
static void full_path_from_btf(struct bpfgen_verifier_error *err, const struct btf *btf)
{
	const struct btf_header *h;
	const char *str, *end, *p, *found = NULL;
	size_t base_len;
	__u32 sz;
	char *copy;

	if (!btf || !err->file || strchr(err->file, '/'))
		return;
	h = btf__raw_data(btf, &sz);
	if (!h || sz < sizeof(*h) || h->magic != 0xeB9F || h->hdr_len > sz ||
	    h->str_off > sz - h->hdr_len || h->str_len > sz - h->hdr_len - h->str_off)
		return;
	str = (const char *)h + h->hdr_len + h->str_off;
	end = str + h->str_len;
	base_len = strlen(err->file);
	for (p = str; p < end;) {
		const char *nul = memchr(p, '\0', end - p), *b;

		if (!nul)
			break;
		b = memrchr(p, '/', nul - p);
		if (b && (size_t)(nul - b - 1) == base_len && !memcmp(b + 1, err->file, base_len)) {
			if (found && strcmp(found, p))
				return;
			found = p;
		}
		p = nul + 1;
	}
	if (found && (copy = strdup(found))) {
		free((char *)err->file);
		err->file = copy;
	}
}

/* ------------------------------------------------------------------ */
/* Capturing libbpf's output during a load                             */
/* ------------------------------------------------------------------ */

static const char log_begin[] = "-- BEGIN PROG LOAD LOG --\n";
static const char log_end[] = "-- END PROG LOAD LOG --";

struct capture {
	libbpf_print_fn_t prev;
	bool quiet;		/* BPFGEN_QUIET: libbpf's own lines are not forwarded either */
	char *log;		/* the last failing program's whole log */
	char *log_prog;
	char **warns;		/* libbpf's warnings, for a failure with no log */
	size_t nwarns;
};

/* libbpf's print callback takes no context: one load captures at a time. */
static pthread_mutex_t capture_lock = PTHREAD_MUTEX_INITIALIZER;
static struct capture *capture;

/* "[libbpf: ]prog 'NAME': ..." -> a copy of NAME, else NULL. */
static char *prog_of(const char *msg)
{
	const char *q;

	if (!strncmp(msg, "libbpf: ", 8))
		msg += 8;
	if (strncmp(msg, "prog '", 6))
		return NULL;
	q = strchr(msg + 6, '\'');
	return q ? strndup(msg + 6, q - msg - 6) : NULL;
}

static int capture_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	struct capture *c = capture;
	char *msg = NULL, *b, *e;
	va_list copy;
	int ret = 0;

	/* another thread's libbpf call that read the callback just before
	 * the load restored the previous one: nothing to capture into */
	if (!c)
		return 0;
	va_copy(copy, ap);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	if (msg && (b = strstr(msg, log_begin))) {
		/* the log itself is ours; a successful load's (debug) log is dropped */
		if (level == LIBBPF_WARN) {
			b += sizeof(log_begin) - 1;
			e = strstr(b, log_end);
			free(c->log);
			free(c->log_prog);
			c->log = strndup(b, e ? (size_t)(e - b) : strlen(b));
			c->log_prog = prog_of(msg);
		}
		free(msg);
		va_end(copy);
		return 0;
	}
	if (msg && level == LIBBPF_WARN) {
		char **v = realloc(c->warns, (c->nwarns + 1) * sizeof(*v));

		if (v) {
			c->warns = v;
			c->warns[c->nwarns++] = msg;
			msg = NULL;
		}
	}
	free(msg);
	if (c->prev && !c->quiet)
		ret = c->prev(level, fmt, copy);
	va_end(copy);
	return ret;
}

static void capture__fini(struct capture *c)
{
	size_t i;

	free(c->log);
	free(c->log_prog);
	for (i = 0; i < c->nwarns; i++)
		free(c->warns[i]);
	free(c->warns);
}

/* libbpf's words that only repeat that something failed, not what. */
static bool is_generic(const char *msg)
{
	static const char *const generic[] = {
		"failed to load object",
		"failed to load: -",
		"failed to prepare load attributes",
		"Retrying without BTF",
		"failed to load program",
		"failed to load BPF skeleton",
	};
	size_t i;

	for (i = 0; i < sizeof(generic) / sizeof(generic[0]); i++)
		if (strstr(msg, generic[i]))
			return true;
	return false;
}

/* The error of a failure libbpf reported with no verifier log (a map the
 * kernel refused, a BTF target not found, an unknown section). */
static int from_warnings(struct capture *c, struct bpfgen_verifier_error *err)
{
	const char *pick = NULL;
	char *m;
	size_t i, len;

	for (i = 0; i < c->nwarns && !pick; i++)
		if (!is_generic(c->warns[i]))
			pick = c->warns[i];
	for (i = 0; i < c->nwarns && !pick; i++)
		pick = c->warns[i];
	if (!pick)
		return -ENOENT;
	if (!strncmp(pick, "libbpf: ", 8))
		pick += 8;
	len = strlen(pick);
	while (len && (pick[len - 1] == '\n' || pick[len - 1] == ' '))
		len--;
	m = strndup(pick, len);
	if (!m)
		return -ENOMEM;
	err->message = m;
	err->prog = prog_of(m);
	{
		const struct bpfgen_verifier_explain *e = bpfgen_verifier_explain(m);

		if (e) {
			err->explanation = e->explanation;
			err->rule = e->rule;
		}
	}
	return 0;
}

/* Load OBJ, or skeleton S when not NULL, capturing libbpf's output. */
static int load(struct bpf_object *obj, struct bpf_object_skeleton *s, const void *elf,
		size_t elf_sz, struct bpfgen_verifier_error *err, FILE *out)
{
	struct bpfgen_verifier_error local;
	struct capture c = {};
	int ret;

	if (!err)
		err = &local;
	memset(err, 0, sizeof(*err));
	err->insn = -1;

	pthread_mutex_lock(&capture_lock);
	capture = &c;
	c.quiet = out == BPFGEN_QUIET;
	c.prev = libbpf_set_print(capture_print);
	ret = s ? bpf_object__load_skeleton(s) : bpf_object__load(obj);
	libbpf_set_print(c.prev);
	capture = NULL;
	pthread_mutex_unlock(&capture_lock);

	if (!ret)
		goto out;
	if (!c.log || bpfgen_verifier_parse(c.log, err)) {
		if (from_warnings(&c, err)) {
			/* nothing said why: the error is all there is */
			char *m = NULL;

			if (asprintf(&m, "failed to load: %s", strerror(-ret)) >= 0)
				err->message = m;
		}
		if (c.log && !err->log)
			err->log = strdup(c.log);
	}
	if (!err->prog && c.log_prog)
		err->prog = strdup(c.log_prog);
	err->err = ret;
	if (elf)
		map_source(err, elf, elf_sz);
	else
		full_path_from_btf(err, bpf_object__btf(obj));
	if (out && out != BPFGEN_QUIET)
		bpfgen_verifier_error__print(err, out);
out:
	capture__fini(&c);
	if (err == &local)
		bpfgen_verifier_error__fini(err);
	return ret;
}

int bpfgen_object__load_elf(struct bpf_object *obj, const void *elf, size_t elf_sz,
			    struct bpfgen_verifier_error *err, FILE *out)
{
	return load(obj, NULL, elf, elf_sz, err, out);
}

int bpfgen_object__load(struct bpf_object *obj, struct bpfgen_verifier_error *err, FILE *out)
{
	/* libbpf 1.1 keeps no way back to the object's ELF file: the log's
	 * annotations locate the failure (line, no column), and the object's
	 * BTF strings give the full path */
	return load(obj, NULL, NULL, 0, err, out ? out : stderr);
}

int bpfgen_skel__load(struct bpf_object_skeleton *s, struct bpfgen_verifier_error *err, FILE *out)
{
	/* a skeleton embeds its ELF: full source mapping */
	return load(*s->obj, s, s->data, s->data_sz, err, out ? out : stderr);
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */
/* ------------------------------------------------------------------ */

void bpfgen_verifier_error__print(const struct bpfgen_verifier_error *err, FILE *out)
{
	struct bpfgen_src src = {};

	if (!err)
		return;
	if (!out)
		out = stderr;
	if (err->file && err->line > 0)
		fprintf(out, "%s:%d:%d: ", err->file, err->line, err->col > 0 ? err->col : 1);
	else if (err->file)
		fprintf(out, "%s: ", err->file);
	fprintf(out, "error: %s [verifier]\n", err->message ? err->message : "failed to load");
	if (err->file && err->line > 0) {
		const char *text;
		size_t len, lead = 0;
		int col = err->col;

		/* no column (line info from the log): the statement's start */
		if (col <= 0 && (text = bpfgen_src__line(&src, err->file, err->line, &len))) {
			while (lead < len && (text[lead] == ' ' || text[lead] == '\t'))
				lead++;
			col = lead + 1;
		}
		bpfgen_src__snippet(&src, out, err->file, err->line, col, NULL, 0);
	}
	bpfgen_src__fini(&src);
	if (err->explanation)
		fprintf(out, "note: %s\n", err->explanation);
	if (err->rule)
		fprintf(out, "note: bpfgen check looks for this mistake at build time: [%s]\n", err->rule);
	if (err->prog && err->insn >= 0)
		fprintf(out, "note: in program '%s', instruction %d\n", err->prog, err->insn);
	else if (err->prog)
		fprintf(out, "note: in program '%s'\n", err->prog);
}
