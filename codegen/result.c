// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * One check job's result as bytes: what a -j worker sends its parent, and
 * what the result cache keeps of a file (result.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "result.h"

static void wbuf_put(struct bg_wbuf *b, const void *data, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *p;

		while (cap < b->n + n)
			cap *= 2;
		p = realloc(b->p, cap);
		if (!p) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, data, n);
	b->n += n;
}

static void wbuf_u32(struct bg_wbuf *b, uint32_t v)
{
	wbuf_put(b, &v, sizeof(v));
}

static void wbuf_str(struct bg_wbuf *b, const char *s)
{
	wbuf_u32(b, s ? (uint32_t)strlen(s) : UINT32_MAX);
	if (s)
		wbuf_put(b, s, strlen(s));
}

static void wbuf_loc(struct bg_wbuf *b, const struct bg_loc *l)
{
	wbuf_str(b, l->file);
	wbuf_u32(b, l->line);
	wbuf_u32(b, l->col);
}

/* What FD (a worker's captured stdout or stderr) holds; it is emptied for the next file. */
static void wbuf_drain(struct bg_wbuf *b, int fd)
{
	char chunk[65536];
	off_t size = lseek(fd, 0, SEEK_END), off = 0;
	ssize_t n;

	wbuf_u32(b, size > 0 ? (uint32_t)size : 0);
	while (off < size && (n = pread(fd, chunk, sizeof(chunk), off)) > 0) {
		wbuf_put(b, chunk, n);
		off += n;
	}
	for (; off < size; off++)
		wbuf_put(b, "", 1);	/* keep the length true */
	if (ftruncate(fd, 0) || lseek(fd, 0, SEEK_SET))
		b->oom = true;
}


void bg_result__encode(struct bg_wbuf *b, uint32_t job, const struct job_result *r, int out_fd,
		       int err_fd, const char *err_text, const struct bg_diags *diags)
{
	size_t i, n;

	wbuf_u32(b, job);
	wbuf_u32(b, r->failed | r->stop << 1);
	wbuf_put(b, &r->wall_us, sizeof(r->wall_us));
	wbuf_put(b, &r->rss_kb, sizeof(r->rss_kb));
	if (out_fd >= 0)
		wbuf_drain(b, out_fd);
	else
		wbuf_str(b, "");
	if (err_fd >= 0)
		wbuf_drain(b, err_fd);
	else
		wbuf_str(b, err_text ? err_text : "");
	wbuf_u32(b, diags ? diags->n : 0);
	for (i = 0; diags && i < diags->n; i++) {
		const struct bg_diag *d = &diags->v[i];

		wbuf_u32(b, d->sev);
		wbuf_str(b, d->rule);
		wbuf_loc(b, &d->loc);
		wbuf_str(b, d->msg);
		wbuf_str(b, d->fixit);
		wbuf_u32(b, d->nnotes);
		for (n = 0; n < d->nnotes; n++) {
			wbuf_loc(b, &d->notes[n].loc);
			wbuf_str(b, d->notes[n].msg);
			wbuf_str(b, d->notes[n].fixit);
			wbuf_u32(b, d->notes[n].fix_len);
		}
	}
}

/* Copy the next N bytes to DST, or zero DST and set BAD when they are not there. */
static void rbuf_take(struct bg_rbuf *b, void *dst, size_t n)
{
	if (b->n - b->off < n) {
		b->bad = true;
		memset(dst, 0, n);
		return;
	}
	memcpy(dst, b->p + b->off, n);
	b->off += n;
}

static uint32_t rbuf_u32(struct bg_rbuf *b)
{
	uint32_t v;

	rbuf_take(b, &v, sizeof(v));
	return v;
}

static uint64_t rbuf_u64(struct bg_rbuf *b)
{
	uint64_t v;

	rbuf_take(b, &v, sizeof(v));
	return v;
}

/* Bytes of a length-prefixed field, in place; *LEN is its length. NULL: a NULL string. */
static const char *rbuf_bytes(struct bg_rbuf *b, uint32_t *len)
{
	const char *s;

	*len = rbuf_u32(b);
	if (*len == UINT32_MAX || b->bad)
		return NULL;
	if (b->n - b->off < *len) {
		b->bad = true;
		return NULL;
	}
	s = b->p + b->off;
	b->off += *len;
	return s;
}

static char *rbuf_str(struct bg_rbuf *b)
{
	uint32_t len;
	const char *s = rbuf_bytes(b, &len);

	return s ? strndup(s, len) : NULL;
}

static const char *pool_str(struct pool *p, struct bg_rbuf *b)
{
	char *s = rbuf_str(b), **v;
	size_t i;

	if (!s)
		return NULL;
	/* few distinct file names per file: the main file and a header or two */
	for (i = p->n; i-- > 0 && i + 8 >= p->n;)
		if (!strcmp(p->v[i], s)) {
			free(s);
			return p->v[i];
		}
	v = realloc(p->v, (p->n + 1) * sizeof(*v));
	if (!v) {
		free(s);
		b->bad = true;
		return NULL;
	}
	p->v = v;
	p->v[p->n++] = s;
	return s;
}

static void rbuf_loc(struct bg_rbuf *b, struct pool *p, struct bg_loc *l)
{
	l->file = pool_str(p, b);
	l->line = rbuf_u32(b);
	l->col = rbuf_u32(b);
}

static const char btf_note[] = "bpfgen: note: no kernel BTF (";

/*
 * Replay a worker's result as the serial run would have produced it: its
 * stdout and stderr, then its diagnostics appended to DIAGS. The note of
 * unreadable kernel BTF is said once per run; each worker says it on its first
 * file that needs BTF, so the first one in file order is where serial said it.
 */
bool bg_result__replay(struct bg_rbuf *b, struct bg_diags *diags, struct pool *pool,
		       struct job_result *r, bool *btf_noted)
{
	const char *out, *err, *line, *end;
	uint32_t flags, nd, nn, len, i, n, flen;

	flags = rbuf_u32(b);
	r->failed = flags & 1;
	r->stop = flags & 2;
	r->wall_us = rbuf_u64(b);
	r->rss_kb = rbuf_u64(b);
	out = rbuf_bytes(b, &len);
	if (out)
		fwrite(out, 1, len, stdout);
	err = rbuf_bytes(b, &len);
	for (line = err; err && line < err + len; line = end) {
		end = memchr(line, '\n', err + len - line);
		end = end ? end + 1 : err + len;
		if (!strncmp(line, btf_note, strlen(btf_note)) &&
		    (size_t)(end - line) > strlen(btf_note)) {
			if (*btf_noted)
				continue;
			*btf_noted = true;
		}
		fwrite(line, 1, end - line, stderr);
	}
	nd = rbuf_u32(b);
	for (i = 0; i < nd && !b->bad; i++) {
		uint32_t sev = rbuf_u32(b);
		char *rule = rbuf_str(b), *msg, *fixit;
		const struct bg_rule *known = rule ? bg_rule__find(rule) : NULL;
		struct bg_loc loc;
		struct bg_diag *d;

		rbuf_loc(b, pool, &loc);
		msg = rbuf_str(b);
		fixit = rbuf_str(b);
		d = msg && !b->bad ? bg_diags__add(diags, sev, known ? known->id : NULL, loc, "%s",
						    msg) : NULL;
		if (rule && !known)
			b->bad = true;	/* every rule id comes from the rule table */
		if (d && fixit)
			bg_diag__fixit(d, fixit);
		free(rule);
		free(msg);
		free(fixit);
		nn = rbuf_u32(b);
		for (n = 0; n < nn && !b->bad; n++) {
			rbuf_loc(b, pool, &loc);
			msg = rbuf_str(b);
			fixit = rbuf_str(b);
			flen = rbuf_u32(b);
			if (d && msg) {
				bg_diag__note(d, loc, "%s", msg);
				if (fixit)
					bg_diag__note_replace(d, fixit, flen);
			}
			free(msg);
			free(fixit);
		}
		if (!d)
			b->bad = true;
	}
	return !b->bad;
}

