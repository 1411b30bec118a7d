// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* Rules on maps: their definitions, and how helpers use them. */
#include <stdlib.h>
#include <string.h>

#include "rules.h"

/* Calls of every function reachable from a program, one at a time. */
typedef void (*call_fn)(struct bg_check *c, const struct bg_call *call);

static void for_each_call(struct bg_check *c, call_fn fn)
{
	const struct bg_model *m = c->m;
	bool *reach = calloc(m->nfuncs + 1, sizeof(*reach));
	size_t i, j;

	if (!reach || bg_model__reachable(m, -1, reach)) {
		free(reach);
		return;
	}
	for (i = 0; i < m->nfuncs; i++)
		for (j = 0; reach[i] && j < m->funcs[i].ncalls; j++)
			if (m->funcs[i].calls[j].indirect)
				fn(c, &m->funcs[i].calls[j]);
	free(reach);
}

/* key and value arguments of the map helpers: argument positions, or -1 */
static const struct {
	const char *helper;
	int map, key, value;
} kv_helpers[] = {
	{ "bpf_map_lookup_elem",	0, 1, -1 },
	{ "bpf_map_update_elem",	0, 1, 2 },
	{ "bpf_map_delete_elem",	0, 1, -1 },
	{ "bpf_map_lookup_percpu_elem",	0, 1, -1 },
	{ "bpf_map_push_elem",		0, -1, 1 },
	{ "bpf_map_pop_elem",		0, -1, 1 },
	{ "bpf_map_peek_elem",		0, -1, 1 },
};

/*
 * Whether an argument pointing at ARG (pointee) fits the map's TYPE of SIZE
 * bytes: a byte buffer or void * says nothing, otherwise sizes must match and
 * structs must be the same struct.
 */
static bool arg_fits(const struct bg_arg *arg, const struct bg_type *type, long long size,
		     long long *got)
{
	const struct bg_type *t = &arg->type;

	*got = -1;
	if (t->kind != BG_TYPE_PTR || !t->pointee || t->pointee_kind == BG_TYPE_VOID)
		return true;
	if (t->pointee_kind == BG_TYPE_INT && t->pointee_size == 1)
		return true;	/* char buffers are sized by their user */
	if (arg->is_const)
		return true;	/* NULL and friends: the kernel says what it thinks */
	*got = t->pointee_size;
	if (size >= 0 && t->pointee_size >= 0 && size != t->pointee_size)
		return false;
	if (type->canonical && t->pointee_kind == BG_TYPE_STRUCT && type->kind == BG_TYPE_STRUCT &&
	    strcmp(type->canonical, t->pointee))
		return false;
	return true;
}

/* T points at a socket: what bpf_sk_lookup_*() and socket map lookups return */
static bool is_socket(const struct bg_type *t)
{
	static const char *const socks[] = { "struct bpf_sock", "struct sock", "struct sock_common",
					     "struct tcp_sock", "struct udp_sock", "struct socket" };
	size_t i;

	for (i = 0; t->kind == BG_TYPE_PTR && t->pointee && i < sizeof(socks) / sizeof(socks[0]); i++)
		if (!strcmp(t->pointee, socks[i]))
			return true;
	return false;
}

static void check_kv(struct bg_check *c, const struct bg_call *call, bool value)
{
	const struct bg_map *map;
	struct bg_diag *d;
	bool wide_int;
	long long got;
	size_t i;

	for (i = 0; i < sizeof(kv_helpers) / sizeof(kv_helpers[0]); i++) {
		int pos = value ? kv_helpers[i].value : kv_helpers[i].key;
		const struct bg_type *want;
		long long size;

		if (strcmp(call->callee, kv_helpers[i].helper) || pos < 0 || (unsigned)pos >= call->nargs)
			continue;
		map = bg_call__map_arg(c->m, call, kv_helpers[i].map);
		if (!map)
			return;
		want = value ? &map->value : &map->key;
		size = value ? map->value_size : map->key_size;
		/* a socket map's value is, on the BPF side, the socket itself */
		if (value && (map->type == BG_MAP_SOCKMAP || map->type == BG_MAP_SOCKHASH) &&
		    is_socket(&call->args[pos].type))
			return;
		if (arg_fits(&call->args[pos], want, size, &got))
			return;
		/*
		 * A wider integer than the map's: the kernel reads its low bytes
		 * (BPF is little-endian), the same number while it fits. Unusual,
		 * a warning.
		 */
		wide_int = got > size && call->args[pos].type.pointee_kind == BG_TYPE_INT &&
			   want->kind == BG_TYPE_INT;
		if (want->spelling)
			d = bg_check__report_sev(c, wide_int ? BG_SEV_WARNING : c->rule->sev,
						 call->loc,
						 "%s of '%s' is '%s' (%lld bytes), but map '%s' has %s "
						 "'%s' (%lld bytes)", value ? "value" : "key",
						 call->callee, call->args[pos].type.pointee, got,
						 map->name, value ? "values of type" : "keys of type",
						 want->spelling, size);
		else	/* sizes only: a legacy definition, or __uint(key_size, N) */
			d = bg_check__report_sev(c, wide_int ? BG_SEV_WARNING : c->rule->sev,
						 call->loc,
						 "%s of '%s' is '%s' (%lld bytes), but map '%s' has "
						 "%lld-byte %s", value ? "value" : "key", call->callee,
						 call->args[pos].type.pointee, got, map->name, size,
						 value ? "values" : "keys");
		if (got > size)
			bg_diag__note(d, map->loc,
				      "the kernel reads only the first %lld bytes: the rest is silently "
				      "ignored", size);
		else
			bg_diag__note(d, map->loc,
				      "the kernel reads %lld bytes, past the end of the %s: garbage or a "
				      "refusal (\"invalid read from stack\")", size,
				      value ? "value" : "key");
		return;
	}
}

static void check_key(struct bg_check *c, const struct bg_call *call)
{
	check_kv(c, call, false);
}

static void check_value(struct bg_check *c, const struct bg_call *call)
{
	check_kv(c, call, true);
}

void bg_rule_map_key(struct bg_check *c)
{
	for_each_call(c, check_key);
}

void bg_rule_map_value(struct bg_check *c)
{
	for_each_call(c, check_value);
}

/*
 * A map that helpers of two incompatible kinds use: its type is chosen at
 * load (libbpf-tools' compat.bpf.h picks a ring buffer or a perf buffer with
 * bpf_map__set_type()), and the verifier prunes the branch not taken.
 */
static bool type_set_at_load(const struct bg_model *m, const struct bg_map *map)
{
	size_t i, j;

	for (i = 0; i < m->nfuncs; i++) {
		for (j = 0; j < m->funcs[i].ncalls; j++) {
			const struct bg_call *call = &m->funcs[i].calls[j];
			const struct bg_map_kind_rule *r;

			if (!call->indirect || !(r = bg_map_kind__rule(call->callee)))
				continue;
			if (bg_call__map_arg(m, call, r->arg) == map && bg_map_kind__allows(r, map->type))
				return true;
		}
	}
	return false;
}

static void check_kind(struct bg_check *c, const struct bg_call *call)
{
	const struct bg_map_kind_rule *r = bg_map_kind__rule(call->callee);
	const struct bg_map *map;
	struct bg_diag *d;

	if (r) {
		map = bg_call__map_arg(c->m, call, r->arg);
		if (!map || map->type < 0 || bg_map_kind__allows(r, map->type) ||
		    type_set_at_load(c->m, map))
			return;
		d = bg_check__report(c, call->loc, "'%s' needs %s, but '%s' is %s", call->callee,
				     r->needs, map->name, bg_map_type__describe(map->type));
		bg_diag__note(d, map->loc, "'%s' is defined here", map->name);
		return;
	}
	/* helpers on any map, refused on maps reserved to their own helpers */
	if (!strncmp(call->callee, "bpf_map_", 8) && call->nargs > 0) {
		const char *only;

		map = bg_call__map_arg(c->m, call, 0);
		if (!map || map->type < 0 || !(only = bg_map_type__only_helpers(map->type)))
			return;
		d = bg_check__report(c, call->loc, "'%s' cannot be used on '%s', which is %s",
				     call->callee, map->name, bg_map_type__describe(map->type));
		bg_diag__note(d, map->loc, "%s", only);
	}
}

void bg_rule_map_kind(struct bg_check *c)
{
	for_each_call(c, check_kind);
}

static bool is_power_of_2(long long v)
{
	return v > 0 && !(v & (v - 1));
}

void bg_rule_map_def(struct bg_check *c)
{
	const struct bg_model *m = c->m;
	struct bg_diag *d;
	size_t i, j;

	for (i = 0; i < m->nmaps; i++) {
		const struct bg_map *map = &m->maps[i];
		const char *what = bg_map_type__describe(map->type);

		for (j = 0; j < i; j++) {
			const char *a = m->maps[j].sym ? m->maps[j].sym : m->maps[j].name;
			const char *b = map->sym ? map->sym : map->name;

			if (strcmp(a, b))
				continue;
			d = bg_check__report(c, map->loc, "a second map named '%s' in the object", b);
			bg_diag__note(d, m->maps[j].loc, "the first is here; clang keeps only one of them "
				      "and both names use it");
		}
		if (map->type < 0)
			continue;
		if (bg_map_type__array_key(map->type) && map->key_size >= 0 && map->key_size != 4) {
			d = bg_check__report(c, map->loc,
					     "map '%s' is %s, whose keys are 4-byte indexes, but its key "
					     "is %lld bytes", map->name, what, map->key_size);
			bg_diag__note(d, (struct bg_loc){},
				      "the kernel refuses to create it (EINVAL): use __type(key, __u32)");
		}

		if (map->type == BG_MAP_RINGBUF) {
			if (map->key.spelling || map->value.spelling || map->key_size > 0 ||
			    map->value_size > 0) {
				d = bg_check__report(c, map->loc,
						     "ring buffer '%s' has a key or value type", map->name);
				bg_diag__note(d, (struct bg_loc){},
					      "ring buffers have neither: the kernel refuses to create it "
					      "(EINVAL); the record type goes to bpf_ringbuf_reserve()");
			}
			if (map->max_entries >= 0 &&
			    (map->max_entries % 4096 || !is_power_of_2(map->max_entries))) {
				/* libbpf rounds it up before creating the map: it loads */
				d = bg_check__report_sev(c, BG_SEV_WARNING, map->loc,
							 "ring buffer '%s' is %lld bytes, not a power-of-2 "
							 "multiple of the page size", map->name,
							 map->max_entries);
				bg_diag__note(d, (struct bg_loc){},
					      "libbpf silently rounds it up; write the size you get, e.g. "
					      "256 * 1024");
			}
		}
		if (map->type == BG_MAP_LPM_TRIE && !(map->flags & 1)) {
			d = bg_check__report(c, map->loc, "LPM trie '%s' lacks BPF_F_NO_PREALLOC",
					     map->name);
			bg_diag__note(d, (struct bg_loc){},
				      "the kernel refuses to create it (EINVAL): add "
				      "__uint(map_flags, BPF_F_NO_PREALLOC)");
		}
		if (map->value.spelling && map->value_size == 0) {
			d = bg_check__report(c, map->loc, "map '%s' has a zero-sized value type '%s'",
					     map->name, map->value.spelling);
			bg_diag__note(d, (struct bg_loc){}, "the kernel refuses to create it (EINVAL)");
		}
	}
}

void bg_rule_map_max_entries(struct bg_check *c)
{
	const struct bg_model *m = c->m;
	struct bg_diag *d;
	size_t i;

	for (i = 0; i < m->nmaps; i++) {
		const struct bg_map *map = &m->maps[i];

		if (map->type < 0 || map->max_entries >= 0 ||
		    !bg_map_type__needs_max_entries(map->type))
			continue;
		d = bg_check__report(c, map->loc, "map '%s' (%s) has no max_entries", map->name,
				     bg_map_type__describe(map->type));
		bg_diag__note(d, (struct bg_loc){},
			      "unless the loader sets it with bpf_map__set_max_entries(), the kernel "
			      "refuses to create it (EINVAL): add __uint(max_entries, N)");
	}
}

/* helpers whose failure is silent unless their result is looked at */
static const char *const must_use[] = {
	"bpf_map_update_elem",
	"bpf_map_delete_elem",
	"bpf_ringbuf_output",
	"bpf_perf_event_output",
	"bpf_map_push_elem",
};

static void check_unused(struct bg_check *c, const struct bg_call *call)
{
	struct bg_diag *d;
	size_t i;

	if (!call->result_unused)
		return;
	for (i = 0; i < sizeof(must_use) / sizeof(must_use[0]); i++) {
		if (strcmp(call->callee, must_use[i]))
			continue;
		d = bg_check__report(c, call->loc,
				     "the result of '%s' is ignored: when it fails (map full, ring "
				     "full, no such key) nothing says so", call->callee);
		bg_diag__note(d, (struct bg_loc){},
			      "check it, count the failures, or cast it to (void) to say it may fail");
		return;
	}
}

void bg_rule_unchecked_return(struct bg_check *c)
{
	for_each_call(c, check_unused);
}
