// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bpfgen lsp: the checker as a Language Server Protocol server on stdin and
 * stdout. Each open document is checked from the editor's buffer, with the
 * flags of its compile command (compile_commands.json found as clangd finds
 * it) or of a .bpfgen file, over the cached preamble; its diagnostics are
 * published with the rule id as code, its fix-its are quick fixes, and SEC()
 * names and BPFGEN_ program macros explain their program type on hover.
 *
 * Messages that arrived while a check ran are all read before the next check
 * starts, so that a check of a text the editor already replaced never runs.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "bpfgen.h"
#include "cache.h"
#include "check.h"
#include "diag.h"
#include "parse.h"
#include "rules/rules.h"
#include "tables/kernel.h"
#include "tables/tables.h"

/* JSON-RPC and LSP error codes */
#define RPC_PARSE_ERROR -32700
#define RPC_INVALID_REQUEST -32600
#define RPC_METHOD_NOT_FOUND -32601
#define RPC_INVALID_PARAMS -32602
#define LSP_NOT_INITIALIZED -32002

/* A message larger than this is refused rather than buffered. */
#define MAX_MESSAGE (64u << 20)

struct lsp_doc {
	char *uri;
	char *path;
	char *text;
	size_t len;
	long version;
	bool dirty;		/* changed since its last check */
	struct bg_diags diags;	/* of its last check; they point into model */
	struct bg_model *model;
};

/* A compilation database already read, by the directory that holds it. */
struct lsp_db {
	char *dir;
	struct timespec mtime;
	struct bg_compdb *db;
};

struct lsp {
	int in, out;		/* the protocol's file descriptors */
	char *buf;		/* bytes read from IN not yet taken as messages */
	size_t len, cap;
	bool eof;
	bool initialized;
	bool shutdown;
	bool utf8;		/* positions count bytes, not UTF-16 code units */
	struct lsp_doc *docs;
	size_t ndocs;
	struct lsp_db *dbs;
	size_t ndbs;
	char *cache_dir;
	struct bg_rule_opts opts;
	int cwd_fd;
	bool verbose;
	unsigned long checks;	/* how many checks ran: the log tells what was skipped */
};

/* The flags to check a file with, and the directory they are relative to. */
struct lsp_flags {
	char **args;
	int nargs;
	char *dir;
	char *source;		/* what they come from, for the log */
};

static void lsp_log(struct lsp *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void lsp_log(struct lsp *l, const char *fmt, ...)
{
	va_list ap;

	if (!l->verbose)
		return;
	fputs("bpfgen lsp: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* --- framing --------------------------------------------------------------- */

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -EIO;
		p += w;
		n -= w;
	}
	return 0;
}

static int send_json(struct lsp *l, struct json_object *msg)
{
	const char *body;
	char head[64];
	size_t n;
	int err;

	body = json_object_to_json_string_ext(msg, JSON_C_TO_STRING_PLAIN |
					      JSON_C_TO_STRING_NOSLASHESCAPE);
	n = strlen(body);
	snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", n);
	err = write_all(l->out, head, strlen(head));
	if (!err)
		err = write_all(l->out, body, n);
	json_object_put(msg);
	return err;
}

/* Read what IN has; BLOCK: wait for it. 0, or -EAGAIN when nothing came, -EIO at the end. */
static int fill(struct lsp *l, bool block)
{
	struct pollfd pfd = { .fd = l->in, .events = POLLIN };
	ssize_t r;

	if (l->eof)
		return -EIO;
	if (!block && poll(&pfd, 1, 0) <= 0)
		return -EAGAIN;
	if (l->cap - l->len < 65536) {
		size_t cap = l->cap ? l->cap * 2 : 131072;
		char *nb = realloc(l->buf, cap);

		if (!nb)
			return -ENOMEM;
		l->buf = nb;
		l->cap = cap;
	}
	do
		r = read(l->in, l->buf + l->len, l->cap - l->len - 1);
	while (r < 0 && errno == EINTR);
	if (r <= 0) {
		l->eof = true;
		return -EIO;
	}
	l->len += r;
	l->buf[l->len] = '\0';
	return 0;
}

static void consume(struct lsp *l, size_t n)
{
	memmove(l->buf, l->buf + n, l->len - n);
	l->len -= n;
}

static void reply_error(struct lsp *l, struct json_object *id, int code, const char *msg)
{
	struct json_object *o = json_object_new_object(), *e = json_object_new_object();

	json_object_object_add(o, "jsonrpc", json_object_new_string("2.0"));
	json_object_object_add(o, "id", id ? json_object_get(id) : NULL);
	json_object_object_add(e, "code", json_object_new_int(code));
	json_object_object_add(e, "message", json_object_new_string(msg));
	json_object_object_add(o, "error", e);
	send_json(l, o);
}

/*
 * The next message's body (owned by the caller, NUL-terminated) in *BODY.
 * Returns 1 with a message, 0 when none is there yet (BLOCK false), -EIO at
 * the end of the input. A header block without a usable Content-Length is
 * answered with a parse error and skipped.
 */
static int next_message(struct lsp *l, bool block, char **body, size_t *blen)
{
	for (;;) {
		char *end = l->len ? memmem(l->buf, l->len, "\r\n\r\n", 4) : NULL;

		if (end) {
			size_t hlen = end - l->buf + 4, clen = 0;
			bool have = false, bad = false;
			char *head, *line;

			/* a copy: the buffer stays whole while the body is still coming */
			head = strndup(l->buf, end - l->buf);
			if (!head)
				return -ENOMEM;
			line = head;
			while (line && *line) {
				char *nl = strstr(line, "\r\n");

				if (nl)
					*nl = '\0';
				if (!strncasecmp(line, "Content-Length:", 15)) {
					char *num = line + 15, *stop;
					unsigned long long v;

					while (*num == ' ' || *num == '\t')
						num++;
					errno = 0;
					v = strtoull(num, &stop, 10);
					if (errno || stop == num || *stop || v > MAX_MESSAGE)
						bad = true;
					else
						clen = v, have = true;
				} else if (!strchr(line, ':')) {
					bad = true;
				}
				line = nl ? nl + 2 : NULL;
			}
			free(head);
			if (bad || !have) {
				consume(l, hlen);
				lsp_log(l, "header without a usable Content-Length skipped");
				reply_error(l, NULL, RPC_PARSE_ERROR, "parse error: bad message header");
				continue;
			}
			while (l->len < hlen + clen) {
				int err = fill(l, block);

				if (err)
					return err == -EAGAIN ? 0 : err;
			}
			*body = malloc(clen + 1);
			if (!*body)
				return -ENOMEM;
			memcpy(*body, l->buf + hlen, clen);
			(*body)[clen] = '\0';
			*blen = clen;
			consume(l, hlen + clen);
			return 1;
		}
		/* a header block that never ends is not a message */
		if (l->len > 65536) {
			l->len = 0;
			reply_error(l, NULL, RPC_PARSE_ERROR, "parse error: header too long");
		}
		{
			int err = fill(l, block);

			if (err)
				return err == -EAGAIN ? 0 : err;
		}
	}
}

/* --- documents --------------------------------------------------------------- */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The path of a file:// URI (owned by the caller), or NULL for another scheme. */
static char *uri_to_path(const char *uri)
{
	const char *p;
	char *path, *q;

	if (strncmp(uri, "file://", 7))
		return NULL;
	p = uri + 7;
	if (*p != '/')	/* file://host/... */
		p = strchr(p, '/');
	if (!p)
		return NULL;
	path = malloc(strlen(p) + 1);
	if (!path)
		return NULL;
	for (q = path; *p; p++) {
		if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
			*q++ = (char)(hexval(p[1]) * 16 + hexval(p[2]));
			p += 2;
		} else {
			*q++ = *p;
		}
	}
	*q = '\0';
	return path;
}

static char *path_to_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	char *uri = malloc(strlen(path) * 3 + 8), *q;
	const unsigned char *p;

	if (!uri)
		return NULL;
	q = stpcpy(uri, "file://");
	for (p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/-._~", *p)) {
			*q++ = *p;
		} else {
			*q++ = '%';
			*q++ = hex[*p >> 4];
			*q++ = hex[*p & 15];
		}
	}
	*q = '\0';
	return uri;
}

static struct lsp_doc *doc_find(struct lsp *l, const char *uri)
{
	size_t i;

	for (i = 0; uri && i < l->ndocs; i++)
		if (!strcmp(l->docs[i].uri, uri))
			return &l->docs[i];
	return NULL;
}

static void doc_results_free(struct lsp_doc *d)
{
	bg_diags__clear(&d->diags);
	bg_model__free(d->model);
	d->model = NULL;
}

static void doc_free(struct lsp_doc *d)
{
	doc_results_free(d);
	free(d->uri);
	free(d->path);
	free(d->text);
}

static int doc_set_text(struct lsp_doc *d, const char *text)
{
	size_t n = strlen(text);
	char *t = malloc(n + 1);

	if (!t)
		return -ENOMEM;
	memcpy(t, text, n + 1);
	free(d->text);
	d->text = t;
	d->len = n;
	d->dirty = true;
	return 0;
}

/* Byte offset of the start of line LINE (0-based) in D, or D->len past the end. */
static size_t line_start(const struct lsp_doc *d, unsigned line)
{
	size_t off = 0;

	while (line && off < d->len) {
		const char *nl = memchr(d->text + off, '\n', d->len - off);

		if (!nl)
			return d->len;
		off = nl - d->text + 1;
		line--;
	}
	return line ? d->len : off;
}

/* UTF-16 code units (or bytes, with utf8) of the N bytes at P. */
static unsigned units(const struct lsp *l, const char *p, size_t n)
{
	unsigned u = 0;
	size_t i;

	if (l->utf8)
		return n;
	for (i = 0; i < n; i++) {
		unsigned char c = p[i];

		if ((c & 0xc0) == 0x80)
			continue;	/* a continuation byte */
		u += c >= 0xf0 ? 2 : 1;	/* beyond the BMP: a surrogate pair */
	}
	return u;
}

/* The LSP position of byte offset OFF in D. */
static struct json_object *pos_of_offset(const struct lsp *l, const struct lsp_doc *d, size_t off)
{
	struct json_object *o = json_object_new_object();
	unsigned line = 0;
	size_t start = 0, i;

	if (off > d->len)
		off = d->len;
	for (i = 0; i < off; i++)
		if (d->text[i] == '\n') {
			line++;
			start = i + 1;
		}
	json_object_object_add(o, "line", json_object_new_int(line));
	json_object_object_add(o, "character",
			       json_object_new_int(units(l, d->text + start, off - start)));
	return o;
}

/* The byte offset of LSP position LINE, CHARACTER in D. */
static size_t offset_of_pos(const struct lsp *l, const struct lsp_doc *d, unsigned line,
			    unsigned character)
{
	size_t off = line_start(d, line);

	while (character && off < d->len && d->text[off] != '\n') {
		unsigned char c = d->text[off];
		size_t n = l->utf8 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
		unsigned u = l->utf8 ? 1 : c >= 0xf0 ? 2 : 1;

		if (u > character)
			break;
		character -= u;
		off += n;
	}
	return off > d->len ? d->len : off;
}

/* The byte offset of a diagnostic's LINE and COL (1-based, in bytes) in D. */
static size_t offset_of_loc(const struct lsp_doc *d, unsigned line, unsigned col)
{
	size_t off = line_start(d, line ? line - 1 : 0), i;

	for (i = 1; i < col && off < d->len && d->text[off] != '\n'; i++)
		off++;
	return off;
}

static bool is_ident(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/* Bytes from OFF that a diagnostic or a BG_FIX_AT_CARET fix-it covers: SEC(...), a word, a byte. */
static size_t span_at(const struct lsp_doc *d, size_t off)
{
	const char *p = d->text + off, *end = d->text + d->len;
	size_t n = 0;

	if (end - p >= 4 && !strncmp(p, "SEC", 3)) {
		const char *q = p + 3;
		int depth = 0;
		bool in_str = false;

		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		if (q < end && *q == '(') {
			for (; q < end && *q != '\n'; q++) {
				if (in_str) {
					if (*q == '\\' && q + 1 < end)
						q++;
					else if (*q == '"')
						in_str = false;
				} else if (*q == '"') {
					in_str = true;
				} else if (*q == '(') {
					depth++;
				} else if (*q == ')' && !--depth) {
					return q + 1 - p;
				}
			}
		}
	}
	while (p + n < end && is_ident(p[n]))
		n++;
	return n ? n : (p < end && *p != '\n' ? 1 : 0);
}

static struct json_object *range_of(const struct lsp *l, const struct lsp_doc *d, size_t from,
				    size_t to)
{
	struct json_object *r = json_object_new_object();

	json_object_object_add(r, "start", pos_of_offset(l, d, from));
	json_object_object_add(r, "end", pos_of_offset(l, d, to));
	return r;
}

/* The range in D of a location of D's file: at the caret, what span_at() covers. */
static struct json_object *range_of_loc(const struct lsp *l, const struct lsp_doc *d,
					const struct bg_loc *loc)
{
	size_t off;

	if (!loc->line)
		return range_of(l, d, 0, 0);
	off = offset_of_loc(d, loc->line, loc->col);
	return range_of(l, d, off, off + span_at(d, off));
}

/* A location of another file: its line and column as they are, one character wide. */
static struct json_object *range_elsewhere(const struct bg_loc *loc)
{
	struct json_object *r = json_object_new_object(), *s, *e;
	int line = loc->line ? (int)loc->line - 1 : 0, col = loc->col ? (int)loc->col - 1 : 0;

	s = json_object_new_object();
	json_object_object_add(s, "line", json_object_new_int(line));
	json_object_object_add(s, "character", json_object_new_int(col));
	e = json_object_new_object();
	json_object_object_add(e, "line", json_object_new_int(line));
	json_object_object_add(e, "character", json_object_new_int(col + 1));
	json_object_object_add(r, "start", s);
	json_object_object_add(r, "end", e);
	return r;
}

static bool in_doc(const struct lsp_doc *d, const struct bg_loc *loc)
{
	return loc->file && !strcmp(loc->file, d->path);
}

/* --- flags --------------------------------------------------------------- */

static void flags_free(struct lsp_flags *f)
{
	int i;

	for (i = 0; i < f->nargs; i++)
		free(f->args[i]);
	free(f->args);
	free(f->dir);
	free(f->source);
	memset(f, 0, sizeof(*f));
}

static int flags_add(struct lsp_flags *f, const char *a, size_t n)
{
	char **v = realloc(f->args, (f->nargs + 2) * sizeof(*v));

	if (!v)
		return -ENOMEM;
	f->args = v;
	v[f->nargs] = strndup(a, n);
	if (!v[f->nargs])
		return -ENOMEM;
	f->nargs++;
	return 0;
}

/* A .bpfgen file: clang flags separated by blanks, '#' to the end of a line is a comment. */
static int flags_read_file(struct lsp_flags *f, const char *path)
{
	char line[4096];
	FILE *in = fopen(path, "r");
	int err = 0;

	if (!in)
		return -errno;
	while (!err && fgets(line, sizeof(line), in)) {
		char *p = line, *hash = strchr(line, '#');

		if (hash)
			*hash = '\0';
		for (;;) {
			size_t n;

			p += strspn(p, " \t\r\n");
			n = strcspn(p, " \t\r\n");
			if (!n)
				break;
			err = flags_add(f, p, n);
			if (err)
				break;
			p += n;
		}
	}
	fclose(in);
	return err;
}

static const struct bg_compdb *db_get(struct lsp *l, const char *dir)
{
	char *json = NULL;
	struct lsp_db *e = NULL, *v;
	struct bg_compdb *db;
	struct stat sb;
	size_t i;

	if (asprintf(&json, "%s/compile_commands.json", dir) < 0)
		return NULL;
	if (stat(json, &sb)) {
		free(json);
		return NULL;
	}
	free(json);
	for (i = 0; i < l->ndbs; i++)
		if (!strcmp(l->dbs[i].dir, dir))
			e = &l->dbs[i];
	if (e && e->mtime.tv_sec == sb.st_mtim.tv_sec && e->mtime.tv_nsec == sb.st_mtim.tv_nsec)
		return e->db;
	/* a database that cannot be read is passed over, as clangd does */
	if (bg_compdb__load(dir, &db))
		return NULL;
	if (!e) {
		v = realloc(l->dbs, (l->ndbs + 1) * sizeof(*v));
		if (!v) {
			bg_compdb__free(db);
			return NULL;
		}
		l->dbs = v;
		e = &l->dbs[l->ndbs];
		e->dir = strdup(dir);
		if (!e->dir) {
			bg_compdb__free(db);
			return NULL;
		}
		e->db = NULL;
		l->ndbs++;
	}
	bg_compdb__free(e->db);
	e->db = db;
	e->mtime = sb.st_mtim;
	return db;
}

/* Whether entry E of a database compiles PATH (absolute). */
static bool entry_is(const struct bg_compdb_entry *e, const char *path)
{
	char *full = NULL, *real;
	bool same;

	if (e->file[0] == '/')
		full = strdup(e->file);
	else if (asprintf(&full, "%s/%s", e->dir, e->file) < 0)
		full = NULL;
	if (!full)
		return false;
	real = realpath(full, NULL);
	same = !strcmp(real ? real : full, path);
	free(real);
	free(full);
	return same;
}

/* The flags of ENTRY of DB, or of the first entry when DB does not compile the file. */
static int flags_from_db(struct lsp_flags *f, const struct bg_compdb *db, const char *path,
			 const char *dbdir)
{
	const struct bg_compdb_entry *e = NULL;
	char *real = realpath(path, NULL);
	size_t i;
	int k, err;

	for (i = 0; i < db->n && !e; i++)
		if (entry_is(&db->v[i], real ? real : path))
			e = &db->v[i];
	free(real);
	/* a file the build does not compile yet gets a neighbour's flags, as in clangd */
	if (!e && db->n)
		e = &db->v[0];
	if (!e)
		return -ENOENT;
	for (k = 0; k < e->nargs; k++) {
		err = flags_add(f, e->args[k], strlen(e->args[k]));
		if (err)
			return err;
	}
	f->dir = strdup(e->dir);
	if (asprintf(&f->source, "%s/compile_commands.json%s", dbdir, e == &db->v[0] &&
		     !entry_is(e, path) ? " (another file's entry)" : "") < 0)
		f->source = NULL;
	return f->dir ? 0 : -ENOMEM;
}

/*
 * The flags of PATH: from the nearest directory above it that holds a
 * compile_commands.json (or one in its build/), or a .bpfgen file. None
 * found: no flags, relative to the file's directory.
 */
static int flags_for(struct lsp *l, const char *path, struct lsp_flags *f)
{
	char *dir = strdup(path), *slash, *sub = NULL, *dot = NULL;
	const struct bg_compdb *db;
	int err = 0;

	memset(f, 0, sizeof(*f));
	if (!dir)
		return -ENOMEM;
	slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	for (;;) {
		if ((db = db_get(l, dir))) {
			err = flags_from_db(f, db, path, dir);
			if (err != -ENOENT)
				break;
			err = 0;
		}
		free(sub);
		if (asprintf(&sub, "%s%sbuild", dir, strcmp(dir, "/") ? "/" : "") < 0) {
			sub = NULL;
			err = -ENOMEM;
			break;
		}
		if ((db = db_get(l, sub))) {
			err = flags_from_db(f, db, path, sub);
			if (err != -ENOENT)
				break;
			err = 0;
		}
		free(dot);
		if (asprintf(&dot, "%s%s.bpfgen", dir, strcmp(dir, "/") ? "/" : "") < 0) {
			dot = NULL;
			err = -ENOMEM;
			break;
		}
		if (!access(dot, R_OK)) {
			err = flags_read_file(f, dot);
			f->dir = strdup(dir);
			f->source = strdup(dot);
			break;
		}
		if (!strcmp(dir, "/"))
			break;
		slash = strrchr(dir, '/');
		*(slash == dir ? slash + 1 : slash) = '\0';
	}
	if (!err && !f->dir) {
		char *d = strdup(path), *s = d ? strrchr(d, '/') : NULL;

		if (s)
			*(s == d ? s + 1 : s) = '\0';
		f->dir = d;
	}
	free(sub);
	free(dot);
	free(dir);
	return err;
}

/* --- checking --------------------------------------------------------------- */

static void check_doc(struct lsp *l, struct lsp_doc *d)
{
	struct lsp_flags f;
	struct bg_model *m = NULL;
	int err;

	doc_results_free(d);
	d->dirty = false;
	err = flags_for(l, d->path, &f);
	if (err) {
		bg_diags__add(&d->diags, BG_SEV_ERROR, NULL, (struct bg_loc){ d->path, 1, 1 },
			      "bpfgen: cannot find the flags of this file: %s", strerror(-err));
		flags_free(&f);
		return;
	}
	l->checks++;
	lsp_log(l, "check %s (version %ld) with %s", d->path, d->version,
		f.source ? f.source : "no flags");
	/* relative -I paths start where the command runs */
	if (f.dir && chdir(f.dir))
		lsp_log(l, "cannot enter '%s': %s", f.dir, strerror(errno));
	err = bg_parse_unsaved(d->path, d->text, d->len, (const char *const *)f.args, f.nargs,
			       l->cache_dir, &m, &d->diags);
	if (fchdir(l->cwd_fd))
		lsp_log(l, "cannot return to the server's directory: %s", strerror(errno));
	if (err) {
		bg_diags__add(&d->diags, BG_SEV_ERROR, NULL, (struct bg_loc){ d->path, 1, 1 },
			      "bpfgen: cannot parse this file: %s",
			      err == -EINVAL ? "clang refuses its flags" : strerror(-err));
	} else {
		bg_check_rules(m, &l->opts, &d->diags, 0, 0, d->text, d->len);
		bg_diags__sort(&d->diags);
		d->model = m;
	}
	flags_free(&f);
}

static int lsp_severity(enum bg_severity s)
{
	return s == BG_SEV_ERROR ? 1 : s == BG_SEV_WARNING ? 2 : 3;
}

/* The LSP Diagnostic of D's diagnostic G. */
static struct json_object *diag_json(const struct lsp *l, const struct lsp_doc *d,
				     const struct bg_diag *g)
{
	struct json_object *o = json_object_new_object(), *rel = NULL;
	char *msg = NULL, *grown;
	size_t j;

	if (in_doc(d, &g->loc) || !g->loc.file) {
		json_object_object_add(o, "range", range_of_loc(l, d, &g->loc));
		msg = strdup(g->msg);
	} else {
		/* in a header it includes: shown at the top, where it comes in */
		json_object_object_add(o, "range", range_of(l, d, 0, 0));
		if (asprintf(&msg, "in included file '%s:%u:%u': %s", g->loc.file, g->loc.line,
			     g->loc.col, g->msg) < 0)
			msg = NULL;
	}
	json_object_object_add(o, "severity", json_object_new_int(lsp_severity(g->sev)));
	if (g->rule)
		json_object_object_add(o, "code", json_object_new_string(g->rule));
	json_object_object_add(o, "source", json_object_new_string("bpfgen"));
	for (j = 0; j < g->nnotes; j++) {
		const struct bg_note *n = &g->notes[j];
		struct json_object *ri, *loc;
		char *uri;

		if (!n->loc.file) {
			/* a note with no place belongs to the message */
			if (msg && asprintf(&grown, "%s\n%s", msg, n->msg) >= 0) {
				free(msg);
				msg = grown;
			}
			continue;
		}
		uri = in_doc(d, &n->loc) ? strdup(d->uri) : path_to_uri(n->loc.file);
		if (!uri)
			continue;
		if (!rel)
			rel = json_object_new_array();
		ri = json_object_new_object();
		loc = json_object_new_object();
		json_object_object_add(loc, "uri", json_object_new_string(uri));
		json_object_object_add(loc, "range", in_doc(d, &n->loc) ?
				       range_of_loc(l, d, &n->loc) : range_elsewhere(&n->loc));
		json_object_object_add(ri, "location", loc);
		json_object_object_add(ri, "message", json_object_new_string(n->msg));
		json_object_array_add(rel, ri);
		free(uri);
	}
	json_object_object_add(o, "message", json_object_new_string(msg ? msg : g->msg));
	if (rel)
		json_object_object_add(o, "relatedInformation", rel);
	free(msg);
	return o;
}

static void notify(struct lsp *l, const char *method, struct json_object *params)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "jsonrpc", json_object_new_string("2.0"));
	json_object_object_add(o, "method", json_object_new_string(method));
	json_object_object_add(o, "params", params);
	send_json(l, o);
}

static void publish(struct lsp *l, const struct lsp_doc *d, bool empty)
{
	struct json_object *p = json_object_new_object(), *arr = json_object_new_array();
	size_t i;

	for (i = 0; !empty && i < d->diags.n; i++)
		json_object_array_add(arr, diag_json(l, d, &d->diags.v[i]));
	json_object_object_add(p, "uri", json_object_new_string(d->uri));
	if (!empty)
		json_object_object_add(p, "version", json_object_new_int64(d->version));
	json_object_object_add(p, "diagnostics", arr);
	notify(l, "textDocument/publishDiagnostics", p);
}

static void check_and_publish(struct lsp *l, struct lsp_doc *d)
{
	check_doc(l, d);
	publish(l, d, false);
}

/* --- requests --------------------------------------------------------------- */

static struct json_object *get(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	if (!o || !json_object_is_type(o, json_type_object) || !json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

static const char *get_str(struct json_object *o, const char *key)
{
	struct json_object *v = get(o, key);

	return v && json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

static bool get_uint(struct json_object *o, const char *key, unsigned *out)
{
	struct json_object *v = get(o, key);
	int64_t n;

	if (!v || !json_object_is_type(v, json_type_int))
		return false;
	n = json_object_get_int64(v);
	if (n < 0 || n > INT32_MAX)
		return false;
	*out = (unsigned)n;
	return true;
}

static void reply(struct lsp *l, struct json_object *id, struct json_object *result)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "jsonrpc", json_object_new_string("2.0"));
	json_object_object_add(o, "id", json_object_get(id));
	json_object_object_add(o, "result", result);
	send_json(l, o);
}

static struct json_object *capabilities(void)
{
	struct json_object *caps = json_object_new_object(), *sync = json_object_new_object();
	struct json_object *save = json_object_new_object(), *ca = json_object_new_object();
	struct json_object *kinds = json_object_new_array();

	json_object_object_add(sync, "openClose", json_object_new_boolean(1));
	/* the whole text with every change: a check parses all of it anyway */
	json_object_object_add(sync, "change", json_object_new_int(1));
	json_object_object_add(save, "includeText", json_object_new_boolean(0));
	json_object_object_add(sync, "save", save);
	json_object_object_add(caps, "textDocumentSync", sync);
	json_object_object_add(caps, "hoverProvider", json_object_new_boolean(1));
	json_object_array_add(kinds, json_object_new_string("quickfix"));
	json_object_object_add(ca, "codeActionKinds", kinds);
	json_object_object_add(caps, "codeActionProvider", ca);
	return caps;
}

static void on_initialize(struct lsp *l, struct json_object *id, struct json_object *params)
{
	struct json_object *res = json_object_new_object(), *info = json_object_new_object();
	struct json_object *enc = get(get(get(params, "capabilities"), "general"), "positionEncodings");
	struct json_object *caps = capabilities();
	size_t i;

	/* UTF-16 unless the client counts bytes too (LSP 3.17) */
	for (i = 0; enc && json_object_is_type(enc, json_type_array) &&
		    i < json_object_array_length(enc); i++) {
		const char *e = json_object_get_string(json_object_array_get_idx(enc, i));

		if (e && !strcmp(e, "utf-8"))
			l->utf8 = true;
	}
	if (l->utf8)
		json_object_object_add(caps, "positionEncoding", json_object_new_string("utf-8"));
	json_object_object_add(res, "capabilities", caps);
	json_object_object_add(info, "name", json_object_new_string("bpfgen"));
	json_object_object_add(info, "version", json_object_new_string(BPFGEN_VERSION));
	json_object_object_add(res, "serverInfo", info);
	l->initialized = true;
	reply(l, id, res);
}

static void on_did_open(struct lsp *l, struct json_object *params)
{
	struct json_object *td = get(params, "textDocument"), *ver = get(td, "version");
	const char *uri = get_str(td, "uri"), *text = get_str(td, "text");
	struct lsp_doc *d, *v;
	char *path;

	if (!uri || !text || !(path = uri_to_path(uri))) {
		lsp_log(l, "didOpen without a file uri or its text ignored");
		return;
	}
	d = doc_find(l, uri);
	if (!d) {
		v = realloc(l->docs, (l->ndocs + 1) * sizeof(*v));
		if (!v) {
			free(path);
			return;
		}
		l->docs = v;
		d = &l->docs[l->ndocs];
		memset(d, 0, sizeof(*d));
		d->uri = strdup(uri);
		if (!d->uri) {
			free(path);
			return;
		}
		l->ndocs++;
	}
	free(d->path);
	d->path = path;
	d->version = ver ? json_object_get_int64(ver) : 0;
	doc_set_text(d, text);
}

static void on_did_change(struct lsp *l, struct json_object *params)
{
	struct json_object *td = get(params, "textDocument"), *changes = get(params, "contentChanges");
	struct lsp_doc *d = doc_find(l, get_str(td, "uri"));
	struct json_object *ver = get(td, "version");
	size_t n;

	if (!d || !changes || !json_object_is_type(changes, json_type_array)) {
		lsp_log(l, "didChange of a document not open ignored");
		return;
	}
	n = json_object_array_length(changes);
	/* full sync: the last change holds the whole text */
	if (n) {
		const char *text = get_str(json_object_array_get_idx(changes, n - 1), "text");

		if (text)
			doc_set_text(d, text);
	}
	if (ver)
		d->version = json_object_get_int64(ver);
}

static void on_did_save(struct lsp *l, struct json_object *params)
{
	struct json_object *td = get(params, "textDocument");
	struct lsp_doc *d = doc_find(l, get_str(td, "uri"));
	const char *text = get_str(params, "text");

	if (!d)
		return;
	/* the build may have changed its flags: check again */
	if (text)
		doc_set_text(d, text);
	d->dirty = true;
}

static void on_did_close(struct lsp *l, struct json_object *params)
{
	struct lsp_doc *d = doc_find(l, get_str(get(params, "textDocument"), "uri"));
	size_t i;

	if (!d)
		return;
	publish(l, d, true);
	doc_free(d);
	i = d - l->docs;
	memmove(d, d + 1, (l->ndocs - i - 1) * sizeof(*d));
	l->ndocs--;
}

/* A quick fix replacing [FROM, TO) of D with TEXT, for the LSP diagnostic DIAG. */
static struct json_object *quick_fix(const struct lsp *l, const struct lsp_doc *d, size_t from,
				     size_t to, const char *text, struct json_object *diag)
{
	struct json_object *a = json_object_new_object(), *edit = json_object_new_object();
	struct json_object *changes = json_object_new_object(), *edits = json_object_new_array();
	struct json_object *te = json_object_new_object(), *ds = json_object_new_array();
	char title[512];
	size_t tl = strcspn(text, "\n");

	if (from == to)
		snprintf(title, sizeof(title), "insert '%.*s'", (int)tl, text);
	else
		snprintf(title, sizeof(title), "replace '%.*s' with '%.*s'", (int)(to - from),
			 d->text + from, (int)tl, text);
	json_object_object_add(a, "title", json_object_new_string(title));
	json_object_object_add(a, "kind", json_object_new_string("quickfix"));
	json_object_array_add(ds, diag);
	json_object_object_add(a, "diagnostics", ds);
	json_object_object_add(a, "isPreferred", json_object_new_boolean(1));
	json_object_object_add(te, "range", range_of(l, d, from, to));
	json_object_object_add(te, "newText", json_object_new_string(text));
	json_object_array_add(edits, te);
	json_object_object_add(changes, d->uri, edits);
	json_object_object_add(edit, "changes", changes);
	json_object_object_add(a, "edit", edit);
	return a;
}

static void add_fix(const struct lsp *l, const struct lsp_doc *d, const struct bg_diag *g,
		    const struct bg_loc *loc, const char *text, unsigned len,
		    struct json_object *out)
{
	size_t from, to;

	if (!text || !in_doc(d, loc) || !loc->line)
		return;
	from = offset_of_loc(d, loc->line, loc->col);
	if (len == BG_FIX_INSERT)
		to = from;
	else if (len == BG_FIX_AT_CARET)
		to = from + span_at(d, from);
	else
		to = from + len > d->len ? d->len : from + len;
	json_object_array_add(out, quick_fix(l, d, from, to, text, diag_json(l, d, g)));
}

static void on_code_action(struct lsp *l, struct json_object *id, struct json_object *params)
{
	struct lsp_doc *d = doc_find(l, get_str(get(params, "textDocument"), "uri"));
	struct json_object *range = get(params, "range"), *out;
	unsigned sl, sc, el, ec;
	size_t i, j, from, to;

	if (!d || !get_uint(get(range, "start"), "line", &sl) ||
	    !get_uint(get(range, "start"), "character", &sc) ||
	    !get_uint(get(range, "end"), "line", &el) || !get_uint(get(range, "end"), "character", &ec)) {
		reply_error(l, id, RPC_INVALID_PARAMS, "codeAction needs an open document and a range");
		return;
	}
	/* the fixes of the text as it is now */
	if (d->dirty)
		check_and_publish(l, d);
	from = offset_of_pos(l, d, sl, sc);
	to = offset_of_pos(l, d, el, ec);
	out = json_object_new_array();
	for (i = 0; i < d->diags.n; i++) {
		const struct bg_diag *g = &d->diags.v[i];
		size_t gf, gt;

		if (!in_doc(d, &g->loc) || !g->loc.line)
			continue;
		gf = offset_of_loc(d, g->loc.line, g->loc.col);
		gt = gf + span_at(d, gf);
		/* the diagnostic's line touches the range asked about */
		gf = line_start(d, g->loc.line - 1);
		if (gt < from || gf > to)
			continue;
		add_fix(l, d, g, &g->loc, g->fixit, g->fix_len, out);
		for (j = 0; j < g->nnotes; j++)
			add_fix(l, d, g, &g->notes[j].loc, g->notes[j].fixit, g->notes[j].fix_len, out);
	}
	reply(l, id, out);
}

/* --- hover --------------------------------------------------------------- */

struct mdbuf {
	char *s;
	size_t n;
};

static void md(struct mdbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void md(struct mdbuf *b, const char *fmt, ...)
{
	char *add = NULL, *grown;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&add, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	grown = realloc(b->s, b->n + n + 1);
	if (grown) {
		memcpy(grown + b->n, add, n + 1);
		b->s = grown;
		b->n += n;
	}
	free(add);
}

/* What a program in section SEC is, as Markdown (owned by the caller), or NULL if no type. */
static char *describe_section(const char *sec)
{
	const struct bg_section_def *def = bg_section__find(sec);
	const struct bg_prog_type_info *info = def ? bg_prog_type__info(def->type) : NULL;
	const struct bg_return_range *rr;
	const struct bg_kernel_table *kt;
	const struct bg_kernel_row *row;
	struct mdbuf b = {};
	long long lo, hi;
	int id, n = 0;

	if (!info)
		return NULL;
	md(&b, "**SEC(\"%s\")**: program type `%s`", sec, info->name);
	if (def->attach)
		md(&b, ", attach type `BPF_%s`", def->attach);
	md(&b, "\n\n");
	if (info->ctx)
		md(&b, "- context: `%s *`%s%s%s%s\n", info->ctx, info->ctx_alt ? " (or `" : "",
		   info->ctx_alt ? info->ctx_alt : "", info->ctx_alt ? " *`)" : "",
		   info->ctx_u64_array ? ", or an array of `__u64`" : "");
	else if (info->ctx_u64_array)
		md(&b, "- context: its arguments as an array of `__u64` (BPF_PROG())\n");
	else
		md(&b, "- context: open (the event's record, or `void *`)\n");
	rr = bg_return_range__find(def->type, def->attach);
	if (rr)
		md(&b, "- returns: %lld..%lld: %s\n", rr->min, rr->max, rr->meaning);
	else if (bg_action__range(info->actions, &lo, &hi))
		md(&b, "- returns: an %s, %lld..%lld\n", bg_action__family_name(info->actions), lo, hi);
	else
		md(&b, "- returns: any value the kernel does not check at load\n");
	kt = bg_kernel_table__builtin();
	row = kt ? bg_kernel_table__find(kt, sec) : NULL;
	if (row && row->measured) {
		md(&b, "- helpers it may call (measured on Linux %s; `!gpl`: GPL-compatible license "
		   "only, `!sleep`: sleepable sections only):", kt->release);
		for (id = 1; id <= kt->helper_max; id++) {
			const struct bg_helper *h = bg_helper__by_id(id);
			int v = bg_kernel_row__verdict(row, id);

			if (!h || v < 0 || !(v & BG_KV_CALL))
				continue;
			md(&b, "%s bpf_%s%s%s", n++ ? "," : "", h->name, v & BG_KV_GPL ? "!gpl" : "",
			   v & BG_KV_SLEEP ? "!sleep" : "");
		}
		md(&b, n ? "\n" : " none\n");
	} else if (row && row->reason) {
		md(&b, "- helpers: not measured (%s)\n", row->reason);
	}
	return b.s;
}

/* The string literal around byte OFF of D, after SEC( on its line: its content in BUF. */
static bool sec_literal_at(const struct lsp_doc *d, size_t off, char *buf, size_t size)
{
	size_t ls = off, le = off, i;
	const char *sec = NULL, *q, *e;

	while (ls > 0 && d->text[ls - 1] != '\n')
		ls--;
	while (le < d->len && d->text[le] != '\n')
		le++;
	for (i = ls; i + 4 <= le; i++) {
		if (strncmp(d->text + i, "SEC", 3) || (i > ls && is_ident(d->text[i - 1])))
			continue;
		q = d->text + i + 3;
		while (q < d->text + le && (*q == ' ' || *q == '\t'))
			q++;
		if (q >= d->text + le || *q != '(')
			continue;
		q++;
		while (q < d->text + le && (*q == ' ' || *q == '\t'))
			q++;
		if (q >= d->text + le || *q != '"')
			continue;
		e = memchr(q + 1, '"', d->text + le - q - 1);
		if (!e)
			continue;
		/* the cursor on SEC, its parenthesis or its string */
		if (off < i || off > (size_t)(e + 1 - d->text))
			continue;
		sec = q + 1;
		if ((size_t)(e - sec) >= size)
			return false;
		memcpy(buf, sec, e - sec);
		buf[e - sec] = '\0';
		return true;
	}
	return false;
}

static void on_hover(struct lsp *l, struct json_object *id, struct json_object *params)
{
	struct lsp_doc *d = doc_find(l, get_str(get(params, "textDocument"), "uri"));
	struct json_object *pos = get(params, "position"), *res, *contents;
	unsigned line, character;
	char sec[512], *text = NULL;
	size_t off, ws, we, i;

	if (!d || !get_uint(pos, "line", &line) || !get_uint(pos, "character", &character)) {
		reply_error(l, id, RPC_INVALID_PARAMS, "hover needs an open document and a position");
		return;
	}
	off = offset_of_pos(l, d, line, character);
	for (ws = off; ws > 0 && is_ident(d->text[ws - 1]); ws--)
		;
	for (we = off; we < d->len && is_ident(d->text[we]); we++)
		;
	if (sec_literal_at(d, off, sec, sizeof(sec))) {
		text = describe_section(sec);
	} else if (we - ws > 7 && !strncmp(d->text + ws, "BPFGEN_", 7)) {
		/* a program macro: the section it expanded to, from the last check */
		if (d->dirty)
			check_and_publish(l, d);
		for (i = 0; d->model && i < d->model->nprogs && !text; i++) {
			const struct bg_prog *p = &d->model->progs[i];

			if (in_doc(d, &p->sec_loc) && p->sec_loc.line == line + 1 &&
			    offset_of_loc(d, p->sec_loc.line, p->sec_loc.col) == ws)
				text = describe_section(p->section[0] == '?' ? p->section + 1 :
							p->section);
		}
	}
	if (!text) {
		reply(l, id, NULL);
		return;
	}
	res = json_object_new_object();
	contents = json_object_new_object();
	json_object_object_add(contents, "kind", json_object_new_string("markdown"));
	json_object_object_add(contents, "value", json_object_new_string(text));
	json_object_object_add(res, "contents", contents);
	json_object_object_add(res, "range", range_of(l, d, ws, we));
	reply(l, id, res);
	free(text);
}

/* --- dispatch --------------------------------------------------------------- */

/* Handle one message. Returns 1 after "exit", else 0. */
static int handle(struct lsp *l, const char *body, size_t blen, int *status)
{
	struct json_tokener *tok = json_tokener_new();
	struct json_object *msg, *id, *params;
	enum json_tokener_error jerr;
	const char *method;
	int ret = 0;

	if (!tok)
		return 0;
	msg = json_tokener_parse_ex(tok, body, (int)blen);
	jerr = json_tokener_get_error(tok);
	/* one value and nothing after it but blanks */
	if (msg && jerr == json_tokener_success) {
		size_t end = json_tokener_get_parse_end(tok);

		while (end < blen && strchr(" \t\r\n", body[end]))
			end++;
		if (end != blen)
			jerr = json_tokener_error_parse_unexpected;
	}
	json_tokener_free(tok);
	if (!msg || jerr != json_tokener_success) {
		lsp_log(l, "malformed JSON: %s", json_tokener_error_desc(jerr));
		json_object_put(msg);
		reply_error(l, NULL, RPC_PARSE_ERROR, "parse error: the message is not JSON");
		return 0;
	}
	id = get(msg, "id");
	method = get_str(msg, "method");
	params = get(msg, "params");
	if (id && !json_object_is_type(id, json_type_int) && !json_object_is_type(id, json_type_string))
		id = NULL;
	if (!json_object_is_type(msg, json_type_object) || !method) {
		/* a response to a request the server never sent is ignored */
		if (json_object_is_type(msg, json_type_object) && !get(msg, "method") &&
		    (get(msg, "result") || get(msg, "error")))
			goto out;
		reply_error(l, id, RPC_INVALID_REQUEST, "invalid request: no method");
		goto out;
	}
	if (!strcmp(method, "exit")) {
		*status = l->shutdown ? 0 : 1;
		ret = 1;
		goto out;
	}
	if (l->shutdown && id) {
		reply_error(l, id, RPC_INVALID_REQUEST, "invalid request: the server is shut down");
		goto out;
	}
	if (!strcmp(method, "initialize")) {
		if (!id)
			goto out;
		on_initialize(l, id, params);
		goto out;
	}
	if (!l->initialized) {
		if (id)
			reply_error(l, id, LSP_NOT_INITIALIZED, "server not initialized");
		goto out;
	}
	if (!strcmp(method, "initialized")) {
	} else if (!strcmp(method, "shutdown")) {
		l->shutdown = true;
		if (id)
			reply(l, id, NULL);
	} else if (!strcmp(method, "textDocument/didOpen")) {
		on_did_open(l, params);
	} else if (!strcmp(method, "textDocument/didChange")) {
		on_did_change(l, params);
	} else if (!strcmp(method, "textDocument/didSave")) {
		on_did_save(l, params);
	} else if (!strcmp(method, "textDocument/didClose")) {
		on_did_close(l, params);
	} else if (!strcmp(method, "textDocument/codeAction") && id) {
		on_code_action(l, id, params);
	} else if (!strcmp(method, "textDocument/hover") && id) {
		on_hover(l, id, params);
	} else if (id) {
		reply_error(l, id, RPC_METHOD_NOT_FOUND, "method not found");
	} else {
		/* notifications the server does not know ($/cancelRequest ...) are dropped */
		lsp_log(l, "notification '%s' ignored", method);
	}
out:
	json_object_put(msg);
	return ret;
}

static void lsp_usage(FILE *out)
{
	fprintf(out,
		"usage: bpfgen lsp [--no-cache] [--cache DIR] [--btf FILE] [-v]\n"
		"\n"
		"A Language Server Protocol server on stdin and stdout: the diagnostics of\n"
		"'bpfgen check' as the editor's buffer changes, their fix-its as quick fixes,\n"
		"and hover on SEC() names and BPFGEN_ program macros. A file's flags come from\n"
		"the nearest compile_commands.json above it (or in a build/ directory there),\n"
		"or from a .bpfgen file of clang flags. -v logs to stderr what it checks.\n");
}

int bg_cmd_lsp(int argc, char **argv)
{
	struct lsp l = { .in = STDIN_FILENO, .cwd_fd = -1 };
	const char *cache = NULL, *btf = NULL;
	bool no_cache = false;
	int i, status = 1, err;
	size_t k;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			lsp_usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--no-cache")) {
			no_cache = true;
		} else if (!strcmp(argv[i], "--cache") && i + 1 < argc) {
			cache = argv[++i];
		} else if (!strcmp(argv[i], "--btf") && i + 1 < argc) {
			btf = argv[++i];
		} else if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose")) {
			l.verbose = true;
		} else if (!strcmp(argv[i], "--stdio")) {
			/* what editors pass by habit: stdio is the only transport */
		} else {
			fprintf(stderr, "bpfgen: error: unknown option '%s'\n", argv[i]);
			lsp_usage(stderr);
			return 2;
		}
	}
	/* the protocol owns stdout: anything else printed goes to stderr */
	fflush(stdout);
	l.out = dup(STDOUT_FILENO);
	if (l.out < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
		fprintf(stderr, "bpfgen: error: lsp: cannot set up stdout: %s\n", strerror(errno));
		return 2;
	}
	l.cwd_fd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (l.cwd_fd < 0) {
		fprintf(stderr, "bpfgen: error: lsp: cannot open the current directory: %s\n",
			strerror(errno));
		close(l.out);
		return 2;
	}
	if (no_cache)
		l.cache_dir = NULL;
	else if (cache)
		l.cache_dir = (mkdir(cache, 0755) && errno != EEXIST) ? NULL : strdup(cache);
	else
		l.cache_dir = bg_cache_dir();
	memset(l.opts.enabled, -1, sizeof(l.opts.enabled));
	l.opts.kbtf = bg_kbtf__new(btf);
	for (;;) {
		char *body = NULL;
		size_t blen = 0;
		bool block = true, done = false;

		/*
		 * Take every message there is before checking: a change that came
		 * during the last check replaces the text it would check.
		 */
		for (;;) {
			err = next_message(&l, block, &body, &blen);
			if (err <= 0)
				break;
			block = false;
			done = handle(&l, body, blen, &status);
			free(body);
			if (done)
				break;
		}
		if (done || err < 0)
			break;
		for (k = 0; k < l.ndocs; k++)
			if (l.docs[k].dirty)
				check_and_publish(&l, &l.docs[k]);
	}
	lsp_log(&l, "exit after %lu checks", l.checks);
	for (k = 0; k < l.ndocs; k++)
		doc_free(&l.docs[k]);
	free(l.docs);
	for (k = 0; k < l.ndbs; k++) {
		free(l.dbs[k].dir);
		bg_compdb__free(l.dbs[k].db);
	}
	free(l.dbs);
	free(l.buf);
	free(l.cache_dir);
	bg_kbtf__free(l.opts.kbtf);
	close(l.cwd_fd);
	close(l.out);
	return status;
}
