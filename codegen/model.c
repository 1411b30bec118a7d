// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
#include <errno.h>
#include <stddef.h>
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

struct bg_arena_block {
	struct bg_arena_block *next;
	size_t used;
	size_t size;
	max_align_t data[];
};

void *bg_model__alloc(struct bg_model *m, size_t size)
{
	struct bg_arena_block *b = m->arena;
	void *p;

	size = (size + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	if (!b || b->used + size > b->size) {
		size_t cap = size > 65536 ? size : 65536;

		b = malloc(sizeof(*b) + cap);
		if (!b)
			return NULL;
		b->next = m->arena;
		b->used = 0;
		b->size = cap;
		m->arena = b;
	}
	p = (char *)b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

char *bg_model__strdup(struct bg_model *m, const char *s)
{
	char *p;

	if (!s)
		return NULL;
	p = bg_model__alloc(m, strlen(s) + 1);
	if (p)
		strcpy(p, s);
	return p;
}

int bg_stmt__add(struct bg_model *m, struct bg_stmt *parent, struct bg_stmt *kid)
{
	struct bg_stmt **v;

	/* capacity doubles at powers of two; old arrays stay in the arena */
	if ((parent->nkids & (parent->nkids - 1)) == 0) {
		v = bg_model__alloc(m, (parent->nkids ? parent->nkids * 2 : 1) * sizeof(*v));
		if (!v)
			return -ENOMEM;
		if (parent->nkids)
			memcpy(v, parent->kids, parent->nkids * sizeof(*v));
		parent->kids = v;
	}
	parent->kids[parent->nkids++] = kid;
	return 0;
}

struct bg_model *bg_model__new(const char *file)
{
	struct bg_model *m = calloc(1, sizeof(*m));

	if (m) {
		m->file = file;
		m->libbpf_major = -1;
	}
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
		for (j = 0; f->calls[i].args && j < f->calls[i].nargs; j++) {
			bg_type__clear(&f->calls[i].args[j].type);
			free(f->calls[i].args[j].ref);
		}
		free(f->calls[i].args);
	}
	free(f->calls);
	for (i = 0; i < f->nctx_acc; i++) {
		free(f->ctx_acc[i].ctx);
		free(f->ctx_acc[i].field);
	}
	free(f->ctx_acc);
	for (i = 0; f->ptypes && i < f->nparams; i++)
		bg_type__clear(&f->ptypes[i]);
	free(f->ptypes);
}

void bg_model__free(struct bg_model *m)
{
	size_t i;

	if (!m)
		return;
	free(m->deps);
	for (i = 0; i < m->nprogs; i++) {
		free(m->progs[i].name);
		free(m->progs[i].section);
		bg_type__clear(&m->progs[i].ctx);
		bg_type__clear(&m->progs[i].ret);
	}
	free(m->progs);
	for (i = 0; i < m->nmaps; i++) {
		free(m->maps[i].name);
		free(m->maps[i].sym);
		bg_type__clear(&m->maps[i].key);
		bg_type__clear(&m->maps[i].value);
	}
	free(m->maps);
	for (i = 0; i < m->nfuncs; i++)
		func_free(&m->funcs[i]);
	free(m->funcs);
	while (m->arena) {
		struct bg_arena_block *next = m->arena->next;

		free(m->arena);
		m->arena = next;
	}
	for (i = 0; i < m->nksyms; i++)
		free(m->ksyms[i].name);
	free(m->ksyms);
	free(m->cdiags);
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

struct bg_cdiag *bg_model__add_cdiag(struct bg_model *m)
{
	return vec_push((void **)&m->cdiags, &m->ncdiags, sizeof(struct bg_cdiag));
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

struct bg_ctx_access *bg_func__add_ctx_access(struct bg_func *f)
{
	return vec_push((void **)&f->ctx_acc, &f->nctx_acc, sizeof(struct bg_ctx_access));
}

struct bg_call *bg_func__add_call(struct bg_func *f)
{
	return vec_push((void **)&f->calls, &f->ncalls, sizeof(struct bg_call));
}

const struct bg_map *bg_model__find_map(const struct bg_model *m, const char *name)
{
	size_t i;

	for (i = 0; name && i < m->nmaps; i++)
		if (!strcmp(m->maps[i].name, name))
			return &m->maps[i];
	return NULL;
}

const struct bg_map *bg_call__map_arg(const struct bg_model *m, const struct bg_call *call, unsigned i)
{
	return i < call->nargs ? bg_model__find_map(m, call->args[i].ref) : NULL;
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

static void dump_val(const struct bg_val *v, FILE *out)
{
	static const char *const kinds[] = { "other", "var", "call", "null", "pkt", "pkt_end",
					     "scalar_ptr", "const" };

	fprintf(out, "%s", kinds[v->kind]);
	if (v->kind == BG_VAL_VAR)
		fprintf(out, " %s", v->var);
	if (v->kind == BG_VAL_CALL)
		fprintf(out, " #%d", v->call);
	if ((v->kind == BG_VAL_VAR || v->kind == BG_VAL_PKT) && v->off)
		fprintf(out, "%+lld", v->off);
	if (v->idx)
		fprintf(out, " + %s*%lld", v->idx, v->scale);
	if (v->kind == BG_VAL_CONST)
		fprintf(out, " %lld", v->off);
}

static void dump_stmt(const struct bg_stmt *s, int depth, FILE *out);

static void dump_cond(const struct bg_cond *c, int depth, FILE *out)
{
	static const char *const kinds[] = { "other", "nonnull", "less", "and", "or", "not", "value",
						"eq" };
	size_t i;

	if (!c) {
		fprintf(out, "%*s?\n", depth * 2, "");
		return;
	}
	if (c->pre && c->pre->nkids)
		dump_stmt(c->pre, depth, out);
	fprintf(out, "%*scond %s", depth * 2, "", kinds[c->kind]);
	if (c->kind == BG_COND_NONNULL)
		fprintf(out, " %s", c->var);
	if (c->kind == BG_COND_LESS) {
		fputc(' ', out);
		dump_val(&c->a, out);
		fprintf(out, " %s ", c->strict ? "<" : "<=");
		dump_val(&c->b, out);
	}
	for (i = 0; i < c->nvars; i++)
		fprintf(out, " %s", c->vars[i]);
	fputc('\n', out);
	if (c->l)
		dump_cond(c->l, depth + 1, out);
	if (c->r)
		dump_cond(c->r, depth + 1, out);
}

static void dump_stmt(const struct bg_stmt *s, int depth, FILE *out)
{
	static const char *const kinds[] = { "seq", "assign", "deref", "call", "forget", "if", "loop",
					     "switch", "case", "return", "goto", "label", "break",
					     "continue", "object", "cleanup", "trap" };
	size_t i;

	if (!s)
		return;
	if (s->kind != BG_ST_SEQ) {
		fprintf(out, "%*s%u: %s", depth * 2, "", s->loc.line, kinds[s->kind]);
		if (s->var)
			fprintf(out, " %s", s->var);
		if (s->kind == BG_ST_ASSIGN || s->kind == BG_ST_RETURN) {
			fprintf(out, " = ");
			dump_val(&s->val, out);
		}
		if (s->kind == BG_ST_DEREF)
			fprintf(out, " off %lld size %lld%s '%s'", s->off, s->size,
				s->write ? " write" : "", s->text ? s->text : "");
		if (s->kind == BG_ST_CALL)
			fprintf(out, " #%d", s->call);
		if (s->text && s->kind != BG_ST_DEREF)
			fprintf(out, " %s", s->text);
		fputc('\n', out);
	}
	if (s->cond)
		dump_cond(s->cond, depth + 1, out);
	for (i = 0; i < s->nkids; i++) {
		if (s->kind == BG_ST_IF)
			fprintf(out, "%*s%s\n", depth * 2 + 2, "", i ? "else" : "then");
		dump_stmt(s->kids[i], depth + (s->kind == BG_ST_SEQ ? 0 : 2), out);
	}
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
			fprintf(out, "  call #%zu %s line %u%s%s\n", j, f->calls[j].callee,
				f->calls[j].loc.line, f->calls[j].indirect ? " indirect" : "",
				f->calls[j].result_unused ? " unused" : "");
		for (j = 0; j < f->nctx_acc; j++)
			fprintf(out, "  ctx %s.%s off %lld size %lld line %u%s%s\n", f->ctx_acc[j].ctx,
				f->ctx_acc[j].field, f->ctx_acc[j].off, f->ctx_acc[j].size,
				f->ctx_acc[j].loc.line, f->ctx_acc[j].write ? " write" : "",
				f->ctx_acc[j].var_off ? " var-off" : "");
		if (f->frame)
			fprintf(out, "  frame %lld\n", f->frame);
		dump_stmt(f->body, 1, out);
	}
}
