// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The 512-byte stack, summed along a chain of calls that stay calls (global
 * or __noinline functions). Frames are counted from the structs and arrays a
 * function keeps on its stack, a lower bound of what clang allocates, so a
 * report never rests on a guess upwards. One function over 512 bytes is
 * clang's own error ("Looks like the BPF stack limit of 512 bytes is
 * exceeded") when it compiles; the checker reports it too, before that.
 */
#include <stdio.h>
#include <string.h>

#include "rules.h"

#define STACK_MAX 512
#define MAX_CHAIN 12

/* A function whose calls stay calls: not inlined into its callers. */
static bool own_frame(const struct bg_func *f)
{
	return f->noinline || (!f->is_static && !f->always_inline);
}

static const struct bg_func *callee(const struct bg_model *m, const struct bg_call *call)
{
	return call->indirect ? NULL : bg_model__find_func(m, call->callee);
}

/* The bytes F's body holds once inlined: its own, plus its deepest inlined callee's. */
static long long frame_of(const struct bg_model *m, const struct bg_func *f, int depth)
{
	long long best = 0, n;
	size_t i;

	for (i = 0; depth < MAX_CHAIN && i < f->ncalls; i++) {
		const struct bg_func *g = callee(m, &f->calls[i]);

		if (!g || g == f || own_frame(g))
			continue;
		n = frame_of(m, g, depth + 1);
		if (n > best)
			best = n;
	}
	return f->frame + best;
}

/* The largest aggregate local of F or of what is inlined into it, with its size in *SIZE. */
static struct bg_loc big_local(const struct bg_model *m, const struct bg_func *f, int depth,
			       long long *size)
{
	struct bg_loc loc = f->frame_loc, l;
	long long n;
	size_t i;

	*size = f->frame_loc.line ? f->frame_big : 0;
	for (i = 0; depth < MAX_CHAIN && i < f->ncalls; i++) {
		const struct bg_func *g = callee(m, &f->calls[i]);

		if (!g || g == f || own_frame(g))
			continue;
		l = big_local(m, g, depth + 1, &n);
		if (n > *size) {
			*size = n;
			loc = l;
		}
	}
	return loc;
}

struct chain {
	const struct bg_func *f[MAX_CHAIN];
	long long size[MAX_CHAIN];
	int n;
	long long total;
};

static void heaviest(const struct bg_model *m, const struct bg_func *f, struct chain *cur,
		     struct chain *best);

/* The calls that stay calls, made by F or by what is inlined into it. */
static void calls_from(const struct bg_model *m, const struct bg_func *f, struct chain *cur,
		       struct chain *best, int depth)
{
	size_t i;

	for (i = 0; depth < MAX_CHAIN && i < f->ncalls; i++) {
		const struct bg_func *g = callee(m, &f->calls[i]);

		if (!g || g == f)
			continue;
		if (own_frame(g))
			heaviest(m, g, cur, best);
		else
			calls_from(m, g, cur, best, depth + 1);
	}
}

static void heaviest(const struct bg_model *m, const struct bg_func *f, struct chain *cur,
		     struct chain *best)
{
	int j;

	if (cur->n == MAX_CHAIN)
		return;
	for (j = 0; j < cur->n; j++)
		if (cur->f[j] == f)
			return;	/* recursion: refused by the verifier anyway */
	cur->f[cur->n] = f;
	cur->size[cur->n] = frame_of(m, f, 0);
	cur->total += cur->size[cur->n];
	cur->n++;
	if (cur->total > best->total)
		*best = *cur;
	calls_from(m, f, cur, best, 0);
	cur->n--;
	cur->total -= cur->size[cur->n];
}

void bg_rule_stack_size(struct bg_check *c)
{
	const struct bg_model *m = c->m;
	struct chain cur, best;
	struct bg_diag *d;
	struct bg_loc at;
	long long big;
	size_t i;
	int j;

	for (i = 0; i < m->nprogs; i++) {
		const struct bg_prog *p = &m->progs[i];

		if (p->func < 0)
			continue;
		memset(&cur, 0, sizeof(cur));
		memset(&best, 0, sizeof(best));
		heaviest(m, &m->funcs[p->func], &cur, &best);
		if (best.total <= STACK_MAX)
			continue;
		if (best.n == 1) {
			/* the declaration that fills the frame is the line to change */
			at = big_local(m, &m->funcs[p->func], 0, &big);
			if (!at.line || at.file != p->loc.file)
				at = p->loc;
			d = bg_check__report(c, at,
					     "program '%s' keeps at least %lld bytes on its stack; BPF "
					     "allows %d", p->name, best.total, STACK_MAX);
			if (at.line != p->loc.line)
				bg_diag__note(d, p->loc, "in program '%s'; this local alone takes %lld "
					      "bytes", p->name, big);
			bg_diag__note(d, (struct bg_loc){},
				      "move large structs and arrays to a per-CPU array map");
			continue;
		}
		d = bg_check__report(c, p->loc,
				     "the calls from program '%s' stack at least %lld bytes of frames; "
				     "BPF allows %d in all", p->name, best.total, STACK_MAX);
		for (j = 0; j < best.n; j++)
			bg_diag__note(d, best.f[j]->loc, "%s'%s' holds %lld bytes", j ? "calls " : "",
				      best.f[j]->name, best.size[j]);
		bg_diag__note(d, (struct bg_loc){},
			      "the verifier refuses it (\"combined stack size of %d calls is ... Too "
			      "large\"; Linux 6.x still allows it for kprobe, tracepoint and raw_tp "
			      "programs, which get a private stack): inline the functions, or move "
			      "buffers to a per-CPU array map", best.n);
	}
}
