// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "internal.h"

static char *vformat(const char *fmt, va_list ap)
{
	char *s = NULL;

	if (vasprintf(&s, fmt, ap) < 0)
		return NULL;
	return s;
}

struct bg_diag *bg_diags__add(struct bg_diags *ds, enum bg_severity sev, const char *rule,
			      struct bg_loc loc, const char *fmt, ...)
{
	struct bg_diag *d;
	va_list ap;

	if (ds->n == ds->cap) {
		size_t cap = ds->cap ? ds->cap * 2 : 16;
		struct bg_diag *v = realloc(ds->v, cap * sizeof(*v));

		if (!v)
			return NULL;
		ds->v = v;
		ds->cap = cap;
	}
	d = &ds->v[ds->n];
	memset(d, 0, sizeof(*d));
	d->sev = sev;
	d->rule = rule;
	d->loc = loc;
	va_start(ap, fmt);
	d->msg = vformat(fmt, ap);
	va_end(ap);
	if (!d->msg)
		return NULL;
	ds->n++;
	return d;
}

void bg_diag__note(struct bg_diag *d, struct bg_loc loc, const char *fmt, ...)
{
	struct bg_note *v;
	va_list ap;
	char *msg;

	if (!d)
		return;
	va_start(ap, fmt);
	msg = vformat(fmt, ap);
	va_end(ap);
	if (!msg)
		return;
	v = realloc(d->notes, (d->nnotes + 1) * sizeof(*v));
	if (!v) {
		free(msg);
		return;
	}
	d->notes = v;
	d->notes[d->nnotes].loc = loc;
	d->notes[d->nnotes].msg = msg;
	d->notes[d->nnotes].fixit = NULL;
	d->notes[d->nnotes].fix_len = 0;
	d->nnotes++;
}

void bg_diag__fixit(struct bg_diag *d, const char *text)
{
	if (!d)
		return;
	free(d->fixit);
	d->fixit = text ? strdup(text) : NULL;
}

void bg_diag__note_fixit(struct bg_diag *d, const char *text)
{
	struct bg_note *n;

	if (!d || !d->nnotes)
		return;
	n = &d->notes[d->nnotes - 1];
	free(n->fixit);
	n->fixit = text ? strdup(text) : NULL;
}

void bg_diag__note_replace(struct bg_diag *d, const char *text, unsigned len)
{
	bg_diag__note_fixit(d, text);
	if (d && d->nnotes && d->notes[d->nnotes - 1].fixit)
		d->notes[d->nnotes - 1].fix_len = len;
}

static int loc_cmp(const struct bg_loc *a, const struct bg_loc *b)
{
	int c;

	if (a->file != b->file) {
		if (!a->file || !b->file)
			return a->file ? 1 : -1;
		c = strcmp(a->file, b->file);
		if (c)
			return c;
	}
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return 0;
}

void bg_diags__sort(struct bg_diags *ds)
{
	size_t i, j;

	/* insertion sort: stable, and rules emit in nearly sorted order */
	for (i = 1; i < ds->n; i++) {
		struct bg_diag tmp = ds->v[i];

		for (j = i; j > 0 && loc_cmp(&ds->v[j - 1].loc, &tmp.loc) > 0; j--)
			ds->v[j] = ds->v[j - 1];
		ds->v[j] = tmp;
	}
}

size_t bg_diags__count(const struct bg_diags *ds, enum bg_severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < ds->n; i++)
		n += ds->v[i].sev == sev;
	return n;
}

void bg_diags__clear(struct bg_diags *ds)
{
	size_t i, j;

	for (i = 0; i < ds->n; i++) {
		free(ds->v[i].msg);
		free(ds->v[i].fixit);
		for (j = 0; j < ds->v[i].nnotes; j++) {
			free(ds->v[i].notes[j].msg);
			free(ds->v[i].notes[j].fixit);
		}
		free(ds->v[i].notes);
	}
	free(ds->v);
	memset(ds, 0, sizeof(*ds));
}

const char *bg_severity__name(enum bg_severity sev)
{
	switch (sev) {
	case BG_SEV_ERROR:
		return "error";
	case BG_SEV_WARNING:
		return "warning";
	default:
		return "note";
	}
}

static void print_snippet(struct bpfgen_src *c, FILE *out, const struct bg_loc *loc,
			  const char *fixit, int color)
{
	size_t n = fixit ? strlen(fixit) : 0;
	char *shown = NULL;

	/* an inserted line shows without the newline that ends it */
	if (n && fixit[n - 1] == '\n')
		shown = strndup(fixit, n - 1);
	bpfgen_src__snippet(c, out, loc->file, loc->line, loc->col, shown ? shown : fixit, color);
	free(shown);
}

static void print_head(FILE *out, const struct bg_loc *loc, enum bg_severity sev, int color)
{
	static const char *sev_color[] = { "\033[1;30m", "\033[1;35m", "\033[1;31m" };

	if (loc->file && loc->line)
		fprintf(out, "%s%s:%u:%u: ", color ? "\033[1m" : "", loc->file, loc->line,
			loc->col ? loc->col : 1);
	else if (loc->file)
		fprintf(out, "%s%s: ", color ? "\033[1m" : "", loc->file);
	fprintf(out, "%s%s:%s ", color ? sev_color[sev] : "", bg_severity__name(sev),
		color ? "\033[0m\033[1m" : "");
}

void bg_diags__print_text(const struct bg_diags *ds, FILE *out, int color)
{
	struct bpfgen_src cache = {};
	size_t i, j;

	for (i = 0; i < ds->n; i++) {
		const struct bg_diag *d = &ds->v[i];

		print_head(out, &d->loc, d->sev, color);
		fprintf(out, "%s", d->msg);
		if (d->rule)
			fprintf(out, " [%s]", d->rule);
		fprintf(out, "%s\n", color ? "\033[0m" : "");
		print_snippet(&cache, out, &d->loc, d->fixit, color);
		for (j = 0; j < d->nnotes; j++) {
			const struct bg_note *n = &d->notes[j];

			print_head(out, &n->loc, BG_SEV_NOTE, color);
			fprintf(out, "%s%s\n", n->msg, color ? "\033[0m" : "");
			print_snippet(&cache, out, &n->loc, n->fixit, color);
		}
	}
	bpfgen_src__fini(&cache);
}

void bg_json__string(FILE *out, const char *s)
{
	const unsigned char *p;

	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		default:
			if (*p < 0x20)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}

static void json_loc(FILE *out, const struct bg_loc *loc)
{
	fputs("\"file\": ", out);
	bg_json__string(out, loc->file);
	fprintf(out, ", \"line\": %u, \"column\": %u", loc->line, loc->col);
}

void bg_diags__print_json(const struct bg_diags *ds, FILE *out)
{
	size_t i, j;

	fputs("{\"diagnostics\": [", out);
	for (i = 0; i < ds->n; i++) {
		const struct bg_diag *d = &ds->v[i];

		fprintf(out, "%s\n  {", i ? "," : "");
		json_loc(out, &d->loc);
		fprintf(out, ", \"severity\": \"%s\", \"rule\": ", bg_severity__name(d->sev));
		bg_json__string(out, d->rule);
		fputs(", \"message\": ", out);
		bg_json__string(out, d->msg);
		fputs(", \"fixit\": ", out);
		bg_json__string(out, d->fixit);
		fputs(", \"notes\": [", out);
		for (j = 0; j < d->nnotes; j++) {
			fprintf(out, "%s{", j ? ", " : "");
			json_loc(out, &d->notes[j].loc);
			fputs(", \"message\": ", out);
			bg_json__string(out, d->notes[j].msg);
			if (d->notes[j].fixit) {
				fputs(", \"fixit\": ", out);
				bg_json__string(out, d->notes[j].fixit);
			}
			fputc('}', out);
		}
		fputs("]}", out);
	}
	fputs("\n]}\n", out);
}

static bool is_rule_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/* Whether LINE waives RULE; ALONE: the comment must be all the line holds. */
static bool waives(const char *line, size_t len, const char *rule, bool alone)
{
	static const char tag[] = "bpfgen: ignore";
	const char *p = NULL, *end = line + len, *q;
	size_t i;
	bool named = false;

	for (i = 0; i + sizeof(tag) - 1 <= len; i++) {
		if (!memcmp(line + i, tag, sizeof(tag) - 1)) {
			p = line + i + sizeof(tag) - 1;
			break;
		}
	}
	if (!p)
		return false;
	if (alone) {
		for (q = line; q < line + i && (*q == ' ' || *q == '\t'); q++)
			;
		if (q + 2 > end || q[0] != '/' || (q[1] != '/' && q[1] != '*'))
			return false;
	}
	while (p < end) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == ','))
			p++;
		if (p >= end || !is_rule_char(*p))
			break;
		for (q = p; q < end && is_rule_char(*q); q++)
			;
		named = true;
		if ((size_t)(q - p) == strlen(rule) && !memcmp(p, rule, q - p))
			return true;
		p = q;
	}
	return !named;
}

void bg_diags__drop_ignored(struct bg_diags *ds, size_t from)
{
	bg_diags__drop_ignored_in(ds, from, NULL, NULL, 0);
}

void bg_diags__drop_ignored_in(struct bg_diags *ds, size_t from, const char *file,
			       const char *text, size_t text_len)
{
	struct bpfgen_src cache = {};
	size_t i, j, k, len;
	const char *line;

	/* the cache holds one file: seeded with TEXT, it reads FILE from there */
	if (file && text) {
		cache.path = strdup(file);
		cache.buf = malloc(text_len + 1);
		if (!cache.path || !cache.buf)
			bpfgen_src__fini(&cache);
		else {
			memcpy(cache.buf, text, text_len);
			cache.len = text_len;
		}
	}

	for (i = j = from; i < ds->n; i++) {
		struct bg_diag *d = &ds->v[i];
		bool drop = false;

		if (d->rule && d->loc.file && d->loc.line) {
			line = bpfgen_src__line(&cache, d->loc.file, d->loc.line, &len);
			drop = line && waives(line, len, d->rule, false);
			if (!drop && d->loc.line > 1) {
				line = bpfgen_src__line(&cache, d->loc.file, d->loc.line - 1, &len);
				drop = line && waives(line, len, d->rule, true);
			}
		}
		if (drop) {
			free(d->msg);
			free(d->fixit);
			for (k = 0; k < d->nnotes; k++) {
				free(d->notes[k].msg);
				free(d->notes[k].fixit);
			}
			free(d->notes);
			continue;
		}
		ds->v[j++] = *d;
	}
	ds->n = j;
	bpfgen_src__fini(&cache);
}

static void sarif_location(FILE *out, const struct bg_loc *loc)
{
	fputs("{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", out);
	bg_json__string(out, loc->file);
	fputs("}", out);
	if (loc->line)
		fprintf(out, ", \"region\": {\"startLine\": %u, \"startColumn\": %u}", loc->line,
			loc->col ? loc->col : 1);
	fputs("}}", out);
}

static const char *sarif_level(enum bg_severity sev)
{
	return sev == BG_SEV_ERROR ? "error" : sev == BG_SEV_WARNING ? "warning" : "note";
}

void bg_diags__print_sarif(const struct bg_diags *ds, FILE *out, const char *version,
			   const struct bg_rule_meta *rules, size_t nrules)
{
	size_t i, j, r;
	bool first;

	fputs("{\n  \"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/"
	      "schemas/sarif-schema-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
	      "    \"tool\": {\"driver\": {\"name\": \"bpfgen\", \"version\": ", out);
	bg_json__string(out, version);
	fputs(", \"rules\": [", out);
	for (r = 0; r < nrules; r++) {
		fprintf(out, "%s\n      {\"id\": ", r ? "," : "");
		bg_json__string(out, rules[r].id);
		fputs(", \"shortDescription\": {\"text\": ", out);
		bg_json__string(out, rules[r].summary);
		fprintf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
			sarif_level(rules[r].sev));
	}
	fputs("]}},\n    \"results\": [", out);
	for (i = 0; i < ds->n; i++) {
		const struct bg_diag *d = &ds->v[i];

		fprintf(out, "%s\n      {\"ruleId\": ", i ? "," : "");
		bg_json__string(out, d->rule ? d->rule : "clang");
		for (r = 0; d->rule && r < nrules; r++)
			if (!strcmp(rules[r].id, d->rule))
				fprintf(out, ", \"ruleIndex\": %zu", r);
		fprintf(out, ", \"level\": \"%s\", \"message\": {\"text\": ", sarif_level(d->sev));
		/* notes without a place belong to the message */
		{
			size_t len = strlen(d->msg) + 1;
			char *text;

			for (j = 0; j < d->nnotes; j++)
				if (!d->notes[j].loc.file)
					len += strlen(d->notes[j].msg) + 2;
			text = malloc(len);
			if (text) {
				strcpy(text, d->msg);
				for (j = 0; j < d->nnotes; j++) {
					if (d->notes[j].loc.file)
						continue;
					strcat(text, "\n");
					strcat(text, d->notes[j].msg);
				}
			}
			bg_json__string(out, text ? text : d->msg);
			free(text);
		}
		fputs("}", out);
		if (d->loc.file) {
			fputs(", \"locations\": [", out);
			sarif_location(out, &d->loc);
			fputs("]", out);
		}
		first = true;
		for (j = 0; j < d->nnotes; j++) {
			if (!d->notes[j].loc.file)
				continue;
			fputs(first ? ", \"relatedLocations\": [" : ", ", out);
			first = false;
			fprintf(out, "{\"id\": %zu, \"physicalLocation\": {\"artifactLocation\": {\"uri\": ", j);
			bg_json__string(out, d->notes[j].loc.file);
			fputs("}", out);
			if (d->notes[j].loc.line)
				fprintf(out, ", \"region\": {\"startLine\": %u, \"startColumn\": %u}",
					d->notes[j].loc.line, d->notes[j].loc.col ? d->notes[j].loc.col : 1);
			fputs("}, \"message\": {\"text\": ", out);
			bg_json__string(out, d->notes[j].msg);
			fputs("}}", out);
		}
		if (!first)
			fputs("]", out);
		fputs("}", out);
	}
	fputs("\n    ]\n  }]\n}\n", out);
}
