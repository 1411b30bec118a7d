// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Path-sensitive rules over the flow IR: pointers that may be NULL, references
 * that must be released, packet bounds, kernel addresses used as pointers.
 *
 * An abstract interpretation of each function reachable from a program, over
 * a small state per local variable. It follows if/else, &&, ||, ?:, early
 * returns, forward goto, switch and loops (twice round, then joined). What it
 * does not understand makes a variable untracked, never suspicious: a false
 * positive costs more than a missed bug.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

#define MAX_VARS 64
#define MAX_REFS 64
#define MAX_LABELS 32
#define MAX_DEPTH 6
#define MAX_PIDS 16

enum nullness { N_UNTRACKED, N_MAYBE, N_NONNULL, N_NULL };
enum vkind { K_NONE, K_PKT, K_PKT_END, K_SCALAR, K_CONST };

/* The regions the verifier counts on a path: bpf_spin_lock(), RCU, preemption */
enum { L_SPIN, L_RCU, L_PREEMPT, L_N };



struct vstate {
	const char *name;
	unsigned char null;
	unsigned char kind;
	/*
	 * The NULL it may be is only a literal: to the verifier a number, from
	 * which computing an address is arithmetic, not an access of a pointer
	 * that may be NULL (what a helper's _or_null result is).
	 */
	bool lit;
	/*
	 * A socket converted from a held one (bpf_skc_to_tcp_sock(),
	 * bpf_tcp_sock(), bpf_sk_fullsock()): it shares the reference, as the
	 * verifier's ref_obj_id does, but its NULL leaves the original held.
	 */
	bool derived;
	/*
	 * Released by the compiler at the end of its scope: a local with a
	 * cleanup attribute (bpf_for()'s iterator, destroyed by
	 * cleanup(bpf_iter_num_destroy)). libclang does not say which
	 * attribute, so any such struct local counts.
	 */
	bool managed;
	bool nonzero;		/* an integer tested true on this path: `if (flag)` */
	unsigned char obj;	/* enum obj_state of a local dynptr or iterator; O_NONE: not followed */
	short ref;		/* index into the analysis' refs, or -1 */
	int src;		/* the call the value came from, or -1 */
	int vid;		/* copies of one value share it, as verifier registers do; -1 none */
	int pid;		/* K_PKT: the variable-offset base it is relative to; -1 packet start */
	long long pkt_off;	/* K_PKT: bytes from its base, -1 unknown; K_CONST: the value */
};

struct state {
	bool live;
	int nvars;
	long long pkt_safe;	/* data + pkt_safe <= data_end on this path */
	long long pid_checked[MAX_PIDS];	/* the same, from each variable-offset base */
	bool pkt_unknown;	/* a bound was checked in a way not followed: report nothing */
	unsigned long long held;	/* references acquired and not released */
	signed char lock[L_N];	/* depth of each region on this path; -1 not known */
	struct vstate v[MAX_VARS];
};

enum flow_rule { R_NULL, R_RINGBUF, R_SOCK, R_PKT, R_KERNEL, R_KREF, R_OBJ, R_LOCK };

/* A dynptr's or iterator's state, as the verifier keeps it for their stack slots */
enum obj_state { O_NONE, O_UNINIT, O_INIT, O_DEAD };

/* What a function of the file may return, for its callers (a summary) */
enum {
	RET_NULL = 1 << 0,	/* NULL, or a pointer not checked for it */
	RET_RINGBUF = 1 << 1,	/* a ring buffer reservation still held */
	RET_SOCK = 1 << 2,	/* a socket reference still held */
	RET_NULL_LIT = 1 << 3,	/* NULL, but only a literal one (a number to the verifier) */
	RET_RUNNING = 1 << 4,	/* being summarised: recursion sees nothing */
	RET_KREF = 1 << 5,	/* a kfunc's referenced object still held */
};

struct ref {
	int call;
	enum bg_helper_flow kind;
	bool obj;		/* held by a dynptr or iterator, not a pointer */
};

struct label {
	const char *name;
	struct state st;
	bool seen;
};

struct jump_ctx {
	struct jump_ctx *outer;
	struct state brk;
	struct state cont;
	struct state entry;	/* switch: the state case labels join */
	bool is_switch;
	bool has_default;
};

struct flow {
	struct bg_check *c;
	enum flow_rule rule;
	const struct bg_func *f;
	struct ref refs[MAX_REFS];
	int nrefs;
	struct label labels[MAX_LABELS];
	int nlabels;
	struct jump_ctx *jump;
	bool entry;		/* a program's entry (BPF_PROG()'s body too): regions start closed */
	unsigned ret_flags;	/* for summaries: RET_* of what the function may return */
	int next_vid;
	int next_pid;
	int depth;
	signed char *summary;	/* per function: -1 unknown, 8 running, else its RET_* flags */
	/*
	 * Parameter summaries: analysing a callee with its parameters maybe-NULL
	 * (collect), a use that needs memory sets the parameter's bit in
	 * param_need instead of reporting; callers then check what they pass.
	 */
	bool collect;
	unsigned param_need;
	unsigned param_addr;	/* only an address is computed from it, by bit */
	signed char *pstate;	/* per function: 0 unknown, 1 running, 2 known */
	unsigned *pneed;
	unsigned *paddr;
};

static struct vstate *var_get(struct state *s, const char *name, bool create)
{
	int i;

	if (!name)
		return NULL;
	for (i = 0; i < s->nvars; i++)
		if (!strcmp(s->v[i].name, name))
			return &s->v[i];
	if (!create || s->nvars == MAX_VARS)
		return NULL;
	memset(&s->v[s->nvars], 0, sizeof(s->v[0]));
	s->v[s->nvars].name = name;
	s->v[s->nvars].ref = -1;
	s->v[s->nvars].src = -1;
	s->v[s->nvars].vid = -1;
	s->v[s->nvars].pid = -1;
	return &s->v[s->nvars++];
}

static void var_reset(struct vstate *v)
{
	v->null = N_UNTRACKED;
	v->lit = false;
	v->derived = false;
	v->nonzero = false;
	v->obj = O_NONE;
	v->kind = K_NONE;
	v->ref = -1;
	v->src = -1;
	v->vid = -1;
	v->pid = -1;
	v->pkt_off = -1;
}

static bool may_null(const struct vstate *v)
{
	return v->null == N_MAYBE || v->null == N_NULL;
}

/*
 * The references B holds under another name than A: a variable that holds
 * reference RA on one path and RB on the other (sk = bpf_sk_lookup_tcp() in
 * one branch, bpf_sk_lookup_udp() in the other) holds one reference after
 * the join, as the verifier sees one register. RB becomes RA when neither
 * path holds both. MAP[r] is what B's reference r is called in A.
 */
static void ref_renames(const struct state *a, const struct state *b, int *map)
{
	int i;

	for (i = 0; i < MAX_REFS; i++)
		map[i] = i;
	for (i = 0; i < b->nvars; i++) {
		const struct vstate *bv = &b->v[i];
		const struct vstate *av = var_get((struct state *)a, bv->name, false);
		int ra, rb;

		if (!av || av->ref < 0 || bv->ref < 0 || av->ref == bv->ref)
			continue;
		ra = av->ref;
		rb = bv->ref;
		if (map[rb] != rb || !(a->held & (1ULL << ra)) || !(b->held & (1ULL << rb)) ||
		    (a->held & (1ULL << rb)) || (b->held & (1ULL << ra)))
			continue;
		map[rb] = ra;
	}
}

static void join_into(struct state *a, const struct state *b)
{
	unsigned long long held = 0;
	int i, map[MAX_REFS];
	unsigned char anull;

	if (!b->live)
		return;
	if (!a->live) {
		*a = *b;
		return;
	}
	ref_renames(a, b, map);
	for (i = 0; i < MAX_REFS; i++)
		if (b->held & (1ULL << i))
			held |= 1ULL << map[i];
	for (i = 0; i < b->nvars; i++) {
		const struct vstate *bv = &b->v[i];
		struct vstate *av = var_get(a, bv->name, false);
		int bref = bv->ref >= 0 ? map[bv->ref] : -1;

		if (!av) {
			av = var_get(a, bv->name, true);
			if (av) {
				*av = *bv;
				av->ref = bref;
			}
			continue;
		}
		av->managed |= bv->managed;
		av->nonzero &= bv->nonzero;
		if (av->obj != bv->obj)
			av->obj = O_NONE;	/* created on one path only: not followed */
		anull = av->null;
		/* a literal NULL only if every path that may be NULL has only a literal */
		av->lit = (may_null(av) ? av->lit : true) && (may_null(bv) ? bv->lit : true) &&
			  (may_null(av) || may_null(bv));
		if (av->null != bv->null) {
			if (av->null == N_UNTRACKED || bv->null == N_UNTRACKED)
				av->null = N_UNTRACKED;
			else
				av->null = N_MAYBE;
			if (av->src < 0)
				av->src = bv->src;
		}
		if (av->kind != bv->kind || av->pkt_off != bv->pkt_off || av->pid != bv->pid)
			av->kind = K_NONE;
		/* NULL on one path, the reference on the other: still that reference */
		/*
		 * NULL, or an object not followed (a module kfunc's), on one path
		 * and a reference on the other: still that reference, which
		 * releasing the variable releases
		 */
		if (av->ref < 0 && bref >= 0 && (anull == N_NULL || (b->held & (1ULL << bv->ref))))
			av->ref = bref;
		else if (av->ref != bref && !(av->ref >= 0 && bref < 0 &&
					      (bv->null == N_NULL || (a->held & (1ULL << av->ref)))))
			av->ref = -1;
		if (av->vid != bv->vid)
			av->vid = -1;
	}
	if (b->pkt_safe < a->pkt_safe)
		a->pkt_safe = b->pkt_safe;
	for (i = 0; i < MAX_PIDS; i++)
		if (b->pid_checked[i] < a->pid_checked[i])
			a->pid_checked[i] = b->pid_checked[i];
	a->pkt_unknown |= b->pkt_unknown;
	a->held |= held;
	for (i = 0; i < L_N; i++)
		if (a->lock[i] != b->lock[i])
			a->lock[i] = -1;
}

static const char *callee_of(struct flow *fl, int call)
{
	return call >= 0 && (size_t)call < fl->f->ncalls ? fl->f->calls[call].callee : "?";
}

static struct bg_loc call_loc(struct flow *fl, int call)
{
	return call >= 0 && (size_t)call < fl->f->ncalls ? fl->f->calls[call].loc : (struct bg_loc){};
}

/*
 * Where a value points in the packet: an offset >= 0 from base *PID (-1: the
 * packet start), -1 for data_end, -2 for neither or not known.
 */
static long long pkt_of(struct state *s, const struct bg_val *val, int *pid)
{
	struct vstate *v;
	long long add = 0;

	*pid = -1;
	if (val->idx) {
		v = var_get(s, val->idx, false);
		if (!v || v->kind != K_CONST || v->pkt_off < 0 || val->off < 0)
			return -2;
		add = v->pkt_off * val->scale;
	}
	if (val->kind == BG_VAL_PKT)
		return val->off >= 0 ? val->off + add : -2;
	if (val->kind == BG_VAL_PKT_END)
		return -1;
	if (val->kind != BG_VAL_VAR || !(v = var_get(s, val->var, false)))
		return -2;
	if (v->kind == K_PKT_END && val->off == 0 && !val->idx)
		return -1;
	if (v->kind == K_PKT && v->pkt_off >= 0 && val->off >= 0) {
		*pid = v->pid;
		return v->pkt_off + val->off + add;
	}
	return -2;
}

static long long *checked(struct state *s, int pid)
{
	return pid >= 0 && pid < MAX_PIDS ? &s->pid_checked[pid] : &s->pkt_safe;
}

static unsigned summary_of(struct flow *fl, const struct bg_func *g);

/* V now holds a reference made by call CALL, to release before returning. */
static void acquire(struct flow *fl, struct state *s, struct vstate *v, int call,
		    enum bg_helper_flow kind)
{
	int r;

	for (r = 0; r < fl->nrefs && fl->refs[r].call != call; r++)
		;
	if (r == fl->nrefs) {
		if (fl->nrefs == MAX_REFS)
			return;
		fl->refs[fl->nrefs++] = (struct ref){ call, kind };
	}
	v->ref = r;
	s->held |= 1ULL << r;
}

/* Helpers whose result is their socket argument seen as another type: the same reference. */
static bool is_sock_cast(const char *helper)
{
	return !strncmp(helper, "bpf_skc_to_", 11) || !strcmp(helper, "bpf_tcp_sock") ||
	       !strcmp(helper, "bpf_sk_fullsock");
}

static void assign(struct flow *fl, struct state *s, const struct bg_stmt *st)
{
	struct vstate *v = var_get(s, st->var, true), *src, *from;
	const struct bg_val *val = &st->val;
	const struct bg_call *call;
	const struct bg_func *g;
	enum bg_helper_flow hf;
	const struct bg_map *map;
	const struct bg_kfunc *k;

	if (!v)
		return;
	switch (val->kind) {
	case BG_VAL_CONST:
		var_reset(v);
		v->kind = K_CONST;
		v->pkt_off = val->off;
		return;
	case BG_VAL_VAR:
		if (val->idx) {
			/* base + idx * scale: known when idx is, else a new base */
			struct vstate *base = var_get(s, val->var, false);
			int pid;
			long long off = pkt_of(s, val, &pid);

			if (!base || base->kind != K_PKT) {
				var_reset(v);
				return;
			}
			var_reset(v);
			v->kind = K_PKT;
			if (off >= 0) {
				v->pid = pid;
				v->pkt_off = off;
			} else if (fl->next_pid < MAX_PIDS && val->off >= 0) {
				v->pid = fl->next_pid++;
				v->pkt_off = val->off;
				s->pid_checked[v->pid] = 0;
			} else {
				v->kind = K_NONE;
			}
			return;
		}
		src = var_get(s, val->var, false);
		if (!src || src == v) {
			if (src == v && val->off != 0 && (v->kind == K_PKT || v->kind == K_CONST) &&
			    v->pkt_off >= 0 && v->pkt_off + val->off >= 0)
				v->pkt_off += val->off;
			else if (!src || val->off != 0)
				var_reset(v);
			return;
		}
		*v = (struct vstate){ .name = v->name, .null = src->null, .lit = src->lit,
				      .kind = src->kind,
				      .ref = src->ref, .src = src->src, .vid = src->vid,
				      .pid = src->pid, .pkt_off = src->pkt_off };
		if (val->off != 0) {
			if ((v->kind == K_PKT || v->kind == K_CONST) && v->pkt_off >= 0 && val->off >= 0)
				v->pkt_off += val->off;
			else if (v->kind == K_CONST && val->off < 0 && v->pkt_off + val->off >= 0)
				v->pkt_off += val->off;
			else if (v->kind == K_PKT || v->kind == K_CONST)
				var_reset(v), v->kind = K_NONE;
			else if (v->kind != K_SCALAR)
				var_reset(v);
			v->ref = -1;
		}
		return;
	case BG_VAL_NULL:
		var_reset(v);
		v->null = N_NULL;
		v->lit = true;
		return;
	case BG_VAL_PKT:
		var_reset(v);
		v->kind = K_PKT;
		v->pkt_off = val->off;
		return;
	case BG_VAL_PKT_END:
		var_reset(v);
		v->kind = K_PKT_END;
		return;
	case BG_VAL_SCALAR_PTR:
		var_reset(v);
		v->kind = K_SCALAR;
		return;
	case BG_VAL_CALL:
		var_reset(v);
		if (val->call < 0 || (size_t)val->call >= fl->f->ncalls)
			return;
		call = &fl->f->calls[val->call];
		if (call->indirect) {
			hf = bg_helper__flow(call->callee);
			/* a lookup in a sockmap or sockhash takes a reference to the socket */
			if (hf == BG_FLOW_OR_NULL && !strcmp(call->callee, "bpf_map_lookup_elem") &&
			    (map = bg_call__map_arg(fl->c->m, call, 0)) &&
			    (map->type == BG_MAP_SOCKMAP || map->type == BG_MAP_SOCKHASH))
				hf = BG_FLOW_SOCK;
			if (hf == BG_FLOW_OR_NULL || hf == BG_FLOW_RINGBUF || hf == BG_FLOW_SOCK ||
			    hf == BG_FLOW_KREF) {
				v->null = N_MAYBE;
				v->src = val->call;
				v->vid = fl->next_vid++;
			}
			if (hf == BG_FLOW_OR_NULL && is_sock_cast(call->callee) && call->nargs &&
			    call->args[0].ref && !call->args[0].addr_of &&
			    (from = var_get(s, call->args[0].ref, false)) && from->ref >= 0 &&
			    (s->held & (1ULL << from->ref))) {
				v->ref = from->ref;
				v->derived = true;
			}
			if (hf == BG_FLOW_RINGBUF || hf == BG_FLOW_SOCK || hf == BG_FLOW_KREF)
				acquire(fl, s, v, val->call, hf);
			return;
		}
		k = bg_model__find_func(fl->c->m, call->callee) ? NULL : bg_kfunc__find(call->callee);
		if (k && (k->flags & (BG_KF_ACQUIRE | BG_KF_RET_NULL))) {
			/*
			 * a kfunc: KF_RET_NULL may be NULL, KF_ACQUIRE holds a
			 * reference; bpf_refcount_acquire() of an object we own
			 * is never NULL (the verifier's arg_owning_ref)
			 */
			v->null = k->flags & BG_KF_RET_NULL ? N_MAYBE : N_NONNULL;
			if (!strcmp(k->name, "bpf_refcount_acquire_impl") && call->nargs &&
			    call->args[0].ref && !call->args[0].addr_of &&
			    (from = var_get(s, call->args[0].ref, false)) && from->ref >= 0 &&
			    (s->held & (1ULL << from->ref)))
				v->null = N_NONNULL;
			v->src = val->call;
			v->vid = fl->next_vid++;
			if (k->flags & BG_KF_ACQUIRE)
				acquire(fl, s, v, val->call, BG_FLOW_KREF);
			return;
		}
		/* a function of this file: what it may return, as its summary says */
		g = bg_model__find_func(fl->c->m, call->callee);
		if (g && g != fl->f) {
			unsigned ret = summary_of(fl, g);

			if (ret & (RET_NULL | RET_NULL_LIT)) {
				v->null = N_MAYBE;
				v->lit = !(ret & RET_NULL);
				v->src = val->call;
				v->vid = fl->next_vid++;
			}
			if (ret & (RET_RINGBUF | RET_SOCK | RET_KREF))
				acquire(fl, s, v, val->call,
					ret & RET_RINGBUF ? BG_FLOW_RINGBUF :
					ret & RET_SOCK ? BG_FLOW_SOCK : BG_FLOW_KREF);
		}
		return;
	default:
		var_reset(v);
		return;
	}
}

static void release(struct state *s, int ref)
{
	int i;

	if (ref < 0)
		return;
	s->held &= ~(1ULL << ref);
	for (i = 0; i < s->nvars; i++) {
		if (s->v[i].ref != ref)
			continue;
		s->v[i].ref = -1;
		/* a dynptr of a submitted reservation, and its clones, are gone */
		if (s->v[i].obj == O_INIT)
			s->v[i].obj = O_DEAD;
	}
}

static void null_args(struct flow *fl, struct state *s, int idx);
static const char *user_name(const struct bg_func *f);

/* Release every reference of KIND held on this path. */
static void release_kind(struct flow *fl, struct state *s, enum bg_helper_flow kind)
{
	int r;

	for (r = 0; r < fl->nrefs; r++)
		if (fl->refs[r].kind == kind && !fl->refs[r].obj && (s->held & (1ULL << r)))
			release(s, r);
}

/*
 * Whether function NAME of the file, or one it calls, releases a reference
 * (bpf_sk_release(), bpf_ringbuf_submit()...). One that cannot leaves what
 * it is given held: gen_syncookie(sk, ...) only reads the socket.
 */
static bool may_release(struct flow *fl, const char *name)
{
	const struct bg_model *m = fl->c->m;
	const struct bg_func *g = bg_model__find_func(m, name);
	bool *reach, found = false;
	size_t i, j;

	/*
	 * A kfunc: its KF_RELEASE from the table of the kernel's kfuncs; one
	 * the table lacks (a module's) by its name, as the release kfuncs are
	 * named (bpf_task_release, bpf_obj_drop, bpf_ringbuf_discard_dynptr)
	 */
	if (!g && bg_kfunc__find(name))
		return (bg_kfunc__find(name)->flags & (BG_KF_RELEASE | BG_KF_ITER_DESTROY)) ||
		       bg_kfunc__consumes(name) >= 0;
	if (!g)
		return strstr(name, "release") || strstr(name, "drop") || strstr(name, "submit") ||
		       strstr(name, "discard") || strstr(name, "destroy") || strstr(name, "_put");
	reach = calloc(m->nfuncs + 1, sizeof(*reach));
	if (!reach || bg_model__reachable(m, (int)(g - m->funcs), reach)) {
		free(reach);
		return true;
	}
	for (i = 0; i < m->nfuncs && !found; i++) {
		const struct bg_func *f = &m->funcs[i];

		if (!reach[i])
			continue;
		if (!f->body)
			found = true;	/* not lowered: it may */
		for (j = 0; j < f->ncalls && !found; j++) {
			enum bg_helper_flow hf = f->calls[j].indirect ?
						 bg_helper__flow(f->calls[j].callee) : BG_FLOW_NONE;
			const struct bg_kfunc *k = f->calls[j].indirect ? NULL :
						   bg_kfunc__find(f->calls[j].callee);

			found = hf == BG_FLOW_SOCK_RELEASE || hf == BG_FLOW_RINGBUF_RELEASE ||
				hf == BG_FLOW_KREF ||	/* bpf_kptr_xchg() stores it */
				(k && ((k->flags & (BG_KF_RELEASE | BG_KF_ITER_DESTROY)) ||
				       bg_kfunc__consumes(k->name) >= 0)) ||
				(!strncmp(f->calls[j].callee, "bpf_", 4) &&
				 strstr(f->calls[j].callee, "release"));
		}
	}
	free(reach);
	return found;
}

enum obj_role { ROLE_NONE, ROLE_NEW, ROLE_USE, ROLE_END };

/*
 * What call CALL (kfunc K, or NULL) does to the dynptr or iterator given as
 * &arg I: creates it (a constructor's __uninit argument), ends it (a
 * _destroy() kfunc, a ring buffer dynptr's submit or discard), or uses it,
 * which needs it created. ROLE_NONE: a call not known, which may do anything.
 */
static enum obj_role obj_role(struct flow *fl, const struct bg_call *call,
			      const struct bg_kfunc *k, unsigned i)
{
	static const struct {
		const char *name;
		unsigned arg;
		enum obj_role role;
	} helpers[] = {
		{ "bpf_dynptr_from_mem", 3, ROLE_NEW },
		{ "bpf_ringbuf_reserve_dynptr", 3, ROLE_NEW },
		{ "bpf_ringbuf_submit_dynptr", 0, ROLE_END },
		{ "bpf_ringbuf_discard_dynptr", 0, ROLE_END },
		{ "bpf_dynptr_read", 2, ROLE_USE },
		{ "bpf_dynptr_write", 0, ROLE_USE },
		{ "bpf_dynptr_data", 0, ROLE_USE },
	};
	size_t j;

	if (call->indirect) {
		for (j = 0; j < sizeof(helpers) / sizeof(helpers[0]); j++)
			if (!strcmp(helpers[j].name, call->callee) && helpers[j].arg == i)
				return helpers[j].role;
		return ROLE_NONE;
	}
	if (!k || bg_model__find_func(fl->c->m, call->callee))
		return ROLE_NONE;
	if (i == 0 && (k->flags & BG_KF_ITER_NEW))
		return ROLE_NEW;
	if (i == 0 && (k->flags & BG_KF_ITER_DESTROY))
		return ROLE_END;
	if (i < 8 && (k->uninit & (1u << i)))
		return ROLE_NEW;
	return i < 8 && (k->ptr & (1u << i)) ? ROLE_USE : ROLE_NONE;
}

/* The dynptrs and iterators call IDX is given by address: their state, and its errors. */
static void obj_call(struct flow *fl, struct state *s, int idx, const struct bg_kfunc *k)
{
	const struct bg_call *call = &fl->f->calls[idx];
	const char *what, *name;
	struct vstate *v, *from;
	enum obj_role role;
	struct bg_diag *d;
	unsigned i, j;

	for (i = 0; i < call->nargs; i++) {
		if (!call->args[i].ref || !call->args[i].addr_of)
			continue;
		role = obj_role(fl, call, k, i);
		v = var_get(s, call->args[i].ref, role == ROLE_NEW);
		if (!v)
			continue;
		if (v->obj == O_NONE && role == ROLE_END) {
			release(s, v->ref);	/* not followed since, but its end is known */
			continue;
		}
		if (v->obj == O_NONE && role != ROLE_NEW)
			continue;
		name = call->args[i].ref;
		what = strstr(call->args[i].type.pointee ? call->args[i].type.pointee : "", "iter") ?
		       "iterator" : "dynptr";
		if (v->managed || role == ROLE_NONE) {
			/* a function of the file, or one not known: it may create or end it */
			if (!call->indirect && may_release(fl, call->callee))
				release(s, v->ref);
			v->obj = O_NONE;
			continue;
		}
		if (fl->rule == R_OBJ && role != ROLE_NEW && v->obj != O_INIT) {
			d = bg_check__report(fl->c, call->loc,
					     "the %s '%s' is given to '%s()' %s; the verifier refuses "
					     "the program (expected an initialized %s)", what, name,
					     call->callee, v->obj == O_UNINIT ? "before it is created" :
					     "after it was destroyed or released", what);
			bg_diag__note(d, (struct bg_loc){}, strcmp(what, "iterator") ?
				      "create it first (bpf_dynptr_from_mem(), "
				      "bpf_ringbuf_reserve_dynptr(), ...) and use it before it is "
				      "submitted or discarded" :
				      "create it with its _new() kfunc first, and use it before its "
				      "_destroy()");
			v->obj = O_NONE;	/* once */
			continue;
		}
		if (role == ROLE_NEW && v->obj == O_INIT &&
		    (!strcmp(what, "iterator") || (v->ref >= 0 && (s->held & (1ULL << v->ref))))) {
			if (fl->rule == R_OBJ) {
				d = bg_check__report(fl->c, call->loc,
						     "'%s()' creates the %s '%s' over one still in use; "
						     "the verifier refuses the program (%s)", call->callee,
						     what, name, strcmp(what, "iterator") ?
						     "cannot overwrite referenced dynptr" :
						     "expected an uninitialized iterator");
				bg_diag__note(d, (struct bg_loc){}, strcmp(what, "iterator") ?
					      "submit or discard the reservation first" :
					      "destroy it first, or use another variable");
			}
			v->obj = O_NONE;
			continue;
		}
		if (role == ROLE_END) {
			v->obj = O_DEAD;
			release(s, v->ref);
			continue;
		}
		if (role != ROLE_NEW)
			continue;
		v->obj = O_INIT;
		v->ref = -1;
		if ((k && (k->flags & BG_KF_ITER_NEW)) ||
		    !strcmp(call->callee, "bpf_ringbuf_reserve_dynptr")) {
			/* a reference, released even when the reservation failed */
			acquire(fl, s, v, idx, k ? BG_FLOW_KREF : BG_FLOW_RINGBUF);
			fl->refs[v->ref].obj = true;
			continue;
		}
		/* a clone shares the reference of the dynptr it is made from */
		for (j = 0; j < call->nargs; j++)
			if (j != i && call->args[j].ref && call->args[j].addr_of &&
			    (from = var_get(s, call->args[j].ref, false)) && from->obj == O_INIT)
				v->ref = from->ref;
	}
}

static void leak_check(struct flow *fl, struct state *s, const struct bg_stmt *ret);

static const struct {
	const char *name;
	int region;
	int step;
} region_calls[] = {
	{ "bpf_spin_lock", L_SPIN, 1 },
	{ "bpf_spin_unlock", L_SPIN, -1 },
	{ "bpf_rcu_read_lock", L_RCU, 1 },
	{ "bpf_rcu_read_unlock", L_RCU, -1 },
	{ "bpf_preempt_disable", L_PREEMPT, 1 },
	{ "bpf_preempt_enable", L_PREEMPT, -1 },
};

/* Whether function NAME of the file, or one it calls, opens or closes a region. */
static bool may_change_regions(struct flow *fl, const struct bg_func *g)
{
	const struct bg_model *m = fl->c->m;
	bool *reach, found = false;
	size_t i, j, r;

	reach = calloc(m->nfuncs + 1, sizeof(*reach));
	if (!reach || bg_model__reachable(m, (int)(g - m->funcs), reach)) {
		free(reach);
		return true;
	}
	for (i = 0; i < m->nfuncs && !found; i++) {
		if (!reach[i])
			continue;
		found = !m->funcs[i].body;
		for (j = 0; j < m->funcs[i].ncalls && !found; j++)
			for (r = 0; r < sizeof(region_calls) / sizeof(region_calls[0]); r++)
				found |= !strcmp(m->funcs[i].calls[j].callee, region_calls[r].name);
	}
	free(reach);
	return found;
}

/* The program section whose entry function F is (BPF_PROG()'s body too), or NULL. */
static const struct bg_prog *entry_of(struct flow *fl, const struct bg_func *f)
{
	const struct bg_model *m = fl->c->m;
	size_t i;

	for (i = 0; i < m->nprogs; i++) {
		const struct bg_prog *p = &m->progs[i];

		if ((p->func >= 0 && &m->funcs[p->func] == f) ||
		    (f->name != user_name(f) && !strcmp(user_name(f), p->name)))
			return p;
	}
	return NULL;
}

/* Call IDX opens or closes a region, or needs one. */
static void region_call(struct flow *fl, struct state *s, int idx, const struct bg_kfunc *k)
{
	const struct bg_call *call = &fl->f->calls[idx];
	const struct bg_section_def *def;
	const struct bg_prog *p;
	const struct bg_func *g;
	struct bg_diag *d;
	size_t r;

	for (r = 0; r < sizeof(region_calls) / sizeof(region_calls[0]); r++) {
		signed char *depth = &s->lock[region_calls[r].region];

		if (strcmp(call->callee, region_calls[r].name))
			continue;
		if (*depth >= 0 && *depth + region_calls[r].step >= 0 && *depth < 100)
			*depth += region_calls[r].step;
		else
			*depth = -1;
		return;
	}
	if (!call->indirect && (g = bg_model__find_func(fl->c->m, call->callee))) {
		if (g != fl->f && may_change_regions(fl, g))
			memset(s->lock, -1, sizeof(s->lock));
		return;
	}
	if (fl->rule != R_LOCK || !k)
		return;
	/* the graph kfuncs: bpf_rbtree_add(), bpf_list_pop_front(), ... */
	if ((!strncmp(k->name, "bpf_rbtree_", 11) || !strncmp(k->name, "bpf_list_p", 10)) &&
	    !s->lock[L_SPIN]) {
		d = bg_check__report(fl->c, call->loc,
				     "'%s()' is called without the bpf_spin_lock that guards its "
				     "tree or list held on this path; the verifier refuses the program",
				     call->callee);
		bg_diag__note(d, (struct bg_loc){},
			      "take the lock next to the root or head first: bpf_spin_lock(&lock); "
			      "... bpf_spin_unlock(&lock);");
		s->lock[L_SPIN] = -1;	/* once */
	}
	if ((k->flags & BG_KF_RCU_PROTECTED) && !s->lock[L_RCU] && (p = entry_of(fl, fl->f)) &&
	    (def = bg_section__find(p->section)) && (def->flags & BG_SEC_SLEEPABLE)) {
		d = bg_check__report(fl->c, call->loc,
				     "'%s()' needs an RCU read section, which sleepable section '%s' "
				     "does not have; the verifier refuses the program (expected an "
				     "RCU CS)", call->callee, p->section);
		bg_diag__note(d, (struct bg_loc){},
			      "call bpf_rcu_read_lock() before it and bpf_rcu_read_unlock() after the "
			      "iteration");
		s->lock[L_RCU] = -1;
	}
}

static void do_call(struct flow *fl, struct state *s, int idx)
{
	const struct bg_kfunc *k;
	const struct bg_call *call;
	enum bg_helper_flow hf;
	unsigned i;
	int j;

	if (idx < 0 || (size_t)idx >= fl->f->ncalls)
		return;
	if (fl->rule == R_NULL)
		null_args(fl, s, idx);
	call = &fl->f->calls[idx];
	hf = call->indirect ? bg_helper__flow(call->callee) : BG_FLOW_NONE;
	if (hf == BG_FLOW_PKT_CHANGE) {
		/* the verifier forgets every packet pointer: they must be loaded again */
		for (j = 0; j < s->nvars; j++)
			if (s->v[j].kind == K_PKT)
				var_reset(&s->v[j]);
		s->pkt_safe = 0;
		memset(s->pid_checked, 0, sizeof(s->pid_checked));
	}
	k = call->indirect || bg_model__find_func(fl->c->m, call->callee) ? NULL :
	    bg_kfunc__find(call->callee);
	obj_call(fl, s, idx, k);
	region_call(fl, s, idx, k);
	for (i = 0; i < call->nargs; i++) {
		const struct bg_arg *a = &call->args[i];
		struct vstate *v;

		/*
		 * A kfunc that releases, consumes or stores what it is given a
		 * pointer we do not follow (container_of(node, ...), a field):
		 * it may be one of the references held, and none is reported.
		 */
		if ((k && ((k->flags & BG_KF_RELEASE) ? (k->ptr & (1u << i)) :
			   bg_kfunc__consumes(call->callee) == (int)i)) ||
		    (hf == BG_FLOW_KREF && i == 1) ||
		    (!k && !call->indirect && !bg_model__find_func(fl->c->m, call->callee) &&
		     may_release(fl, call->callee))) {
			v = a->ref && !a->addr_of ? var_get(s, a->ref, false) : NULL;
			if ((!v || v->ref < 0) && !(a->is_const && !a->value) &&
			    !(v && v->null == N_NULL))
				release_kind(fl, s, BG_FLOW_KREF);
		}
		if (!a->ref || a->addr_of)
			continue;
		v = var_get(s, a->ref, false);
		if (!v || v->ref < 0)
			continue;
		if ((hf == BG_FLOW_RINGBUF_RELEASE || hf == BG_FLOW_SOCK_RELEASE) && i == 0)
			release(s, v->ref);
		else if (hf == BG_FLOW_KREF && i == 1)
			/* bpf_kptr_xchg(&v->kptr, p): the map holds p now */
			release(s, v->ref);
		else if (k && !v->derived && ((k->flags & BG_KF_RELEASE) ||
					      bg_kfunc__consumes(call->callee) == (int)i))
			release(s, v->ref);
		else if (k)
			continue;	/* the kfunc only uses it */
		else if (!call->indirect && !v->derived && may_release(fl, call->callee))
			/* a function of ours may release it: stop following it */
			release(s, v->ref);
	}
	if (k && !strcmp(k->name, "bpf_throw")) {
		/* the program ends here: what it holds is never released */
		leak_check(fl, s, NULL);
		s->live = false;
	}
}

/*
 * V (variable NAME) may be NULL, and ACTION ("'*p' dereferences it") needs
 * memory at LOC: report it, or, for a parameter of a callee being summarised,
 * note that the callee needs that parameter to be memory.
 */
static void null_use(struct flow *fl, struct vstate *v, const char *name, struct bg_loc loc,
		     const char *action, bool addr)
{
	const char *callee;
	struct bg_diag *d;

	if (fl->collect) {
		if (v->src <= -2 && -2 - v->src < 32)
			*(addr ? &fl->param_addr : &fl->param_need) |= 1u << (-2 - v->src);
		/* an address only: a later access of it is still to be seen */
		if (!addr)
			v->null = N_UNTRACKED;
		return;
	}
	callee = callee_of(fl, v->src);
	if (v->null == N_NULL)
		d = bg_check__report(fl->c, loc, "'%s' is NULL here: %s", name, action);
	else
		d = bg_check__report(fl->c, loc,
				     "'%s' may be NULL here: %s without a check on this path; the "
				     "verifier refuses the program", name, action);
	if (d && v->src >= 0)
		bg_diag__note(d, call_loc(fl, v->src), "'%s' comes from '%s', which returns NULL %s",
			      name, callee,
			      bg_helper__flow(callee) == BG_FLOW_RINGBUF ?
			      "when the ring buffer is full" :
			      strstr(callee, "lookup_elem") ? "when the key is not in the map" :
			      "when it finds nothing");
	bg_diag__note(d, (struct bg_loc){}, "check it first: if (!%s) return ...;", name);
	/* one report per variable and path is enough */
	v->null = N_UNTRACKED;
}

static unsigned params_of(struct flow *fl, const struct bg_func *g, unsigned *addr);

/* A call given a maybe-NULL pointer where the callee needs memory. */
static void null_args(struct flow *fl, struct state *s, int idx)
{
	const struct bg_call *call = &fl->f->calls[idx];
	const struct bg_kfunc *k = NULL;
	const struct bg_func *g = NULL;
	unsigned i, need = 0, addr = 0;
	char action[256];
	bool only_addr;

	if (!call->indirect)
		g = bg_model__find_func(fl->c->m, call->callee);
	if (g == fl->f)
		return;
	if (g)
		need = params_of(fl, g, &addr);
	else if (!call->indirect)
		k = bg_kfunc__find(call->callee);
	for (i = 0; i < call->nargs && i < 32; i++) {
		struct vstate *v;

		/* (a __weak kfunc's call is under bpf_ksym_exists(), which the verifier prunes) */
		if (k && !fl->collect && bg_kfunc__arg_nonnull(k, i) && call->args[i].is_const &&
		    !call->args[i].value && !call->args[i].ref &&
		    !(bg_model__find_ksym(fl->c->m, call->callee) &&
		      bg_model__find_ksym(fl->c->m, call->callee)->is_weak)) {
			struct bg_diag *d = bg_check__report(fl->c, call->loc,
				"'%s()' is given NULL as argument %u, where the kernel needs a valid "
				"pointer; the verifier refuses the program", call->callee, i + 1);

			bg_diag__note(d, (struct bg_loc){},
				      "the kernel registers '%s' with trusted arguments: pass the object",
				      call->callee);
			continue;
		}
		if (!call->args[i].ref || call->args[i].addr_of)
			continue;
		if (g ? !((need | addr) & (1u << i)) :
		    k ? !bg_kfunc__arg_nonnull(k, i) : !bg_helper__arg_nonnull(call->callee, i))
			continue;
		/* the callee only computes addresses from it (a CO-RE read, say) */
		only_addr = g && !(need & (1u << i));
		v = var_get(s, call->args[i].ref, false);
		if (!v || !may_null(v) || (only_addr && v->lit))
			continue;
		if (g && !g->typed)
			snprintf(action, sizeof(action),
				 "'%s()' dereferences its argument %u, given '%s',", user_name(g), i + 1,
				 call->args[i].ref);
		else if (k)
			snprintf(action, sizeof(action),
				 "'%s()' needs a valid pointer in argument %u (a trusted argument) and "
				 "is given '%s'", call->callee, i + 1, call->args[i].ref);
		else
			snprintf(action, sizeof(action),
				 "'%s()' needs memory in argument %u and is given '%s'", call->callee,
				 i + 1, call->args[i].ref);
		null_use(fl, v, call->args[i].ref, call->loc, action, only_addr);
	}
}

static void report_deref(struct flow *fl, struct state *s, const struct bg_stmt *st)
{
	struct vstate *v = var_get(s, st->var, false);
	const char *what = st->text ? st->text : st->var;
	struct bg_diag *d;
	char action[256];

	if (!v)
		return;
	/*
	 * &p->field from a literal NULL is arithmetic on a number (as in
	 * BPF_CORE_READ(p, field), which reads through bpf_probe_read_kernel());
	 * from a pointer that may be NULL it is refused.
	 */
	if (fl->rule == R_NULL && may_null(v) && !(st->addr && v->lit)) {
		snprintf(action, sizeof(action), st->addr ? "'%s' computes an address from it" :
			 "'%s' dereferences it", what);
		null_use(fl, v, st->var, st->loc, action, st->addr);
	}
	/* &p->field: only an address, which packet and kernel rules do not read */
	if (st->addr)
		return;
	if (fl->rule == R_PKT && v->kind == K_PKT && v->pkt_off >= 0 && st->off >= 0 &&
	    st->size > 0 && !s->pkt_unknown &&
	    v->pkt_off + st->off + st->size > *checked(s, v->pid)) {
		long long need = v->pkt_off + st->off + st->size;

		if (v->pid < 0)
			d = bg_check__report(fl->c, st->loc,
					     "packet access '%s' %s up to byte %lld of the packet, but this "
					     "path only checks %lld bytes against data_end; the verifier "
					     "refuses it", what, st->write ? "writes" : "reads", need,
					     s->pkt_safe);
		else
			d = bg_check__report(fl->c, st->loc,
					     "packet access '%s' %s %lld bytes from a variable offset, but "
					     "this path checks only %lld of them against data_end; the "
					     "verifier refuses it", what, st->write ? "writes" : "reads",
					     need, *checked(s, v->pid));
		bg_diag__note(d, (struct bg_loc){},
			      "compare first, for example: if ((void *)%s + %lld > data_end) return ...;",
			      st->var, st->off + st->size);
		/* assume the check, so that one missing check is reported once */
		*checked(s, v->pid) = need;
	}
	if (fl->rule == R_KERNEL && v->kind == K_SCALAR) {
		d = bg_check__report(fl->c, st->loc,
				     "'%s' reads kernel memory directly through '%s', which the verifier "
				     "sees as a plain number", what, st->var);
		bg_diag__note(d, (struct bg_loc){},
			      "read it with BPF_CORE_READ() or bpf_probe_read_kernel(); a direct read "
			      "is refused (\"invalid mem access 'scalar'\")");
		v->kind = K_NONE;
	}
}

static void run(struct flow *fl, const struct bg_stmt *st, struct state *s);

static void assume(struct flow *fl, const struct bg_cond *c, bool truth, struct state *s);

static void untrack_vars(struct state *s, const struct bg_cond *c)
{
	size_t i;

	for (i = 0; i < c->nvars; i++) {
		struct vstate *v = var_get(s, c->vars[i], false);

		if (v && v->kind != K_PKT && v->kind != K_PKT_END)
			v->null = N_UNTRACKED;
	}
}

static void assume_less(const struct bg_cond *c, bool truth, struct state *s)
{
	int apid, bpid;
	long long a = pkt_of(s, &c->a, &apid), b = pkt_of(s, &c->b, &bpid);
	long long *safe = NULL, want = 0;

	if (truth && a >= 0 && b == -1) {		/* data + a < end, or <= */
		safe = checked(s, apid);
		want = a + (c->strict ? 1 : 0);
	} else if (!truth && a == -1 && b >= 0) {	/* not (end < data + b) */
		safe = checked(s, bpid);
		want = b + (c->strict ? 0 : 1);
	} else if ((a == -1 && b == -2) || (a == -2 && b == -1)) {
		s->pkt_unknown = true;	/* a bound we cannot follow */
	}
	if (safe && want > *safe)
		*safe = want;
}

/* What a NULL test of V tells, about V and every copy of its value. */
static void set_null(struct state *s, struct vstate *v, bool nonnull)
{
	int vid = v->vid, i;

	for (i = 0; i < s->nvars; i++) {
		struct vstate *w = &s->v[i];

		if (w != v && (vid < 0 || w->vid != vid))
			continue;
		if (nonnull) {
			if (w->null != N_UNTRACKED || w->ref >= 0)
				w->null = N_NONNULL;
		} else if (w->null != N_UNTRACKED || w->ref >= 0) {
			/* NULL: no socket, no reservation, nothing to release */
			w->null = N_NULL;
			if (!w->derived)
				release(s, w->ref);
			else
				w->ref = -1;
		}
	}
}

static void assume(struct flow *fl, const struct bg_cond *c, bool truth, struct state *s)
{
	struct state t;
	struct vstate *v;

	if (!c) {
		return;
	}
	if (c->pre)
		run(fl, c->pre, s);
	if (!s->live)
		return;
	switch (c->kind) {
	case BG_COND_NONNULL:
		v = var_get(s, c->var, false);
		if (!v)
			return;
		set_null(s, v, truth);
		return;
	case BG_COND_LESS:
		assume_less(c, truth, s);
		return;
	case BG_COND_VALUE:
		/*
		 * `if (flag)` twice on one unchanged variable: the second test
		 * goes the way the first did (an assignment forgets it)
		 */
		if (c->a.kind != BG_VAL_VAR || c->a.idx || c->a.off || !(v = var_get(s, c->a.var, true)))
			return;
		if (v->kind != K_NONE && v->kind != K_CONST)
			return;
		if (truth && v->kind == K_CONST && !v->pkt_off)
			s->live = false;
		else if (!truth && (v->nonzero || (v->kind == K_CONST && v->pkt_off)))
			s->live = false;
		else if (truth)
			v->nonzero = true;
		else
			v->kind = K_CONST, v->pkt_off = 0;
		return;
	case BG_COND_NOT:
		assume(fl, c->l, !truth, s);
		return;
	case BG_COND_AND:
	case BG_COND_OR:
		if ((c->kind == BG_COND_AND) == truth) {
			/* both sides hold (and), or both fail (or) */
			assume(fl, c->l, truth, s);
			assume(fl, c->r, truth, s);
			return;
		}
		/* the left decides, or the left passes and the right decides */
		t = *s;
		assume(fl, c->l, truth, s);
		assume(fl, c->l, !truth, &t);
		assume(fl, c->r, truth, &t);
		join_into(s, &t);
		return;
	default:
		untrack_vars(s, c);
		return;
	}
}

static struct label *label_get(struct flow *fl, const char *name)
{
	int i;

	for (i = 0; i < fl->nlabels; i++)
		if (!strcmp(fl->labels[i].name, name))
			return &fl->labels[i];
	if (fl->nlabels == MAX_LABELS)
		return NULL;
	memset(&fl->labels[fl->nlabels], 0, sizeof(fl->labels[0]));
	fl->labels[fl->nlabels].name = name;
	return &fl->labels[fl->nlabels++];
}

/*
 * The name the user wrote for F: the body of BPF_PROG(name) is ____name, and
 * the body of a bpfgen/bpf.h program macro is ___bpfgen_body_name.
 */
static const char *user_name(const struct bg_func *f)
{
	if (!strncmp(f->name, "___bpfgen_body_", 15))
		return f->name + 15;
	if (!strncmp(f->name, "____", 4) && f->name[4])
		return f->name + 4;
	return f->name;
}

static void leak_check(struct flow *fl, struct state *s, const struct bg_stmt *ret)
{
	static const char *const unlock[L_N] = {
		"bpf_spin_unlock", "bpf_rcu_read_unlock", "bpf_preempt_enable",
	};
	int r;

	for (r = 0; fl->rule == R_LOCK && r < L_N; r++) {
		struct bg_diag *d;

		if (s->lock[r] <= 0 || !fl->entry)
			continue;
		d = bg_check__report(fl->c, ret ? ret->loc : fl->f->loc,
				     "'%s' returns with %d %s() missing on this path; the verifier "
				     "refuses the program", user_name(fl->f), s->lock[r], unlock[r]);
		bg_diag__note(d, (struct bg_loc){}, "end the region before every return");
		s->lock[r] = 0;
	}

	if (ret && ret->val.kind == BG_VAL_VAR) {
		/* a reference handed to the caller is the caller's to release */
		struct vstate *v = var_get(s, ret->val.var, false);

		if (v && v->ref >= 0)
			release(s, v->ref);
	}
	for (r = 0; r < fl->nrefs; r++) {
		enum bg_helper_flow kind = fl->refs[r].kind;
		struct bg_diag *d;

		if (!(s->held & (1ULL << r)))
			continue;
		if (fl->rule == R_RINGBUF && kind == BG_FLOW_RINGBUF) {
			d = bg_check__report(fl->c, call_loc(fl, fl->refs[r].call),
					     "this ring buffer reservation is neither submitted nor "
					     "discarded on a path that leaves '%s'; the verifier refuses "
					     "the program (unreleased reference)", user_name(fl->f));
			if (ret)
				bg_diag__note(d, ret->loc, "the reservation is still held when this returns");
			bg_diag__note(d, (struct bg_loc){},
				      "call bpf_ringbuf_submit() or bpf_ringbuf_discard() on every path");
		} else if (fl->rule == R_KREF && kind == BG_FLOW_KREF) {
			const char *callee = callee_of(fl, fl->refs[r].call);
			const struct bg_kfunc *k = bg_kfunc__find(callee);

			if (k && (k->flags & BG_KF_ITER_NEW)) {
				d = bg_check__report(fl->c, call_loc(fl, fl->refs[r].call),
						     "the iterator that '%s()' creates is not destroyed on a "
						     "path that leaves '%s'; the verifier refuses the program "
						     "(unreleased reference)", callee, user_name(fl->f));
				bg_diag__note(d, (struct bg_loc){},
					      "call its _destroy() kfunc on every path, or iterate with "
					      "bpf_for(), which destroys it");
			} else {
				d = bg_check__report(fl->c, call_loc(fl, fl->refs[r].call),
						     "the reference from '%s()' is not released on a path that "
						     "leaves '%s'; the verifier refuses the program "
						     "(unreleased reference)", callee, user_name(fl->f));
				bg_diag__note(d, (struct bg_loc){},
					      "release it (bpf_task_release(), bpf_obj_drop()...) or "
					      "hand it to a map with bpf_kptr_xchg() on every path where it "
					      "is not NULL");
			}
			if (ret)
				bg_diag__note(d, ret->loc, "the reference is still held when this returns");
		} else if (fl->rule == R_SOCK && kind == BG_FLOW_SOCK) {
			d = bg_check__report(fl->c, call_loc(fl, fl->refs[r].call),
					     "the socket reference from '%s' is not released on a path "
					     "that leaves '%s'; the verifier refuses the program",
					     callee_of(fl, fl->refs[r].call), user_name(fl->f));
			if (ret)
				bg_diag__note(d, ret->loc, "the reference is still held when this returns");
			bg_diag__note(d, (struct bg_loc){},
				      "call bpf_sk_release() on every path where the lookup succeeded");
		}
	}
	s->held = 0;
}

static void run(struct flow *fl, const struct bg_stmt *st, struct state *s)
{
	struct bg_stmt ret;
	struct jump_ctx jc, *outer;
	struct state a, b, in;
	struct label *l;
	struct vstate *v;
	size_t i;
	int iter;

	if (!st)
		return;
	switch (st->kind) {
	case BG_ST_SEQ:
		for (i = 0; i < st->nkids; i++)
			run(fl, st->kids[i], s);
		return;
	case BG_ST_LABEL:
		l = label_get(fl, st->text);
		if (l) {
			join_into(s, &l->st);
			l->seen = true;
		}
		return;
	case BG_ST_CASE:
		if (fl->jump && fl->jump->is_switch) {
			join_into(s, &fl->jump->entry);
			fl->jump->has_default |= st->write;
		}
		return;
	default:
		break;
	}
	if (!s->live)
		return;
	switch (st->kind) {
	case BG_ST_ASSIGN:
		assign(fl, s, st);
		return;
	case BG_ST_DEREF:
		report_deref(fl, s, st);
		return;
	case BG_ST_CALL:
		do_call(fl, s, st->call);
		return;
	case BG_ST_CLEANUP:
		v = var_get(s, st->var, true);
		if (v)
			v->managed = true;
		return;
	case BG_ST_OBJECT:
		v = var_get(s, st->var, true);
		if (v && !v->managed)
			v->obj = O_UNINIT;
		return;
	case BG_ST_FORGET:
		/* stored away or written through &v: what it holds escapes */
		v = var_get(s, st->var, false);
		if (v) {
			release(s, v->ref);
			var_reset(v);
		}
		return;
	case BG_ST_IF:
		a = *s;
		b = *s;
		assume(fl, st->cond, true, &a);
		assume(fl, st->cond, false, &b);
		if (st->nkids > 0)
			run(fl, st->kids[0], &a);
		if (st->nkids > 1)
			run(fl, st->kids[1], &b);
		*s = a;
		join_into(s, &b);
		return;
	case BG_ST_LOOP:
		outer = fl->jump;
		in = *s;
		memset(&jc, 0, sizeof(jc));
		jc.outer = outer;
		fl->jump = &jc;
		for (iter = 0; iter < 2; iter++) {
			a = in;
			if (!st->write || iter)
				assume(fl, st->cond, true, &a);
			jc.cont.live = false;
			if (st->nkids > 0)
				run(fl, st->kids[0], &a);
			join_into(&a, &jc.cont);
			join_into(&in, &a);
		}
		fl->jump = outer;
		assume(fl, st->cond, false, &in);
		*s = in;
		join_into(s, &jc.brk);
		return;
	case BG_ST_SWITCH:
		outer = fl->jump;
		memset(&jc, 0, sizeof(jc));
		jc.outer = outer;
		jc.is_switch = true;
		jc.entry = *s;
		fl->jump = &jc;
		a = *s;
		a.live = false;	/* only case labels enter the body */
		if (st->nkids > 0)
			run(fl, st->kids[0], &a);
		fl->jump = outer;
		*s = a;
		join_into(s, &jc.brk);
		if (!jc.has_default)
			join_into(s, &jc.entry);	/* no case matched */
		return;
	case BG_ST_RETURN:
		ret = *st;
		if (st->val.kind == BG_VAL_CALL) {
			/* return f(...): as if through a variable of its own */
			ret.kind = BG_ST_ASSIGN;
			ret.var = "<return>";
			assign(fl, s, &ret);
			ret.kind = BG_ST_RETURN;
			ret.val = (struct bg_val){ .kind = BG_VAL_VAR, .var = "<return>", .call = -1 };
		}
		v = ret.val.kind == BG_VAL_VAR ? var_get(s, ret.val.var, false) : NULL;
		if (st->val.kind == BG_VAL_NULL || (v && may_null(v) && v->lit))
			fl->ret_flags |= RET_NULL_LIT;
		else if (v && may_null(v))
			fl->ret_flags |= RET_NULL;
		if (v && v->ref >= 0 && (s->held & (1ULL << v->ref)))
			fl->ret_flags |= fl->refs[v->ref].kind == BG_FLOW_RINGBUF ? RET_RINGBUF :
					 fl->refs[v->ref].kind == BG_FLOW_KREF ? RET_KREF : RET_SOCK;
		leak_check(fl, s, &ret);
		s->live = false;
		return;
	case BG_ST_GOTO:
		l = label_get(fl, st->text);
		if (l && !l->seen)
			join_into(&l->st, s);
		s->live = false;
		return;
	case BG_ST_BREAK:
		if (fl->jump)
			join_into(&fl->jump->brk, s);
		s->live = false;
		return;
	case BG_ST_CONTINUE:
		for (outer = fl->jump; outer && outer->is_switch; outer = outer->outer)
			;
		if (outer)
			join_into(&outer->cont, s);
		s->live = false;
		return;
	case BG_ST_TRAP:
		/* the program does not load if this runs: no path goes on from here */
		s->live = false;
		return;
	default:
		return;
	}
}

static void analyze(struct flow *fl, const struct bg_func *f, bool scalar_params)
{
	struct state *s = calloc(1, sizeof(*s));
	unsigned i;

	if (!s)
		return;
	fl->f = f;
	fl->nrefs = 0;
	fl->nlabels = 0;
	fl->jump = NULL;
	fl->ret_flags = 0;
	fl->next_pid = 0;
	s->live = true;
	/* a program starts outside every region; a function of the file, not known */
	fl->entry = !fl->collect && entry_of(fl, f);
	memset(s->lock, fl->entry ? 0 : -1, sizeof(s->lock));
	/* summarising: every parameter may be NULL until the callee tests it */
	for (i = 0; fl->collect && f->params && i < f->nparams && i < 32; i++) {
		struct vstate *v = var_get(s, f->params[i], true);

		if (v) {
			var_reset(v);
			v->null = N_MAYBE;
			v->src = -2 - (int)i;
			v->vid = fl->next_vid++;
		}
	}
	/* BPF_KPROBE()'s arguments are registers cast to pointers */
	for (i = 1; scalar_params && f->params && i < f->nparams; i++) {
		struct vstate *v = var_get(s, f->params[i], true);

		if (v) {
			var_reset(v);
			v->kind = K_SCALAR;
		}
	}
	run(fl, f->body, s);
	if (s->live)
		leak_check(fl, s, NULL);
	free(s);
}

static unsigned summary_of(struct flow *fl, const struct bg_func *g)
{
	size_t idx = g - fl->c->m->funcs;
	struct flow sub;

	if (fl->summary[idx] >= 0)
		return fl->summary[idx] & RET_RUNNING ? 0 : (unsigned)fl->summary[idx];
	if (fl->depth >= MAX_DEPTH || !g->body)
		return 0;
	fl->summary[idx] = RET_RUNNING;
	sub = *fl;
	sub.rule = (enum flow_rule)-1;	/* report nothing: only the summary */
	/* its parameters are what callers pass, not maybe-NULL (as when collecting) */
	sub.collect = false;
	sub.depth = fl->depth + 1;
	analyze(&sub, g, false);
	fl->summary[idx] = (signed char)sub.ret_flags;
	return sub.ret_flags;
}

/*
 * The parameters of G that it needs to be memory, by bit; in *ADDR those it
 * only computes addresses from.
 */
static unsigned params_of(struct flow *fl, const struct bg_func *g, unsigned *addr)
{
	size_t idx = g - fl->c->m->funcs;
	struct flow sub;

	*addr = 0;
	if (fl->pstate[idx] == 2) {
		*addr = fl->paddr[idx];
		return fl->pneed[idx];
	}
	if (fl->pstate[idx] == 1 || fl->depth >= MAX_DEPTH || !g->body)
		return 0;
	fl->pstate[idx] = 1;	/* running: recursion sees nothing */
	sub = *fl;
	sub.rule = R_NULL;
	sub.collect = true;
	sub.param_need = 0;
	sub.param_addr = 0;
	sub.depth = fl->depth + 1;
	analyze(&sub, g, false);
	fl->pstate[idx] = 2;
	fl->pneed[idx] = sub.param_need;
	fl->paddr[idx] = sub.param_addr & ~sub.param_need;
	*addr = fl->paddr[idx];
	return sub.param_need;
}

static bool has_scalar_args(const struct bg_model *m, const struct bg_func *f)
{
	size_t i;

	/* ____name: the body of BPF_KPROBE(name, ...) or BPF_PROG(name, ...) */
	if (strncmp(f->name, "____", 4))
		return false;
	for (i = 0; i < m->nprogs; i++) {
		const struct bg_section_def *def;

		if (strcmp(m->progs[i].name, f->name + 4))
			continue;
		def = bg_prog__section(&m->progs[i]);
		return def && (def->type == BG_PROG_KPROBE || def->type == BG_PROG_RAW_TRACEPOINT ||
			       def->type == BG_PROG_RAW_TRACEPOINT_WRITABLE);
	}
	return false;
}

/*
 * Narrow REACH to the functions that only kprobe, tracepoint, raw_tp and
 * perf_event programs reach: elsewhere (tp_btf, fentry, lsm) a pointer cast
 * from the u64 context array is a trusted BTF pointer. Returns -ENOMEM or 0.
 */
static int btf_reachable(const struct bg_model *m, bool *reach)
{
	unsigned char *mark = calloc(m->nfuncs + 1, 1);	/* 1 plain only, 2 a BTF program */
	bool *from = calloc(m->nfuncs + 1, sizeof(*from));
	size_t i, j;
	int err = 0;

	if (!mark || !from) {
		err = -ENOMEM;
		goto out;
	}
	for (i = 0; i < m->nprogs; i++) {
		const struct bg_section_def *def = bg_prog__section(&m->progs[i]);
		bool plain = def && (def->type == BG_PROG_KPROBE || def->type == BG_PROG_TRACEPOINT ||
				     def->type == BG_PROG_RAW_TRACEPOINT ||
				     def->type == BG_PROG_RAW_TRACEPOINT_WRITABLE ||
				     def->type == BG_PROG_PERF_EVENT);

		if (m->progs[i].func < 0 || bg_model__reachable(m, m->progs[i].func, from))
			continue;
		for (j = 0; j < m->nfuncs; j++)
			if (from[j])
				mark[j] = plain && mark[j] != 2 ? 1 : 2;
	}
	for (j = 0; j < m->nfuncs; j++)
		reach[j] = mark[j] == 1;
out:
	free(mark);
	free(from);
	return err;
}

static void flow_rule(struct bg_check *c, enum flow_rule rule)
{
	const struct bg_model *m = c->m;
	struct flow *fl = calloc(1, sizeof(*fl));
	bool *reach = calloc(m->nfuncs + 1, sizeof(*reach));
	size_t i;

	if (!fl || !reach)
		goto out;
	fl->summary = malloc(m->nfuncs + 1);
	fl->pstate = calloc(m->nfuncs + 1, 1);
	fl->pneed = calloc(m->nfuncs + 1, sizeof(*fl->pneed));
	fl->paddr = calloc(m->nfuncs + 1, sizeof(*fl->paddr));
	if (!fl->summary || !fl->pstate || !fl->pneed || !fl->paddr ||
	    bg_model__reachable(m, -1, reach))
		goto out;
	memset(fl->summary, -1, m->nfuncs + 1);
	fl->c = c;
	if (rule == R_KERNEL && btf_reachable(m, reach))
		goto out;
	for (i = 0; i < m->nfuncs; i++) {
		if (!reach[i] || !m->funcs[i].body)
			continue;
		fl->rule = rule;
		fl->depth = 0;
		analyze(fl, &m->funcs[i], has_scalar_args(m, &m->funcs[i]));
	}
out:
	if (fl) {
		free(fl->summary);
		free(fl->pstate);
		free(fl->pneed);
		free(fl->paddr);
	}
	free(fl);
	free(reach);
}

void bg_rule_null_deref(struct bg_check *c)
{
	flow_rule(c, R_NULL);
}

void bg_rule_ringbuf_leak(struct bg_check *c)
{
	flow_rule(c, R_RINGBUF);
}

void bg_rule_sk_release(struct bg_check *c)
{
	flow_rule(c, R_SOCK);
}

void bg_rule_kfunc_release(struct bg_check *c)
{
	flow_rule(c, R_KREF);
}

void bg_rule_object_state(struct bg_check *c)
{
	flow_rule(c, R_OBJ);
}

void bg_rule_lock_region(struct bg_check *c)
{
	flow_rule(c, R_LOCK);
}

void bg_rule_pkt_bounds(struct bg_check *c)
{
	flow_rule(c, R_PKT);
}

void bg_rule_kernel_deref(struct bg_check *c)
{
	flow_rule(c, R_KERNEL);
}
