// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The source line and caret under a diagnostic. `bpfgen check` (codegen/diag.c)
 * and the verifier errors of libbpfgen print through the same code, so that
 * both look like clang's.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

const char *bpfgen_src__line(struct bpfgen_src *c, const char *path, unsigned line, size_t *len)
{
	const char *p, *end;
	unsigned n;

	if (!path)
		return NULL;
	if (!c->path || strcmp(c->path, path)) {
		FILE *f;

		bpfgen_src__fini(c);
		c->path = strdup(path);
		f = fopen(path, "rb");
		if (f) {
			size_t cap = 0, got;

			for (;;) {
				char *nb;

				if (c->len == cap) {
					cap = cap ? cap * 2 : 65536;
					nb = realloc(c->buf, cap);
					if (!nb)
						break;
					c->buf = nb;
				}
				got = fread(c->buf + c->len, 1, cap - c->len, f);
				if (!got)
					break;
				c->len += got;
			}
			fclose(f);
		}
	}
	if (!c->buf || !line)
		return NULL;
	p = c->buf;
	end = c->buf + c->len;
	for (n = 1; n < line && p < end; n++) {
		p = memchr(p, '\n', end - p);
		if (!p)
			return NULL;
		p++;
	}
	if (p >= end)
		return NULL;
	*len = (const char *)(memchr(p, '\n', end - p) ?: end) - p;
	if (*len && p[*len - 1] == '\r')
		(*len)--;
	return p;
}

void bpfgen_src__snippet(struct bpfgen_src *c, FILE *out, const char *path, unsigned line,
			 unsigned col, const char *fixit, int color)
{
	const char *text;
	size_t len, i;

	if (!path || !line)
		return;
	text = bpfgen_src__line(c, path, line, &len);
	if (!text)
		return;
	fprintf(out, "%.*s\n", (int)len, text);
	for (i = 0; i + 1 < col && i < len; i++)
		fputc(text[i] == '\t' ? '\t' : ' ', out);
	fprintf(out, "%s^%s\n", color ? "\033[1;32m" : "", color ? "\033[0m" : "");
	if (fixit) {
		for (i = 0; i + 1 < col && i < len; i++)
			fputc(text[i] == '\t' ? '\t' : ' ', out);
		fprintf(out, "%s%s%s\n", color ? "\033[0;32m" : "", fixit, color ? "\033[0m" : "");
	}
}

void bpfgen_src__fini(struct bpfgen_src *c)
{
	free(c->path);
	free(c->buf);
	memset(c, 0, sizeof(*c));
}
