// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <stdlib.h>
#include <string.h>

#include "model.h"

char *bg_strdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* Grow a vector by one zeroed element; the element size is SZ. */
static void *vec_push(void **vec, size_t *n, size_t sz)
{
	char *p;

	/* capacity is the next power of two, so grow only when n is one */
	if ((*n & (*n - 1)) == 0) {
		size_t cap = *n ? *n * 2 : 1;

		p = realloc(*vec, cap * sz);
		if (!p)
			return NULL;
		*vec = p;
	}
	p = (char *)*vec + *n * sz;
	memset(p, 0, sz);
	(*n)++;
	return p;
}

struct bg_model *bg_model__new(const char *file)
{
	struct bg_model *m = calloc(1, sizeof(*m));

	if (m)
		m->file = file;
	return m;
}

void bg_type__clear(struct bg_type *t)
{
	free(t->spelling);
	free(t->canonical);
	free(t->pointee);
	memset(t, 0, sizeof(*t));
}

static void func_free(struct bg_func *f)
{
	size_t i, j;

	free(f->name);
	for (i = 0; i < f->nrets; i++) {
		free(f->rets[i].token);
		free(f->rets[i].callee);
	}
	free(f->rets);
	for (i = 0; i < f->ncalls; i++) {
		free(f->calls[i].callee);
		for (j = 0; f->calls[i].args && j < f->calls[i].nargs; j++)
			bg_type__clear(&f->calls[i].args[j]);
		free(f->calls[i].args);
	}
	free(f->calls);
}

void bg_model__free(struct bg_model *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->nprogs; i++) {
		free(m->progs[i].name);
		free(m->progs[i].section);
		bg_type__clear(&m->progs[i].ctx);
		bg_type__clear(&m->progs[i].ret);
	}
	free(m->progs);
	for (i = 0; i < m->nmaps; i++) {
		free(m->maps[i].name);
		bg_type__clear(&m->maps[i].key);
		bg_type__clear(&m->maps[i].value);
	}
	free(m->maps);
	for (i = 0; i < m->nfuncs; i++)
		func_free(&m->funcs[i]);
	free(m->funcs);
	for (i = 0; i < m->nksyms; i++)
		free(m->ksyms[i].name);
	free(m->ksyms);
	free(m->license);
	for (i = 0; i < m->nfiles; i++)
		free(m->files[i]);
	free(m->files);
	free(m);
}

struct bg_prog *bg_model__add_prog(struct bg_model *m)
{
	struct bg_prog *p = vec_push((void **)&m->progs, &m->nprogs, sizeof(*p));

	if (p)
		p->func = -1;
	return p;
}

struct bg_map *bg_model__add_map(struct bg_model *m)
{
	struct bg_map *map = vec_push((void **)&m->maps, &m->nmaps, sizeof(*map));

	if (map) {
		map->type = -1;
		map->max_entries = -1;
		map->key_size = -1;
		map->value_size = -1;
	}
	return map;
}

struct bg_func *bg_model__add_func(struct bg_model *m)
{
	return vec_push((void **)&m->funcs, &m->nfuncs, sizeof(struct bg_func));
}

struct bg_ksym *bg_model__add_ksym(struct bg_model *m)
{
	return vec_push((void **)&m->ksyms, &m->nksyms, sizeof(struct bg_ksym));
}

const struct bg_ksym *bg_model__find_ksym(const struct bg_model *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->nksyms; i++)
		if (!strcmp(m->ksyms[i].name, name))
			return &m->ksyms[i];
	return NULL;
}

struct bg_return *bg_func__add_return(struct bg_func *f)
{
	return vec_push((void **)&f->rets, &f->nrets, sizeof(struct bg_return));
}

struct bg_call *bg_func__add_call(struct bg_func *f)
{
	return vec_push((void **)&f->calls, &f->ncalls, sizeof(struct bg_call));
}

const struct bg_func *bg_model__find_func(const struct bg_model *m, const char *name)
{
	const struct bg_func *found = NULL;
	size_t i;

	for (i = 0; i < m->nfuncs; i++) {
		if (strcmp(m->funcs[i].name, name))
			continue;
		if (m->funcs[i].is_main_file)
			return &m->funcs[i];
		if (!found)
			found = &m->funcs[i];
	}
	return found;
}

const char *bg_model__intern(struct bg_model *m, const char *file)
{
	char **slot;
	size_t i;

	if (!strcmp(file, m->file))
		return m->file;
	/* most locations repeat the last file interned */
	for (i = m->nfiles; i-- > 0;)
		if (!strcmp(m->files[i], file))
			return m->files[i];
	slot = vec_push((void **)&m->files, &m->nfiles, sizeof(*slot));
	if (!slot)
		return NULL;
	*slot = strdup(file);
	return *slot;
}

void bg_model__dump(const struct bg_model *m, FILE *out)
{
	size_t i, j;

	fprintf(out, "model %s: %zu programs, %zu maps, %zu functions, license %s%s%s\n", m->file,
		m->nprogs, m->nmaps, m->nfuncs, m->has_license ? "\"" : "",
		m->has_license ? (m->license ? m->license : "?") : "none", m->has_license ? "\"" : "");
	for (i = 0; i < m->nprogs; i++) {
		const struct bg_prog *p = &m->progs[i];

		fprintf(out, "prog %s section \"%s\" line %u sec-line %u ctx '%s' (%s) line %u\n",
			p->name, p->section, p->loc.line, p->sec_loc.line,
			p->nparams ? p->ctx.spelling : "", p->nparams ? p->ctx.canonical : "",
			p->ctx_loc.line);
	}
	for (i = 0; i < m->nmaps; i++) {
		const struct bg_map *map = &m->maps[i];

		fprintf(out, "map %s type %lld max_entries %lld flags %lld key %lld '%s' value %lld '%s'\n",
			map->name, map->type, map->max_entries, map->flags, map->key_size,
			map->key.spelling ? map->key.spelling : "", map->value_size,
			map->value.spelling ? map->value.spelling : "");
	}
	for (i = 0; i < m->nksyms; i++)
		fprintf(out, "ksym %s line %u%s%s\n", m->ksyms[i].name, m->ksyms[i].loc.line,
			m->ksyms[i].is_func ? " func" : " var", m->ksyms[i].is_weak ? " weak" : "");
	for (i = 0; i < m->nfuncs; i++) {
		const struct bg_func *f = &m->funcs[i];

		fprintf(out, "func %s line %u params %u%s\n", f->name, f->loc.line, f->nparams,
			f->is_static ? " static" : "");
		for (j = 0; j < f->nrets; j++)
			fprintf(out, "  return line %u%s%lld token %s callee %s\n", f->rets[j].loc.line,
				f->rets[j].is_const ? " const " : " ", f->rets[j].value,
				f->rets[j].token ? f->rets[j].token : "-",
				f->rets[j].callee ? f->rets[j].callee : "-");
		for (j = 0; j < f->ncalls; j++)
			fprintf(out, "  call %s line %u%s\n", f->calls[j].callee, f->calls[j].loc.line,
				f->calls[j].indirect ? " indirect" : "");
	}
}
