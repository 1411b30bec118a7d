// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The typed userspace header of a BPF object (docs/typed-layer.md): typed map
 * access, ring-buffer events, attach/detach and test runs over the skeleton
 * that `bpftool gen skeleton` writes, and _Static_asserts that pin the layout
 * of every type shared with the BPF side.
 *
 * Output depends only on the object: maps and programs come in object order,
 * types in BTF order, and nothing reads the kernel.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "emit.h"

/*
 * BPF_PROG_TYPE_NETFILTER (Linux 6.4), past the UAPI headers of libbpf 1.1,
 * which opens SEC("netfilter") as BPF_PROG_TYPE_UNSPEC; and a row for
 * iterators, which are BPF_PROG_TYPE_TRACING with attach type BPF_TRACE_ITER.
 */
#define PROG_TYPE_NETFILTER 32
#define BPF_PROG_TYPE_TRACING_ITER (-1)

/* How a program is attached, and what its test run reports. */
enum attach_kind {
	ATTACH_AUTO,		/* bpf_program__attach(): libbpf reads the section */
	ATTACH_TRACEPOINT,	/* bpf_program__attach_tracepoint(), category and name baked in */
	ATTACH_XDP,		/* ifindex + XDP flags */
	ATTACH_TC,		/* ifindex + attach point, clsact hook */
	ATTACH_CGROUP,		/* cgroup fd, link */
	ATTACH_NETNS,		/* network namespace fd, link */
	ATTACH_PERF,		/* perf event fd, link */
	ATTACH_SOCKET,		/* socket fd, SO_ATTACH_BPF */
	ATTACH_SOCKMAP,		/* sockmap/sockhash fd, bpf_prog_attach() */
	ATTACH_REUSEPORT,	/* a socket of the reuseport group, SO_ATTACH_REUSEPORT_EBPF */
	ATTACH_NETFILTER,	/* family, hook, priority: a netfilter link (runtime: raw LINK_CREATE) */
	ATTACH_ITER,		/* an iterator link, and its output read into a buffer or an fd */
	ATTACH_FREPLACE,	/* the target program's fd: before load and at attach */
	ATTACH_NONE,		/* struct_ops programs (their map attaches), syscall: test runs only */
	ATTACH_UPROBE,		/* binary + symbol or offset, pid (a kprobe type in a uprobe section) */
};

enum run_kind {
	RUN_NONE,
	RUN_XDP,	/* retval is enum bpfgen_xdp_action */
	RUN_TC,		/* retval is enum bpfgen_tc_action */
	RUN_SOCKET,	/* retval is the number of bytes kept */
	RUN_CGROUP_SKB,	/* retval is enum bpfgen_sk_action */
	RUN_FLOW,	/* retval is enum bpfgen_flow_action, data_out the flow keys */
	RUN_RAW_TP,	/* ctx_in is the arguments, retval the program's */
	RUN_SYSCALL,	/* ctx_in is the program's argument struct, written back */
	RUN_SK_LOOKUP,	/* ctx_in is struct bpf_sk_lookup, retval enum bpfgen_sk_action */
};

/* One row per program type bpfgen knows; anything else attaches by section. */
static const struct prog_kind {
	int type;	/* enum bpf_prog_type, or BPF_PROG_TYPE_TRACING_ITER */
	enum attach_kind attach;
	enum run_kind run;
} prog_kinds[] = {
	{ BPF_PROG_TYPE_XDP,			ATTACH_XDP,		RUN_XDP },
	{ BPF_PROG_TYPE_SCHED_CLS,		ATTACH_TC,		RUN_TC },
	{ BPF_PROG_TYPE_SOCKET_FILTER,		ATTACH_SOCKET,		RUN_SOCKET },
	{ BPF_PROG_TYPE_CGROUP_SKB,		ATTACH_CGROUP,		RUN_CGROUP_SKB },
	{ BPF_PROG_TYPE_CGROUP_SOCK,		ATTACH_CGROUP,		RUN_NONE },
	{ BPF_PROG_TYPE_CGROUP_SOCK_ADDR,	ATTACH_CGROUP,		RUN_NONE },
	{ BPF_PROG_TYPE_CGROUP_SOCKOPT,		ATTACH_CGROUP,		RUN_NONE },
	{ BPF_PROG_TYPE_CGROUP_SYSCTL,		ATTACH_CGROUP,		RUN_NONE },
	{ BPF_PROG_TYPE_CGROUP_DEVICE,		ATTACH_CGROUP,		RUN_NONE },
	{ BPF_PROG_TYPE_SOCK_OPS,		ATTACH_CGROUP,		RUN_NONE },
	{ BPF_PROG_TYPE_SK_LOOKUP,		ATTACH_NETNS,		RUN_SK_LOOKUP },
	{ BPF_PROG_TYPE_FLOW_DISSECTOR,		ATTACH_NETNS,		RUN_FLOW },
	{ BPF_PROG_TYPE_PERF_EVENT,		ATTACH_PERF,		RUN_NONE },
	{ BPF_PROG_TYPE_SK_SKB,			ATTACH_SOCKMAP,		RUN_NONE },
	{ BPF_PROG_TYPE_SK_MSG,			ATTACH_SOCKMAP,		RUN_NONE },
	{ BPF_PROG_TYPE_TRACEPOINT,		ATTACH_TRACEPOINT,	RUN_NONE },
	{ BPF_PROG_TYPE_STRUCT_OPS,		ATTACH_NONE,		RUN_NONE },
	{ BPF_PROG_TYPE_EXT,			ATTACH_FREPLACE,	RUN_NONE },
	{ BPF_PROG_TYPE_SK_REUSEPORT,		ATTACH_REUSEPORT,	RUN_NONE },
	{ BPF_PROG_TYPE_TRACING_ITER,		ATTACH_ITER,		RUN_NONE },
	{ PROG_TYPE_NETFILTER,			ATTACH_NETFILTER,	RUN_NONE },
	{ BPF_PROG_TYPE_SYSCALL,		ATTACH_NONE,		RUN_SYSCALL },
	{ BPF_PROG_TYPE_RAW_TRACEPOINT,		ATTACH_AUTO,		RUN_RAW_TP },
};

/* Map types with a key and a value that userspace reads and writes. */
static const struct map_kind {
	enum bpf_map_type type;
	bool percpu;
	bool can_delete;	/* arrays refuse delete: no accessor rather than -EINVAL */
} map_kinds[] = {
	{ BPF_MAP_TYPE_HASH,		false,	true },
	{ BPF_MAP_TYPE_LRU_HASH,	false,	true },
	{ BPF_MAP_TYPE_ARRAY,		false,	false },
	{ BPF_MAP_TYPE_LPM_TRIE,	false,	true },
	{ BPF_MAP_TYPE_PERCPU_HASH,	true,	true },
	{ BPF_MAP_TYPE_LRU_PERCPU_HASH,	true,	true },
	{ BPF_MAP_TYPE_PERCPU_ARRAY,	true,	false },
};

#define EVENT_VAR_PREFIX "bpfgen_event__"

struct gen {
	FILE *out;
	const char *name;
	struct bpf_object *obj;
	struct btf *btf;	/* btf__parse_elf(): the types as the compiler wrote them */
	const struct btf *obj_btf;	/* the opened object's: DATASEC offsets fixed up by libbpf */
	struct btf_dump *dump;
	FILE *dump_out;		/* where dump writes: OUT, or the types being filtered */
	__u32 *asserted;	/* struct ids whose layout is already pinned */
	size_t asserted_cnt;
	FILE *asserts;		/* collected, printed at the end of the header */
	char *asserts_buf;
	size_t asserts_len;
	bool any_socket;
	bool any_map_of_maps;	/* the inner map handles close their fd: <unistd.h> */
	bool any_iter;		/* iterator reads: <unistd.h> */
	bool any_reuseport;	/* SO_DETACH_REUSEPORT_BPF, newer than some libc headers */
};

/* strerror() that knows libbpf's own codes (-LIBBPF_ERRNO__FORMAT and the like) */
static const char *errstr(int err, char *buf, size_t sz)
{
	libbpf_strerror(err, buf, sz);
	return buf;
}

static void dump_printf(void *ctx, const char *fmt, va_list args)
{
	struct gen *g = ctx;

	vfprintf(g->dump_out, fmt, args);
}

/*
 * Write the type definitions TYPES to OUT, less those userspace headers own
 * another way: <stdbool.h> makes bool a macro, so vmlinux.h's
 * `typedef _Bool bool;` would read `typedef _Bool _Bool;`.
 */
static void write_types(FILE *out, const char *types)
{
	static const char *const skip[] = { "typedef _Bool bool;\n\n" };
	const char *p = types;
	size_t i, n;

	while (*p) {
		for (i = 0; i < sizeof(skip) / sizeof(skip[0]); i++) {
			n = strlen(skip[i]);
			if ((p == types || p[-1] == '\n') && !strncmp(p, skip[i], n))
				break;
		}
		if (i < sizeof(skip) / sizeof(skip[0])) {
			p += n;
			continue;
		}
		n = strcspn(p, "\n");
		fwrite(p, 1, n + (p[n] == '\n'), out);
		p += n + (p[n] == '\n');
	}
}

/*
 * TYPES as write_types() writes them, where the kernel objects a map value
 * can hold (struct bpf_spin_lock, bpf_timer, ...) are defined under a name of
 * their own: <linux/bpf.h>, which this header includes, defines the ones of
 * its version, and another definition of the same struct does not compile.
 */
static void write_uapi_types(FILE *out, const char *types)
{
	static const char *const uapi[] = {
		"bpf_spin_lock", "bpf_timer", "bpf_dynptr", "bpf_list_head", "bpf_list_node",
		"bpf_rb_root", "bpf_rb_node", "bpf_refcount", "bpf_wq",
	};
	char def[64];
	bool used[sizeof(uapi) / sizeof(uapi[0])];
	size_t i;

	for (i = 0; i < sizeof(uapi) / sizeof(uapi[0]); i++) {
		snprintf(def, sizeof(def), "struct %s {", uapi[i]);
		used[i] = strstr(types, def) != NULL;
		if (used[i])
			fprintf(out, "#define %s bpfgen_uapi_%s\n", uapi[i], uapi[i]);
	}
	write_types(out, types);
	for (i = 0; i < sizeof(uapi) / sizeof(uapi[0]); i++)
		if (used[i])
			fprintf(out, "#undef %s\n", uapi[i]);
}

static const struct prog_kind *prog_kind(const struct bpf_program *prog)
{
	static const struct prog_kind fallback = { 0, ATTACH_AUTO, RUN_NONE };
	int type = bpf_program__type(prog);
	size_t i;

	if (type == BPF_PROG_TYPE_UNSPEC && !strcmp(bpf_program__section_name(prog), "netfilter"))
		type = PROG_TYPE_NETFILTER;
	else if (type == BPF_PROG_TYPE_TRACING &&
		 bpf_program__expected_attach_type(prog) == BPF_TRACE_ITER)
		type = BPF_PROG_TYPE_TRACING_ITER;

	for (i = 0; i < sizeof(prog_kinds) / sizeof(prog_kinds[0]); i++)
		if (prog_kinds[i].type == type)
			return &prog_kinds[i];
	return &fallback;
}

static const struct map_kind *map_kind(enum bpf_map_type type)
{
	size_t i;

	for (i = 0; i < sizeof(map_kinds) / sizeof(map_kinds[0]); i++)
		if (map_kinds[i].type == type)
			return &map_kinds[i];
	return NULL;
}

static __u32 skip_mods(const struct btf *btf, __u32 id)
{
	const struct btf_type *t = btf__type_by_id(btf, id);

	while (t && (btf_is_mod(t) || btf_is_typedef(t))) {
		id = t->type;
		t = btf__type_by_id(btf, id);
	}
	return id;
}

/*
 * The C spelling of type ID when it has a name of its own (int, typedef,
 * named struct/union/enum), written to BUF; false for anything else.
 */
static bool simple_type_name(const struct btf *btf, __u32 id, char *buf, size_t sz)
{
	const struct btf_type *t = btf__type_by_id(btf, id);
	const char *name;

	if (!t || !t->name_off)
		return false;
	name = btf__name_by_offset(btf, t->name_off);
	switch (btf_kind(t)) {
	case BTF_KIND_INT:
	case BTF_KIND_FLOAT:
	case BTF_KIND_TYPEDEF:
		snprintf(buf, sz, "%s", name);
		return true;
	case BTF_KIND_STRUCT:
		snprintf(buf, sz, "struct %s", name);
		return true;
	case BTF_KIND_UNION:
		snprintf(buf, sz, "union %s", name);
		return true;
	case BTF_KIND_ENUM:
	case BTF_KIND_ENUM64:
		snprintf(buf, sz, "enum %s", name);
		return true;
	default:
		return false;
	}
}

/*
 * Name type ID for use in signatures: its own name, or a typedef
 * NAME_MAP_ROLE_t emitted now for arrays, anonymous types and the like.
 */
static int name_type(struct gen *g, __u32 id, const char *map, const char *role,
		     char *buf, size_t sz)
{
	LIBBPF_OPTS(btf_dump_emit_type_decl_opts, decl);
	int err;

	if (simple_type_name(g->btf, id, buf, sz))
		return 0;
	snprintf(buf, sz, "%s_%s_%s_t", g->name, map, role);
	decl.field_name = buf;
	fprintf(g->out, "typedef ");
	err = btf_dump__emit_type_decl(g->dump, id, &decl);
	if (err) {
		fprintf(stderr, "bpfgen: error: map '%s': cannot declare its %s type: %s\n",
			map, role, strerror(-err));
		return err;
	}
	fprintf(g->out, ";\n\n");
	return 0;
}

/*
 * Pin the layout of the struct or union behind EXPR (a C type, DESIG the
 * member path so far): its size, and the offset of every member that offsetof
 * can name (bitfields cannot be), recursing into nested aggregates.
 */
static void assert_members(struct gen *g, const char *expr, const char *desig,
			   __u32 id, __u32 base_bits)
{
	const struct btf_type *t = btf__type_by_id(g->btf, id);
	const struct btf_member *m = btf_members(t);
	char path[512];
	__u16 i, vlen = btf_vlen(t);

	for (i = 0; i < vlen; i++, m++) {
		const char *mname = btf__name_by_offset(g->btf, m->name_off);
		__u32 mid = skip_mods(g->btf, m->type);
		const struct btf_type *mt = btf__type_by_id(g->btf, mid);
		__u32 bits = base_bits + btf_member_bit_offset(t, i);

		if (btf_member_bitfield_size(t, i))
			continue;
		if (!mname || !*mname) {
			/* an anonymous struct/union: its members are the parent's */
			if (btf_is_composite(mt))
				assert_members(g, expr, desig, mid, bits);
			continue;
		}
		snprintf(path, sizeof(path), "%s%s%s", desig, *desig ? "." : "", mname);
		fprintf(g->asserts, "_Static_assert(offsetof(%s, %s) == %u, \"%s: offset of '%s' changed\");\n",
			expr, path, bits / 8, expr, path);
		if (btf_is_composite(mt)) {
			fprintf(g->asserts,
				"_Static_assert(sizeof(((%s *)0)->%s) == %u, \"%s: size of '%s' changed\");\n",
				expr, path, mt->size, expr, path);
			assert_members(g, expr, path, mid, bits);
		}
	}
}

/* Pin the layout of type ID, spelled EXPR in C, if it is a struct or union. */
static void assert_layout(struct gen *g, __u32 id, const char *expr)
{
	const struct btf_type *t;
	__u32 sid = skip_mods(g->btf, id);
	size_t i;
	__u32 *ids;

	t = btf__type_by_id(g->btf, sid);
	if (!t || !btf_is_composite(t))
		return;
	for (i = 0; i < g->asserted_cnt; i++)
		if (g->asserted[i] == sid)
			return;
	ids = realloc(g->asserted, (g->asserted_cnt + 1) * sizeof(*ids));
	if (!ids)
		return;
	g->asserted = ids;
	g->asserted[g->asserted_cnt++] = sid;

	fprintf(g->asserts, "_Static_assert(sizeof(%s) == %u, \"%s: size changed\");\n",
		expr, t->size, expr);
	assert_members(g, expr, "", sid, 0);
}

static void emit_prologue(struct gen *g, const struct bg_gen_opts *opts)
{
	const char *base = strrchr(opts->obj_path, '/');
	char guard[256];
	size_t i;

	base = base ? base + 1 : opts->obj_path;
	snprintf(guard, sizeof(guard), "__%s_BPFGEN_H__", g->name);
	for (i = 0; guard[i]; i++)
		guard[i] = toupper((unsigned char)guard[i]);

	bg_codegen(g->out, "\
		/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */\n\
		/* Generated by bpfgen. DO NOT EDIT. */\n\
		/*\n\
		 * Typed userspace API of %2$s over its skeleton %1$s.skel.h\n\
		 * (bpftool gen skeleton). Functions return 0 or a negative errno\n\
		 * unless they say otherwise.\n\
		 */\n\
		#ifndef %3$s\n\
		#define %3$s\n\
		\n\
		#include <errno.h>\n\
		#include <stddef.h>\n\
		#include <stdlib.h>\n\
		#include <string.h>\n\
		",
		g->name, base, guard);
	if (g->any_socket)
		fprintf(g->out, "#include <sys/socket.h>\n");
	if (g->any_map_of_maps || g->any_iter)
		fprintf(g->out, "#include <unistd.h>\n");
	bg_codegen(g->out, "\
		#include <linux/if_link.h>\n\
		#include <bpf/bpf.h>\n\
		#include <bpf/libbpf.h>\n\
		#include <bpfgen/runtime.h>\n\
		#include <sys/types.h>\n\
		\n\
		/* results to check, as on the BPF side; define it empty to opt out */\n\
		#ifndef BPFGEN_MUST_CHECK\n\
		#define BPFGEN_MUST_CHECK __attribute__((warn_unused_result))\n\
		#endif\n\
		\n\
		/*\n\
		 * A wrong key, value or handle type given to a typed function is an\n\
		 * error with plain flags, as on the BPF side, from here to the end of\n\
		 * the file; define BPFGEN_NO_STRICT to keep them warnings.\n\
		 */\n\
		#ifndef BPFGEN_NO_STRICT\n\
		#pragma GCC diagnostic error \"-Wincompatible-pointer-types\"\n\
		#pragma GCC diagnostic error \"-Wint-conversion\"\n\
		#endif\n\
		\n\
		");
	if (g->any_reuseport)
		bg_codegen(g->out, "\
			#ifndef SO_DETACH_REUSEPORT_BPF\n\
			#define SO_DETACH_REUSEPORT_BPF 68\n\
			#endif\n\
			\n\
			");
}

static __u32 prog_arg_id(const struct btf *btf, const char *p);

/* The definitions of the map key/value types, the events and the skeleton's globals. */
static int dump_types(struct gen *g)
{
	struct bpf_program *prog;
	struct bpf_map *map;
	const struct btf_type *t;
	__u32 id, n = btf__type_cnt(g->btf);
	int err;

	bpf_object__for_each_map(map, g->obj) {
		__u32 ids[2] = { bpf_map__btf_key_type_id(map), bpf_map__btf_value_type_id(map) };
		int i;

		for (i = 0; i < 2; i++) {
			if (!ids[i])
				continue;
			err = btf_dump__dump_type(g->dump, ids[i]);
			if (err)
				return err;
		}
	}
	/* the argument structs of syscall programs, which their test runs take */
	bpf_object__for_each_program(prog, g->obj) {
		if (bpf_program__type(prog) != BPF_PROG_TYPE_SYSCALL)
			continue;
		id = prog_arg_id(g->btf, bpf_program__name(prog));
		if (id) {
			err = btf_dump__dump_type(g->dump, id);
			if (err)
				return err;
		}
	}
	/* event types (behind the bpfgen_event__ pointers) and the skeleton's globals */
	for (id = 1; id < n; id++) {
		const struct btf_var_secinfo *v;
		const char *sec;
		__u16 i;

		t = btf__type_by_id(g->btf, id);
		if (!btf_is_datasec(t))
			continue;
		sec = btf__name_by_offset(g->btf, t->name_off);
		if (strncmp(sec, ".data", 5) && strncmp(sec, ".rodata", 7) && strncmp(sec, ".bss", 4))
			continue;
		for (i = 0, v = btf_var_secinfos(t); i < btf_vlen(t); i++, v++) {
			const struct btf_type *var = btf__type_by_id(g->btf, v->type);

			if (!btf_is_var(var) || btf_var(var)->linkage == BTF_VAR_STATIC)
				continue;
			err = btf_dump__dump_type(g->dump, var->type);
			if (err)
				return err;
			/* a pointer needs only a declaration: the event needs its definition */
			if (!strncmp(btf__name_by_offset(g->btf, var->name_off), EVENT_VAR_PREFIX,
				     strlen(EVENT_VAR_PREFIX))) {
				const struct btf_type *ptr = btf__type_by_id(g->btf, skip_mods(g->btf, var->type));

				if (btf_is_ptr(ptr)) {
					err = btf_dump__dump_type(g->dump, ptr->type);
					if (err)
						return err;
				}
			}
		}
	}
	return 0;
}

/* The shared types: the user's header, or their definitions from BTF. */
static int emit_types(struct gen *g, const struct bg_gen_opts *opts)
{
	char *buf = NULL;
	size_t len = 0;
	int err;

	if (opts->types) {
		fprintf(g->out, "#include \"%s\"\n", opts->types);
		return 0;
	}
	fprintf(g->out, "/* types shared with the BPF side, from the object's BTF */\n");
	g->dump_out = open_memstream(&buf, &len);
	if (!g->dump_out) {
		g->dump_out = g->out;
		return -ENOMEM;
	}
	err = dump_types(g);
	fclose(g->dump_out);
	g->dump_out = g->out;
	if (!err)
		write_uapi_types(g->out, buf);
	free(buf);
	return err;
}

static int emit_action_enums(struct gen *g)
{
	bg_codegen(g->out, "\
		\n\
		/* The verdicts of test runs, as the BPF side's bpfgen/bpf.h names them. */\n\
		#ifndef BPFGEN_ACTION_ENUMS\n\
		#define BPFGEN_ACTION_ENUMS\n\
		enum bpfgen_xdp_action {\n\
			BPFGEN_XDP_ABORTED = 0,\n\
			BPFGEN_XDP_DROP = 1,\n\
			BPFGEN_XDP_PASS = 2,\n\
			BPFGEN_XDP_TX = 3,\n\
			BPFGEN_XDP_REDIRECT = 4,\n\
		};\n\
		\n\
		enum bpfgen_tc_action {\n\
			BPFGEN_TC_UNSPEC = -1,\n\
			BPFGEN_TC_OK = 0,\n\
			BPFGEN_TC_RECLASSIFY = 1,\n\
			BPFGEN_TC_SHOT = 2,\n\
			BPFGEN_TC_PIPE = 3,\n\
			BPFGEN_TC_STOLEN = 4,\n\
			BPFGEN_TC_QUEUED = 5,\n\
			BPFGEN_TC_REPEAT = 6,\n\
			BPFGEN_TC_REDIRECT = 7,\n\
		};\n\
		\n\
		/* cgroup_skb and sk_lookup: SK_DROP, SK_PASS */\n\
		enum bpfgen_sk_action {\n\
			BPFGEN_SK_DROP = 0,\n\
			BPFGEN_SK_PASS = 1,\n\
		};\n\
		\n\
		/* flow dissectors: BPF_OK, BPF_DROP */\n\
		enum bpfgen_flow_action {\n\
			BPFGEN_FLOW_OK = 0,\n\
			BPFGEN_FLOW_DROP = 2,\n\
		};\n\
		#endif\n\
		");
	return 0;
}

static int emit_map(struct gen *g, struct bpf_map *map)
{
	const struct map_kind *kind = map_kind(bpf_map__type(map));
	const char *m = bpf_map__name(map), *n = g->name;
	__u32 kid = bpf_map__btf_key_type_id(map), vid = bpf_map__btf_value_type_id(map);
	char k[256], v[256];
	int err;

	/* .data/.rodata/.bss are the skeleton's typed fields */
	if (!kind || bpf_map__is_internal(map))
		return 0;
	if (!kid || !vid) {
		/* key_size/value_size maps: nothing says what the bytes are */
		fprintf(g->out, "\n/* map '%s': no BTF key and value types, no typed accessors */\n", m);
		return 0;
	}
	fprintf(g->out, "\n/* map '%s' */\n", m);
	err = name_type(g, kid, m, "key", k, sizeof(k));
	if (!err)
		err = name_type(g, vid, m, "value", v, sizeof(v));
	if (err)
		return err;
	assert_layout(g, kid, k);
	assert_layout(g, vid, v);

	if (!kind->percpu) {
		bg_codegen(g->out, "\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_lookup(struct %1$s *skel, const %3$s *key, %4$s *out)\n\
			{\n\
				return bpf_map__lookup_elem(skel->maps.%2$s, key, sizeof(*key), out, sizeof(*out), 0);\n\
			}\n\
			\n\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_update(struct %1$s *skel, const %3$s *key, const %4$s *val, __u64 flags)\n\
			{\n\
				return bpf_map__update_elem(skel->maps.%2$s, key, sizeof(*key), val, sizeof(*val), flags);\n\
			}\n\
			",
			n, m, k, v);
	} else {
		/* the kernel copies one value per possible CPU, each rounded up to 8 bytes */
		bg_codegen(g->out, "\
			/*\n\
			 * OUT holds N values, one per possible CPU: N must be\n\
			 * libbpf_num_possible_cpus() (-EINVAL otherwise); _lookup_alloc()\n\
			 * allocates the array itself.\n\
			 */\n\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_lookup(struct %1$s *skel, const %3$s *key, %4$s out[], size_t n)\n\
			{\n\
				size_t stride = (sizeof(%4$s) + 7) / 8 * 8;\n\
				int ncpus = libbpf_num_possible_cpus(), i, err;\n\
				char *buf;\n\
			\n\
				if (ncpus < 0)\n\
					return ncpus;\n\
				if (!out || n != (size_t)ncpus)\n\
					return -EINVAL;\n\
				if (stride == sizeof(%4$s))\n\
					return bpf_map__lookup_elem(skel->maps.%2$s, key, sizeof(*key), out, stride * ncpus, 0);\n\
				buf = calloc(ncpus, stride);\n\
				if (!buf)\n\
					return -ENOMEM;\n\
				err = bpf_map__lookup_elem(skel->maps.%2$s, key, sizeof(*key), buf, stride * ncpus, 0);\n\
				for (i = 0; !err && i < ncpus; i++)\n\
					memcpy(&out[i], buf + i * stride, sizeof(%4$s));\n\
				free(buf);\n\
				return err;\n\
			}\n\
			\n\
			/*\n\
			 * The values of KEY on every possible CPU in an array of *N (the CPU\n\
			 * count) that the caller frees; NULL and errno set on failure.\n\
			 */\n\
			static inline BPFGEN_MUST_CHECK %4$s *%1$s_%2$s_lookup_alloc(struct %1$s *skel, const %3$s *key, size_t *n)\n\
			{\n\
				int ncpus = libbpf_num_possible_cpus(), err;\n\
				%4$s *out;\n\
			\n\
				if (ncpus < 0) {\n\
					errno = -ncpus;\n\
					return NULL;\n\
				}\n\
				out = calloc(ncpus, sizeof(*out));\n\
				if (!out) {\n\
					errno = ENOMEM;\n\
					return NULL;\n\
				}\n\
				err = %1$s_%2$s_lookup(skel, key, out, ncpus);\n\
				if (err) {\n\
					free(out);\n\
					errno = -err;\n\
					return NULL;\n\
				}\n\
				if (n)\n\
					*n = ncpus;\n\
				return out;\n\
			}\n\
			\n\
			/* VAL holds N values, one per possible CPU (-EINVAL unless N is the CPU count). */\n\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_update(struct %1$s *skel, const %3$s *key, const %4$s val[], size_t n, __u64 flags)\n\
			{\n\
				size_t stride = (sizeof(%4$s) + 7) / 8 * 8;\n\
				int ncpus = libbpf_num_possible_cpus(), i, err;\n\
				char *buf;\n\
			\n\
				if (ncpus < 0)\n\
					return ncpus;\n\
				if (!val || n != (size_t)ncpus)\n\
					return -EINVAL;\n\
				if (stride == sizeof(%4$s))\n\
					return bpf_map__update_elem(skel->maps.%2$s, key, sizeof(*key), val, stride * ncpus, flags);\n\
				buf = calloc(ncpus, stride);\n\
				if (!buf)\n\
					return -ENOMEM;\n\
				for (i = 0; i < ncpus; i++)\n\
					memcpy(buf + i * stride, &val[i], sizeof(%4$s));\n\
				err = bpf_map__update_elem(skel->maps.%2$s, key, sizeof(*key), buf, stride * ncpus, flags);\n\
				free(buf);\n\
				return err;\n\
			}\n\
			",
			n, m, k, v);
	}
	if (kind->can_delete)
		bg_codegen(g->out, "\
			\n\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_delete(struct %1$s *skel, const %3$s *key)\n\
			{\n\
				return bpf_map__delete_elem(skel->maps.%2$s, key, sizeof(*key), 0);\n\
			}\n\
			",
			n, m, k);
	bg_codegen(g->out, "\
		\n\
		/* KEY NULL gives the first key; -ENOENT after the last. */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_next_key(struct %1$s *skel, const %3$s *key, %3$s *next)\n\
		{\n\
			return bpf_map__get_next_key(skel->maps.%2$s, key, next, sizeof(*next));\n\
		}\n\
		",
		n, m, k);
	return 0;
}

/* Maps of values without keys: typed push/pop/peek, add/contains. */
static int emit_value_map(struct gen *g, struct bpf_map *map)
{
	enum bpf_map_type type = bpf_map__type(map);
	const char *m = bpf_map__name(map), *n = g->name;
	__u32 vid = bpf_map__btf_value_type_id(map);
	char v[256];
	int err;

	if (!vid) {
		fprintf(g->out, "\n/* map '%s': no BTF value type, no typed accessors */\n", m);
		return 0;
	}
	fprintf(g->out, "\n/* map '%s' (%s) */\n", m, libbpf_bpf_map_type_str(type));
	err = name_type(g, vid, m, "value", v, sizeof(v));
	if (err)
		return err;
	assert_layout(g, vid, v);
	if (type == BPF_MAP_TYPE_BLOOM_FILTER) {
		bg_codegen(g->out, "\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_add(struct %1$s *skel, const %3$s *val)\n\
			{\n\
				return bpf_map__update_elem(skel->maps.%2$s, NULL, 0, val, sizeof(*val), BPF_ANY);\n\
			}\n\
			\n\
			/* 1 when VAL may be in the filter, 0 when it is not, or a negative errno. */\n\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_contains(struct %1$s *skel, const %3$s *val)\n\
			{\n\
				%3$s probe;\n\
				int err;\n\
			\n\
				memcpy(&probe, val, sizeof(probe));\n\
				err = bpf_map__lookup_elem(skel->maps.%2$s, NULL, 0, &probe, sizeof(probe), 0);\n\
				if (err == -ENOENT)\n\
					return 0;\n\
				return err ? err : 1;\n\
			}\n\
			",
			n, m, v);
		return 0;
	}
	bg_codegen(g->out, "\
		/* FLAGS BPF_EXIST: when full, drop the %3$s value to make room. -E2BIG when full. */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_push(struct %1$s *skel, const %4$s *val, __u64 flags)\n\
		{\n\
			return bpf_map__update_elem(skel->maps.%2$s, NULL, 0, val, sizeof(*val), flags);\n\
		}\n\
		\n\
		/* The %5$s value, removed; -ENOENT when empty. */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_pop(struct %1$s *skel, %4$s *out)\n\
		{\n\
			return bpf_map__lookup_and_delete_elem(skel->maps.%2$s, NULL, 0, out, sizeof(*out), 0);\n\
		}\n\
		\n\
		/* The %5$s value, left in place; -ENOENT when empty. */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_peek(struct %1$s *skel, %4$s *out)\n\
		{\n\
			return bpf_map__lookup_elem(skel->maps.%2$s, NULL, 0, out, sizeof(*out), 0);\n\
		}\n\
		",
		n, m, "oldest", v, type == BPF_MAP_TYPE_QUEUE ? "oldest" : "newest");
	return 0;
}

/* Maps whose values are kernel objects: what userspace gives for each. */
static const struct fd_map_kind {
	enum bpf_map_type type;
	const char *param;	/* the typed value parameter */
	const char *value;	/* the expression of the value written */
	bool hashed;		/* a key type of its own, else a __u32 index */
} fd_map_kinds[] = {
	{ BPF_MAP_TYPE_DEVMAP,		"int ifindex",	"ifindex",	false },
	{ BPF_MAP_TYPE_DEVMAP_HASH,	"int ifindex",	"ifindex",	true },
	{ BPF_MAP_TYPE_CPUMAP,		"__u32 qsize",	"qsize",	false },
	{ BPF_MAP_TYPE_XSKMAP,		"int xsk_fd",	"xsk_fd",	false },
	{ BPF_MAP_TYPE_SOCKMAP,		"int sock_fd",	"sock_fd",	false },
	{ BPF_MAP_TYPE_SOCKHASH,	"int sock_fd",	"sock_fd",	true },
	{ BPF_MAP_TYPE_PROG_ARRAY,	"const struct bpf_program *prog", "bpf_program__fd(prog)", false },
};

static const struct fd_map_kind *fd_map_kind(enum bpf_map_type type)
{
	size_t i;

	for (i = 0; i < sizeof(fd_map_kinds) / sizeof(fd_map_kinds[0]); i++)
		if (fd_map_kinds[i].type == type)
			return &fd_map_kinds[i];
	return NULL;
}

/*
 * Typed set/delete of a devmap, cpumap, xskmap, sockmap, sockhash or program
 * array: the value is what the map holds a reference to, written in the
 * map's value size (the 8-byte struct bpf_devmap_val/bpf_cpumap_val and
 * sockmap's __u64 take it in their first 4 bytes: no program, or the cookie).
 */
static int emit_fd_map(struct gen *g, struct bpf_map *map, const struct fd_map_kind *kind)
{
	const char *m = bpf_map__name(map), *n = g->name;
	__u32 kid = bpf_map__btf_key_type_id(map), vsz = bpf_map__value_size(map);
	char k[256], kparam[300], kexpr[64];
	int err;

	if (vsz != 4 && vsz != 8) {
		fprintf(g->out, "\n/* map '%s': a value of %u bytes, no typed accessors */\n", m, vsz);
		return 0;
	}
	if (kind->hashed) {
		if (!kid) {
			fprintf(g->out, "\n/* map '%s': no BTF key type, no typed accessors */\n", m);
			return 0;
		}
		err = name_type(g, kid, m, "key", k, sizeof(k));
		if (err)
			return err;
		assert_layout(g, kid, k);
		snprintf(kparam, sizeof(kparam), "const %s *key", k);
		snprintf(kexpr, sizeof(kexpr), "key, sizeof(*key)");
	} else {
		snprintf(kparam, sizeof(kparam), "__u32 index");
		snprintf(kexpr, sizeof(kexpr), "&index, sizeof(index)");
	}
	fprintf(g->out, "\n/* map '%s' (%s) */\n", m, libbpf_bpf_map_type_str(kind->type));
	bg_codegen(g->out, "\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_set(struct %1$s *skel, %3$s, %4$s)\n\
		{\n\
			__u64 val = 0;\n\
			int v = %5$s;\n\
		\n\
			if (v < 0)\n\
				return -EINVAL;\n\
			/* little or big endian: the first 4 bytes are the object */\n\
			memcpy(&val, &v, sizeof(v));\n\
			return bpf_map__update_elem(skel->maps.%2$s, %6$s, &val, %7$u, BPF_ANY);\n\
		}\n\
		\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_delete(struct %1$s *skel, %3$s)\n\
		{\n\
			return bpf_map__delete_elem(skel->maps.%2$s, %6$s, 0);\n\
		}\n\
		",
		n, m, kparam, kind->param, kind->value, kexpr, vsz);
	return 0;
}

/* pin/unpin/reuse of every map of the object but its .data/.rodata/.bss */
static void emit_map_pin(struct gen *g, struct bpf_map *map)
{
	bg_codegen(g->out, "\
		\n\
		/* Pin '%2$s' at PATH on bpffs (-ENOTSUP, and a message, when PATH is not on bpffs). */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_pin(struct %1$s *skel, const char *path)\n\
		{\n\
			return bpfgen_map__pin(skel->maps.%2$s, path);\n\
		}\n\
		\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_unpin(struct %1$s *skel, const char *path)\n\
		{\n\
			return bpfgen_map__unpin(skel->maps.%2$s, path);\n\
		}\n\
		\n\
		/*\n\
		 * Before load: use the map pinned at PATH instead of a new one (it keeps\n\
		 * its contents). -ENOENT when nothing is pinned there, -EINVAL when the\n\
		 * pinned map's definition differs.\n\
		 */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_reuse(struct %1$s *skel, const char *path)\n\
		{\n\
			return bpfgen_map__reuse(skel->maps.%2$s, path);\n\
		}\n\
		",
		g->name, bpf_map__name(map));
}

/* The event type of ringbuf or perf event array MAP: the pointee of the BTF VAR bpfgen_event__MAP, or 0. */
static __u32 event_type(struct gen *g, const char *map)
{
	char var[256];
	const struct btf_type *t;
	int id;

	snprintf(var, sizeof(var), EVENT_VAR_PREFIX "%s", map);
	id = btf__find_by_name_kind(g->btf, var, BTF_KIND_VAR);
	if (id <= 0)
		return 0;
	t = btf__type_by_id(g->btf, skip_mods(g->btf, btf__type_by_id(g->btf, id)->type));
	if (!t || !btf_is_ptr(t))
		return 0;
	return t->type;
}

static int emit_consumer_common(struct gen *g, bool any_ring, bool any_perf)
{
	bg_codegen(g->out, "\
		\n\
		/*\n\
		 * Ring and perf buffers: each _ring() or _perf() keeps its callback and\n\
		 * context in a node of this list until %1$s__ring_free() or\n\
		 * %1$s__perf_free(), which must be called from the same source file\n\
		 * (the list is static to it).\n\
		 */\n\
		struct %1$s__consumer {\n\
			struct %1$s__consumer *next;\n\
			void *buf;	/* struct ring_buffer * or struct perf_buffer * */\n\
		};\n\
		\n\
		static struct %1$s__consumer *%1$s__consumers;\n\
		\n\
		static inline void %1$s__consumer_forget(void *buf)\n\
		{\n\
			struct %1$s__consumer **p, *node;\n\
		\n\
			for (p = &%1$s__consumers; *p; p = &(*p)->next) {\n\
				if ((*p)->buf == buf) {\n\
					node = *p;\n\
					*p = node->next;\n\
					free(node);\n\
					return;\n\
				}\n\
			}\n\
		}\n\
		",
		g->name);
	if (any_ring)
		bg_codegen(g->out, "\
			\n\
			/* Free RB and what its _ring() allocated; RB may be NULL. */\n\
			static inline void %1$s__ring_free(struct ring_buffer *rb)\n\
			{\n\
				if (!rb)\n\
					return;\n\
				ring_buffer__free(rb);\n\
				%1$s__consumer_forget(rb);\n\
			}\n\
			",
			g->name);
	if (any_perf)
		bg_codegen(g->out, "\
			\n\
			/* Free PB and what its _perf() allocated; PB may be NULL. */\n\
			static inline void %1$s__perf_free(struct perf_buffer *pb)\n\
			{\n\
				if (!pb)\n\
					return;\n\
				perf_buffer__free(pb);\n\
				%1$s__consumer_forget(pb);\n\
			}\n\
			",
			g->name);
	return 0;
}

/*
 * The comment heading a consumer of map M (WHAT: "ring buffer"), and its event
 * type's name in E with its layout pinned. Returns 1 when M has no event type
 * in BTF (the comment says so), 0, or a negative errno.
 */
static int event_prologue(struct gen *g, const char *m, const char *what, char *e, size_t size)
{
	__u32 eid = event_type(g, m);
	int err;

	if (!eid) {
		fprintf(g->out, "\n/* %s '%s': no " EVENT_VAR_PREFIX "%s in BTF, no typed consumer */\n",
			what, m, m);
		return 1;
	}
	fprintf(g->out, "\n/* %s '%s' */\n", what, m);
	err = name_type(g, eid, m, "event", e, size);
	if (err)
		return err;
	assert_layout(g, eid, e);
	return 0;
}

static int emit_perf(struct gen *g, struct bpf_map *map)
{
	const char *m = bpf_map__name(map), *n = g->name;
	char e[256];
	int err;

	err = event_prologue(g, m, "perf event array", e, sizeof(e));
	if (err)
		return err < 0 ? err : 0;
	bg_codegen(g->out, "\
		typedef void (*%1$s_%2$s_cb)(void *ctx, int cpu, const %3$s *e);\n\
		\n\
		struct %1$s_%2$s__closure {\n\
			struct %1$s__consumer node;\n\
			%1$s_%2$s_cb cb;\n\
			void *ctx;\n\
		};\n\
		\n\
		static inline void %1$s_%2$s__trampoline(void *ctx, int cpu, void *data, __u32 size)\n\
		{\n\
			struct %1$s_%2$s__closure *c = ctx;\n\
			%3$s e;\n\
		\n\
			/* a record shorter than the event type is not one: skip it */\n\
			if (size < sizeof(e))\n\
				return;\n\
			/* perf records are only 4-byte aligned: hand CB an aligned copy */\n\
			memcpy(&e, data, sizeof(e));\n\
			c->cb(c->ctx, cpu, &e);\n\
		}\n\
		\n\
		/*\n\
		 * A perf buffer consumer of '%2$s' with PAGE_CNT pages per CPU, calling\n\
		 * CB with each event and LOST_CB (may be NULL) with each count of lost\n\
		 * ones; NULL and errno set on failure. Poll it with perf_buffer__poll(),\n\
		 * free it with %1$s__perf_free().\n\
		 */\n\
		static inline BPFGEN_MUST_CHECK struct perf_buffer *%1$s_%2$s_perf(struct %1$s *skel, size_t page_cnt, %1$s_%2$s_cb cb,\n\
								perf_buffer_lost_fn lost_cb, void *ctx)\n\
		{\n\
			struct %1$s_%2$s__closure *c = calloc(1, sizeof(*c));\n\
			struct perf_buffer *pb;\n\
		\n\
			if (!c) {\n\
				errno = ENOMEM;\n\
				return NULL;\n\
			}\n\
			c->cb = cb;\n\
			c->ctx = ctx;\n\
			pb = perf_buffer__new(bpf_map__fd(skel->maps.%2$s), page_cnt, %1$s_%2$s__trampoline,\n\
					      lost_cb, c, NULL);\n\
			if (!pb) {\n\
				int err = errno;\n\
		\n\
				free(c);\n\
				errno = err;\n\
				return NULL;\n\
			}\n\
			c->node.buf = pb;\n\
			c->node.next = %1$s__consumers;\n\
			%1$s__consumers = &c->node;\n\
			return pb;\n\
		}\n\
		",
		n, m, e);
	return 0;
}

static int emit_ring(struct gen *g, struct bpf_map *map)
{
	const char *m = bpf_map__name(map), *n = g->name;
	char e[256];
	int err;

	err = event_prologue(g, m, "ring buffer", e, sizeof(e));
	if (err)
		return err < 0 ? err : 0;
	bg_codegen(g->out, "\
		typedef int (*%1$s_%2$s_cb)(void *ctx, const %3$s *e);\n\
		\n\
		struct %1$s_%2$s__closure {\n\
			struct %1$s__consumer node;\n\
			%1$s_%2$s_cb cb;\n\
			void *ctx;\n\
		};\n\
		\n\
		static inline int %1$s_%2$s__trampoline(void *ctx, void *data, size_t size)\n\
		{\n\
			struct %1$s_%2$s__closure *c = ctx;\n\
		\n\
			/* a record shorter than the event type is not one: stop the poll */\n\
			if (size < sizeof(%3$s))\n\
				return -EBADMSG;\n\
			return c->cb(c->ctx, (const %3$s *)data);\n\
		}\n\
		\n\
		/*\n\
		 * A ring buffer consumer of '%2$s' calling CB with each event; NULL and\n\
		 * errno set on failure. Poll it with ring_buffer__poll(), free it with\n\
		 * %1$s__ring_free().\n\
		 */\n\
		static inline BPFGEN_MUST_CHECK struct ring_buffer *%1$s_%2$s_ring(struct %1$s *skel, %1$s_%2$s_cb cb, void *ctx)\n\
		{\n\
			struct %1$s_%2$s__closure *c = calloc(1, sizeof(*c));\n\
			struct ring_buffer *rb;\n\
		\n\
			if (!c) {\n\
				errno = ENOMEM;\n\
				return NULL;\n\
			}\n\
			c->cb = cb;\n\
			c->ctx = ctx;\n\
			rb = ring_buffer__new(bpf_map__fd(skel->maps.%2$s), %1$s_%2$s__trampoline, c, NULL);\n\
			if (!rb) {\n\
				int err = errno;\n\
		\n\
				free(c);\n\
				errno = err;\n\
				return NULL;\n\
			}\n\
			c->node.buf = rb;\n\
			c->node.next = %1$s__consumers;\n\
			%1$s__consumers = &c->node;\n\
			return rb;\n\
		}\n\
		",
		n, m, e);
	return 0;
}

/*
 * A stack-trace map: ids to the frames of a stack. The entry holds
 * value_size / 8 addresses, innermost first, zero after the last.
 */
static int emit_stack_trace(struct gen *g, struct bpf_map *map)
{
	const char *m = bpf_map__name(map), *n = g->name;
	__u32 vsz = bpf_map__value_size(map);

	if (bpf_map__key_size(map) != 4 || !vsz || vsz % 8) {
		fprintf(g->out, "\n/* map '%s': a stack trace map of %u-byte entries, no typed reader */\n",
			m, vsz);
		return 0;
	}
	fprintf(g->out, "\n/* map '%s' (stack_trace) */\n", m);
	bg_codegen(g->out, "\
		/* One stack of '%2$s': IPS[0] is the innermost frame, N the frame count. */\n\
		struct %1$s_%2$s_stack {\n\
			__u64 ips[%3$u];\n\
			size_t n;\n\
		};\n\
		\n\
		/* The stack of ID (what the BPF side's get_stackid returned); -ENOENT when no stack has it. */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_read(struct %1$s *skel, __u32 id, struct %1$s_%2$s_stack *out)\n\
		{\n\
			int err;\n\
		\n\
			err = bpf_map__lookup_elem(skel->maps.%2$s, &id, sizeof(id), out->ips, sizeof(out->ips), 0);\n\
			if (err)\n\
				return err;\n\
			for (out->n = 0; out->n < %3$u && out->ips[out->n]; out->n++)\n\
				;\n\
			return 0;\n\
		}\n\
		\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_delete(struct %1$s *skel, __u32 id)\n\
		{\n\
			return bpf_map__delete_elem(skel->maps.%2$s, &id, sizeof(id), 0);\n\
		}\n\
		\n\
		/* ID NULL gives the first id; -ENOENT after the last. */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_next_id(struct %1$s *skel, const __u32 *id, __u32 *next)\n\
		{\n\
			return bpf_map__get_next_key(skel->maps.%2$s, id, next, sizeof(*next));\n\
		}\n\
		",
		n, m, vsz / 8);
	return 0;
}

/*
 * An array or hash of maps. The inner definition is baked in as constants:
 * libbpf frees its template once the outer map exists, and the output must
 * depend on the object alone. The inner maps userspace creates are handles
 * of a type of their own per outer map, with typed access when the inner
 * map is a plain key/value kind.
 */
static int emit_map_of_maps(struct gen *g, struct bpf_map *map)
{
	struct bpf_map *inner = bpf_map__inner_map(map);
	const char *m = bpf_map__name(map), *n = g->name;
	const struct map_kind *ikind;
	__u32 kid = bpf_map__btf_key_type_id(map), ikid, ivid;
	char k[256], kparam[300], kexpr[64], ik[256], iv[256];
	bool hashed = bpf_map__type(map) == BPF_MAP_TYPE_HASH_OF_MAPS;
	int err;

	if (!inner) {
		fprintf(g->out, "\n/* map '%s': no inner map definition (__array(values, ...)), no typed accessors */\n", m);
		return 0;
	}
	if (hashed) {
		if (!kid) {
			fprintf(g->out, "\n/* map '%s': no BTF key type, no typed accessors */\n", m);
			return 0;
		}
	}
	fprintf(g->out, "\n/* map '%s' (%s) of %s maps */\n", m, libbpf_bpf_map_type_str(bpf_map__type(map)),
		libbpf_bpf_map_type_str(bpf_map__type(inner)));
	if (hashed) {
		err = name_type(g, kid, m, "key", k, sizeof(k));
		if (err)
			return err;
		assert_layout(g, kid, k);
		snprintf(kparam, sizeof(kparam), "const %s *key", k);
		snprintf(kexpr, sizeof(kexpr), "key, sizeof(*key)");
	} else {
		snprintf(kparam, sizeof(kparam), "__u32 index");
		snprintf(kexpr, sizeof(kexpr), "&index, sizeof(index)");
	}
	bg_codegen(g->out, "\
		/* A map of the definition of '%2$s''s inner maps: an fd userspace owns. */\n\
		struct %1$s_%2$s_inner {\n\
			int fd;\n\
		};\n\
		\n\
		/*\n\
		 * A new, empty map of the inner definition (%3$s, %4$u-byte keys,\n\
		 * %5$u-byte values, %6$u entries, flags %7$#x) in OUT; close it with\n\
		 * %1$s_%2$s_inner_close() (an outer map that holds it keeps it alive).\n\
		 */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_inner_create(struct %1$s *skel, struct %1$s_%2$s_inner *out)\n\
		{\n\
			LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = %7$#x);\n\
			int fd;\n\
		\n\
			(void)skel;\n\
			fd = bpf_map_create((enum bpf_map_type)%8$d, NULL, %4$u, %5$u, %6$u, &opts);\n\
			if (fd < 0)\n\
				return fd;\n\
			out->fd = fd;\n\
			return 0;\n\
		}\n\
		\n\
		/* Close IN's fd (IN may be NULL or closed already). */\n\
		static inline void %1$s_%2$s_inner_close(struct %1$s_%2$s_inner *in)\n\
		{\n\
			if (!in || in->fd < 0)\n\
				return;\n\
			close(in->fd);\n\
			in->fd = -1;\n\
		}\n\
		\n\
		/* Put IN into the outer map (which takes its own reference) at the key. */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_set(struct %1$s *skel, %9$s, const struct %1$s_%2$s_inner *in)\n\
		{\n\
			__u32 fd = in->fd;\n\
		\n\
			if (in->fd < 0)\n\
				return -EBADF;\n\
			return bpf_map__update_elem(skel->maps.%2$s, %10$s, &fd, sizeof(fd), BPF_ANY);\n\
		}\n\
		\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_delete(struct %1$s *skel, %9$s)\n\
		{\n\
			return bpf_map__delete_elem(skel->maps.%2$s, %10$s, 0);\n\
		}\n\
		\n\
		/*\n\
		 * The inner map at the key, opened into OUT (a new fd: close it with\n\
		 * %1$s_%2$s_inner_close()); -ENOENT when the slot is empty.\n\
		 */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_get(struct %1$s *skel, %9$s, struct %1$s_%2$s_inner *out)\n\
		{\n\
			__u32 id;\n\
			int err, fd;\n\
		\n\
			err = bpf_map__lookup_elem(skel->maps.%2$s, %10$s, &id, sizeof(id), 0);\n\
			if (err)\n\
				return err;\n\
			fd = bpf_map_get_fd_by_id(id);\n\
			if (fd < 0)\n\
				return fd;\n\
			out->fd = fd;\n\
			return 0;\n\
		}\n\
		",
		n, m, libbpf_bpf_map_type_str(bpf_map__type(inner)), bpf_map__key_size(inner),
		bpf_map__value_size(inner), bpf_map__max_entries(inner), bpf_map__map_flags(inner),
		(int)bpf_map__type(inner), kparam, kexpr);
	if (hashed)
		bg_codegen(g->out, "\
			\n\
			/* KEY NULL gives the first key; -ENOENT after the last. */\n\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_next_key(struct %1$s *skel, const %3$s *key, %3$s *next)\n\
			{\n\
				return bpf_map__get_next_key(skel->maps.%2$s, key, next, sizeof(*next));\n\
			}\n\
			",
			n, m, k);

	ikind = map_kind(bpf_map__type(inner));
	ikid = bpf_map__btf_key_type_id(inner);
	ivid = bpf_map__btf_value_type_id(inner);
	if (!ikind || ikind->percpu || !ikid || !ivid) {
		fprintf(g->out, "/* map '%s': inner maps of this kind, or without BTF key and value types, have no typed access */\n", m);
		return 0;
	}
	err = name_type(g, ikid, m, "inner_key", ik, sizeof(ik));
	if (!err)
		err = name_type(g, ivid, m, "inner_value", iv, sizeof(iv));
	if (err)
		return err;
	assert_layout(g, ikid, ik);
	assert_layout(g, ivid, iv);
	fprintf(g->asserts, "_Static_assert(sizeof(%s) == %u, \"map '%s': inner key size changed\");\n",
		ik, bpf_map__key_size(inner), m);
	fprintf(g->asserts, "_Static_assert(sizeof(%s) == %u, \"map '%s': inner value size changed\");\n",
		iv, bpf_map__value_size(inner), m);
	bg_codegen(g->out, "\
		\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_inner_lookup(const struct %1$s_%2$s_inner *in, const %3$s *key, %4$s *out)\n\
		{\n\
			return bpf_map_lookup_elem(in->fd, key, out);\n\
		}\n\
		\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_inner_update(const struct %1$s_%2$s_inner *in, const %3$s *key, const %4$s *val, __u64 flags)\n\
		{\n\
			return bpf_map_update_elem(in->fd, key, val, flags);\n\
		}\n\
		",
		n, m, ik, iv);
	if (ikind->can_delete)
		bg_codegen(g->out, "\
			\n\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_inner_delete(const struct %1$s_%2$s_inner *in, const %3$s *key)\n\
			{\n\
				return bpf_map_delete_elem(in->fd, key);\n\
			}\n\
			",
			n, m, ik);
	bg_codegen(g->out, "\
		\n\
		/* KEY NULL gives the first key; -ENOENT after the last. */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_inner_next_key(const struct %1$s_%2$s_inner *in, const %3$s *key, %3$s *next)\n\
		{\n\
			return bpf_map_get_next_key(in->fd, key, next);\n\
		}\n\
		",
		n, m, ik);
	return 0;
}

/* A user ring buffer: userspace produces typed events, the BPF side drains them. */
static int emit_user_ring(struct gen *g, struct bpf_map *map)
{
	const char *m = bpf_map__name(map), *n = g->name;
	char e[256];
	int err;

	err = event_prologue(g, m, "user ring buffer", e, sizeof(e));
	if (err)
		return err < 0 ? err : 0;
	bg_codegen(g->out, "\
		/* The producer side of '%2$s'. */\n\
		struct %1$s_%2$s_user_ring {\n\
			struct user_ring_buffer *rb;\n\
		};\n\
		\n\
		/* A producer of '%2$s' (after load); NULL and errno set on failure. */\n\
		static inline BPFGEN_MUST_CHECK struct %1$s_%2$s_user_ring *%1$s_%2$s_user_ring_new(struct %1$s *skel)\n\
		{\n\
			struct %1$s_%2$s_user_ring *r = calloc(1, sizeof(*r));\n\
		\n\
			if (!r) {\n\
				errno = ENOMEM;\n\
				return NULL;\n\
			}\n\
			r->rb = user_ring_buffer__new(bpf_map__fd(skel->maps.%2$s), NULL);\n\
			if (!r->rb) {\n\
				int err = errno;\n\
		\n\
				free(r);\n\
				errno = err;\n\
				return NULL;\n\
			}\n\
			return r;\n\
		}\n\
		\n\
		/* Free R (may be NULL); events reserved and not submitted are dropped. */\n\
		static inline void %1$s_%2$s_user_ring_free(struct %1$s_%2$s_user_ring *r)\n\
		{\n\
			if (!r)\n\
				return;\n\
			user_ring_buffer__free(r->rb);\n\
			free(r);\n\
		}\n\
		\n\
		/*\n\
		 * Room for one event, to fill and then _submit() or _discard(); NULL\n\
		 * and errno set (ENOSPC when the ring is full).\n\
		 */\n\
		static inline BPFGEN_MUST_CHECK %3$s *%1$s_%2$s_reserve(struct %1$s_%2$s_user_ring *r)\n\
		{\n\
			return user_ring_buffer__reserve(r->rb, sizeof(%3$s));\n\
		}\n\
		\n\
		/* As _reserve(), waiting up to TIMEOUT_MS (-1: forever) for the BPF side to drain. */\n\
		static inline BPFGEN_MUST_CHECK %3$s *%1$s_%2$s_reserve_blocking(struct %1$s_%2$s_user_ring *r, int timeout_ms)\n\
		{\n\
			return user_ring_buffer__reserve_blocking(r->rb, sizeof(%3$s), timeout_ms);\n\
		}\n\
		\n\
		static inline void %1$s_%2$s_submit(struct %1$s_%2$s_user_ring *r, %3$s *e)\n\
		{\n\
			user_ring_buffer__submit(r->rb, e);\n\
		}\n\
		\n\
		static inline void %1$s_%2$s_discard(struct %1$s_%2$s_user_ring *r, %3$s *e)\n\
		{\n\
			user_ring_buffer__discard(r->rb, e);\n\
		}\n\
		\n\
		/* Copy E into the ring and submit it: 0, or -ENOSPC when the ring is full. */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_send(struct %1$s_%2$s_user_ring *r, const %3$s *e)\n\
		{\n\
			%3$s *slot = user_ring_buffer__reserve(r->rb, sizeof(*slot));\n\
		\n\
			if (!slot)\n\
				return -errno;\n\
			memcpy(slot, e, sizeof(*slot));\n\
			user_ring_buffer__submit(r->rb, slot);\n\
			return 0;\n\
		}\n\
		",
		n, m, e);
	return 0;
}

/* "tracepoint/CAT/NAME" or "tp/CAT/NAME": CAT and NAME, or false. */
static bool tracepoint_names(const char *sec, char *cat, char *name, size_t sz)
{
	const char *p = strchr(sec, '/'), *q;

	if (!p || (strncmp(sec, "tracepoint/", 11) && strncmp(sec, "tp/", 3)))
		return false;
	q = strchr(p + 1, '/');
	if (!q || !q[1] || (size_t)(q - p - 1) >= sz || strlen(q + 1) >= sz)
		return false;
	snprintf(cat, sz, "%.*s", (int)(q - p - 1), p + 1);
	snprintf(name, sz, "%s", q + 1);
	return true;
}

/* Attach functions that keep their bpf_link in the skeleton's links.PROG. */
static void emit_link_attach(struct gen *g, const char *p, const char *params,
			     const char *call)
{
	bg_codegen(g->out, "\
		/* The link lives in skel->links.%2$s; NULL and errno set on failure. */\n\
		static inline BPFGEN_MUST_CHECK struct bpf_link *%1$s_%2$s_attach(struct %1$s *skel%3$s)\n\
		{\n\
			struct bpf_link *link;\n\
		\n\
			if (skel->links.%2$s) {\n\
				errno = EBUSY;\n\
				return NULL;\n\
			}\n\
			link = %4$s;\n\
			if (link)\n\
				skel->links.%2$s = link;\n\
			return link;\n\
		}\n\
		\n\
		static inline int %1$s_%2$s_detach(struct %1$s *skel)\n\
		{\n\
			int err = bpf_link__destroy(skel->links.%2$s);\n\
		\n\
			skel->links.%2$s = NULL;\n\
			return err;\n\
		}\n\
		",
		g->name, p, params, call);
}

/* The struct behind the first parameter of program P's function in BTF, or 0. */
static __u32 prog_arg_id(const struct btf *btf, const char *p)
{
	const struct btf_type *t, *ptr;
	int id = btf__find_by_name_kind(btf, p, BTF_KIND_FUNC);

	if (id <= 0)
		return 0;
	t = btf__type_by_id(btf, btf__type_by_id(btf, id)->type);
	if (!t || !btf_is_func_proto(t) || btf_vlen(t) < 1)
		return 0;
	ptr = btf__type_by_id(btf, skip_mods(btf, btf_params(t)[0].type));
	if (!ptr || !btf_is_ptr(ptr) || !ptr->type)
		return 0;
	t = btf__type_by_id(btf, skip_mods(btf, ptr->type));
	if (!t || !btf_is_composite(t))
		return 0;
	return ptr->type;
}

/* The argument struct of syscall program P named in BUF; false when it takes none. */
static bool prog_arg_type(struct gen *g, const char *p, char *buf, size_t sz)
{
	__u32 id = prog_arg_id(g->btf, p);

	if (!id || name_type(g, id, p, "args", buf, sz))
		return false;
	assert_layout(g, id, buf);
	return true;
}

/* Test runs whose input is a context rather than a packet, and the flow dissector's. */
static void emit_ctx_test_run(struct gen *g, const char *p, enum run_kind run)
{
	const char *n = g->name;
	char args[256];

	switch (run) {
	case RUN_FLOW:
		bg_codegen(g->out, "\
			\n\
			/*\n\
			 * Dissect packet PKT of LEN bytes (Ethernet first) with '%2$s' in the\n\
			 * kernel: KEYS, if not NULL, receives the flow keys the program set.\n\
			 */\n\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_test_run(struct %1$s *skel, const void *pkt, __u32 len,\n\
								   struct bpf_flow_keys *keys, enum bpfgen_flow_action *action,\n\
								   __u32 *duration_ns)\n\
			{\n\
				LIBBPF_OPTS(bpf_test_run_opts, opts,\n\
					.data_in = pkt,\n\
					.data_size_in = len,\n\
					.data_out = keys,\n\
					.data_size_out = keys ? sizeof(*keys) : 0,\n\
					.repeat = 1,\n\
				);\n\
				int err;\n\
			\n\
				err = bpf_prog_test_run_opts(bpf_program__fd(skel->progs.%2$s), &opts);\n\
				if (err)\n\
					return err;\n\
				if (action)\n\
					*action = (enum bpfgen_flow_action)opts.retval;\n\
				if (duration_ns)\n\
					*duration_ns = opts.duration;\n\
				return 0;\n\
			}\n\
			",
			n, p);
		break;
	case RUN_RAW_TP:
		bg_codegen(g->out, "\
			\n\
			/*\n\
			 * Run '%2$s' once with ARGS[0..NARGS) as the tracepoint's arguments\n\
			 * (at most 12); *RET, if not NULL, is the program's return value.\n\
			 */\n\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_test_run(struct %1$s *skel, const __u64 *args, __u32 nargs, int *ret)\n\
			{\n\
				LIBBPF_OPTS(bpf_test_run_opts, opts,\n\
					.ctx_in = args,\n\
					.ctx_size_in = nargs * sizeof(__u64),\n\
				);\n\
				int err;\n\
			\n\
				if (nargs > 12)\n\
					return -E2BIG;\n\
				err = bpf_prog_test_run_opts(bpf_program__fd(skel->progs.%2$s), &opts);\n\
				if (err)\n\
					return err;\n\
				if (ret)\n\
					*ret = (int)opts.retval;\n\
				return 0;\n\
			}\n\
			",
			n, p);
		break;
	case RUN_SYSCALL:
		if (!prog_arg_type(g, p, args, sizeof(args))) {
			fprintf(g->out, "/* '%s' takes no argument struct: no typed test run */\n", p);
			break;
		}
		bg_codegen(g->out, "\
			\n\
			/*\n\
			 * Run '%2$s' once in the kernel on *ARGS, which holds what the program\n\
			 * wrote to it afterwards; *RET, if not NULL, is its return value.\n\
			 */\n\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_test_run(struct %1$s *skel, %3$s *args, int *ret)\n\
			{\n\
				LIBBPF_OPTS(bpf_test_run_opts, opts,\n\
					.ctx_in = args,\n\
					.ctx_size_in = sizeof(*args),\n\
				);\n\
				int err;\n\
			\n\
				err = bpf_prog_test_run_opts(bpf_program__fd(skel->progs.%2$s), &opts);\n\
				if (err)\n\
					return err;\n\
				if (ret)\n\
					*ret = (int)opts.retval;\n\
				return 0;\n\
			}\n\
			",
			n, p, args);
		break;
	case RUN_SK_LOOKUP:
		bg_codegen(g->out, "\
			\n\
			/*\n\
			 * Run '%2$s' once on the lookup IN describes (family, protocol,\n\
			 * addresses, ports, ingress ifindex). *COOKIE, if not NULL, is the\n\
			 * cookie of the socket the program selected, 0 for none. Only the\n\
			 * named fields of IN are passed: the kernel refuses a context whose\n\
			 * sk or reserved bytes are not zero.\n\
			 */\n\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_test_run(struct %1$s *skel, const struct bpf_sk_lookup *in,\n\
								   enum bpfgen_sk_action *action, __u64 *cookie)\n\
			{\n\
				struct bpf_sk_lookup ctx, out;\n\
				LIBBPF_OPTS(bpf_test_run_opts, opts,\n\
					.ctx_in = &ctx,\n\
					.ctx_size_in = sizeof(ctx),\n\
					.ctx_out = &out,\n\
					.ctx_size_out = sizeof(out),\n\
					.repeat = 1,\n\
				);\n\
				int err;\n\
			\n\
				memset(&ctx, 0, sizeof(ctx));\n\
				ctx.family = in->family;\n\
				ctx.protocol = in->protocol;\n\
				ctx.remote_ip4 = in->remote_ip4;\n\
				memcpy(ctx.remote_ip6, in->remote_ip6, sizeof(ctx.remote_ip6));\n\
				ctx.remote_port = in->remote_port;\n\
				ctx.local_ip4 = in->local_ip4;\n\
				memcpy(ctx.local_ip6, in->local_ip6, sizeof(ctx.local_ip6));\n\
				ctx.local_port = in->local_port;\n\
				ctx.ingress_ifindex = in->ingress_ifindex;\n\
				memset(&out, 0, sizeof(out));\n\
				err = bpf_prog_test_run_opts(bpf_program__fd(skel->progs.%2$s), &opts);\n\
				if (err)\n\
					return err;\n\
				if (action)\n\
					*action = (enum bpfgen_sk_action)opts.retval;\n\
				if (cookie)\n\
					*cookie = out.cookie;\n\
				return 0;\n\
			}\n\
			",
			n, p);
		break;
	default:
		break;
	}
}

static void emit_test_run(struct gen *g, const char *p, enum run_kind run)
{
	const char *n = g->name, *param, *store;

	switch (run) {
	case RUN_XDP:
		param = "enum bpfgen_xdp_action *action";
		store = "if (action)\n\t\t*action = (enum bpfgen_xdp_action)opts.retval;";
		break;
	case RUN_TC:
		param = "enum bpfgen_tc_action *action";
		store = "if (action)\n\t\t*action = (enum bpfgen_tc_action)(int)opts.retval;";
		break;
	case RUN_SOCKET:
		param = "__u32 *kept";
		store = "if (kept)\n\t\t*kept = opts.retval;";
		break;
	case RUN_CGROUP_SKB:
		param = "enum bpfgen_sk_action *action";
		store = "if (action)\n\t\t*action = (enum bpfgen_sk_action)opts.retval;";
		break;
	default:
		emit_ctx_test_run(g, p, run);
		return;
	}
	bg_codegen(g->out, "\
		\n\
		/*\n\
		 * Run '%2$s' once on packet PKT of LEN bytes in the kernel. OUT, if not\n\
		 * NULL, receives the packet as the program left it: *OUT_LEN is its size\n\
		 * on entry and the packet's length on return. The verdict and the run\n\
		 * time are stored where not NULL.\n\
		 */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_test_run(struct %1$s *skel, const void *pkt, __u32 len,\n\
							   void *out, __u32 *out_len, %3$s, __u32 *duration_ns)\n\
		{\n\
			LIBBPF_OPTS(bpf_test_run_opts, opts,\n\
				.data_in = pkt,\n\
				.data_size_in = len,\n\
				.data_out = out,\n\
				.data_size_out = out && out_len ? *out_len : 0,\n\
				.repeat = 1,\n\
			);\n\
			int err;\n\
		\n\
			err = bpf_prog_test_run_opts(bpf_program__fd(skel->progs.%2$s), &opts);\n\
			if (err)\n\
				return err;\n\
			if (out && out_len)\n\
				*out_len = opts.data_size_out;\n\
			%4$s\n\
			if (duration_ns)\n\
				*duration_ns = opts.duration;\n\
			return 0;\n\
		}\n\
		",
		n, p, param, store);
}

/* A kprobe-type program in a uprobe or uretprobe section (sleepable too). */
static bool is_uprobe(const struct bpf_program *prog)
{
	const char *sec = bpf_program__section_name(prog);

	return bpf_program__type(prog) == BPF_PROG_TYPE_KPROBE &&
	       (!strncmp(sec, "uprobe", 6) || !strncmp(sec, "uretprobe", 9));
}

static void emit_uprobe(struct gen *g, const char *p, bool ret)
{
	bg_codegen(g->out, "\
		/*\n\
		 * A %3$s on function SYMBOL of BINARY (a path; a shared library's\n\
		 * name is looked up as the dynamic loader would), for process PID or\n\
		 * -1 for every process. The link lives in skel->links.%2$s; NULL and\n\
		 * errno set on failure (-EBUSY when attached already).\n\
		 */\n\
		static inline BPFGEN_MUST_CHECK struct bpf_link *%1$s_%2$s_attach(struct %1$s *skel, pid_t pid, const char *binary,\n\
								  const char *symbol)\n\
		{\n\
			LIBBPF_OPTS(bpf_uprobe_opts, opts, .func_name = symbol, .retprobe = %4$s);\n\
			struct bpf_link *link;\n\
		\n\
			if (skel->links.%2$s || !symbol || !*symbol) {\n\
				errno = skel->links.%2$s ? EBUSY : EINVAL;\n\
				return NULL;\n\
			}\n\
			link = bpf_program__attach_uprobe_opts(skel->progs.%2$s, pid, binary, 0, &opts);\n\
			if (link)\n\
				skel->links.%2$s = link;\n\
			return link;\n\
		}\n\
		\n\
		/* The same at file offset OFFSET of BINARY rather than a symbol. */\n\
		static inline BPFGEN_MUST_CHECK struct bpf_link *%1$s_%2$s_attach_offset(struct %1$s *skel, pid_t pid, const char *binary,\n\
									 size_t offset)\n\
		{\n\
			LIBBPF_OPTS(bpf_uprobe_opts, opts, .retprobe = %4$s);\n\
			struct bpf_link *link;\n\
		\n\
			if (skel->links.%2$s) {\n\
				errno = EBUSY;\n\
				return NULL;\n\
			}\n\
			link = bpf_program__attach_uprobe_opts(skel->progs.%2$s, pid, binary, offset, &opts);\n\
			if (link)\n\
				skel->links.%2$s = link;\n\
			return link;\n\
		}\n\
		\n\
		static inline int %1$s_%2$s_detach(struct %1$s *skel)\n\
		{\n\
			int err = bpf_link__destroy(skel->links.%2$s);\n\
		\n\
			skel->links.%2$s = NULL;\n\
			return err;\n\
		}\n\
		",
		g->name, p, ret ? "uretprobe" : "uprobe", ret ? "true" : "false");
}

static void emit_reuseport(struct gen *g, const char *p)
{
	bg_codegen(g->out, "\
		/*\n\
		 * '%2$s' chooses the socket of the reuseport group of SOCK_FD (any\n\
		 * socket of the group, bound with SO_REUSEPORT) for each new packet or\n\
		 * connection; it replaces the group's program.\n\
		 */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_attach(struct %1$s *skel, int sock_fd)\n\
		{\n\
			int fd = bpf_program__fd(skel->progs.%2$s);\n\
		\n\
			return setsockopt(sock_fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_EBPF, &fd, sizeof(fd)) ? -errno : 0;\n\
		}\n\
		\n\
		/* The group of SOCK_FD goes back to the kernel's hash (Linux 5.3). */\n\
		static inline int %1$s_%2$s_detach(struct %1$s *skel, int sock_fd)\n\
		{\n\
			int zero = 0;\n\
		\n\
			(void)skel;\n\
			return setsockopt(sock_fd, SOL_SOCKET, SO_DETACH_REUSEPORT_BPF, &zero, sizeof(zero)) ? -errno : 0;\n\
		}\n\
		",
		g->name, p);
}

/* An iterator's output: an fd per read, or all of it into the caller's buffer. */
static void emit_iter_read(struct gen *g, const char *p)
{
	bg_codegen(g->out, "\
		\n\
		/*\n\
		 * A new run of the iterator _attach() made: an fd whose read() gives its\n\
		 * output from the start, for the caller to close(). -ENOENT when not\n\
		 * attached.\n\
		 */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_open(struct %1$s *skel)\n\
		{\n\
			int fd;\n\
		\n\
			if (!skel->links.%2$s)\n\
				return -ENOENT;\n\
			fd = bpf_iter_create(bpf_link__fd(skel->links.%2$s));\n\
			return fd < 0 ? -errno : fd;\n\
		}\n\
		\n\
		/*\n\
		 * A run's whole output into BUF of SIZE bytes, NUL-terminated: its\n\
		 * length; -ENOSPC when it does not fit (BUF holds the first SIZE - 1\n\
		 * bytes), -ENOENT when not attached.\n\
		 */\n\
		static inline BPFGEN_MUST_CHECK ssize_t %1$s_%2$s_read(struct %1$s *skel, char *buf, size_t size)\n\
		{\n\
			size_t len = 0;\n\
			ssize_t n = 0;\n\
			int fd, err = 0;\n\
			char more;\n\
		\n\
			if (!buf || !size)\n\
				return -EINVAL;\n\
			fd = %1$s_%2$s_open(skel);\n\
			if (fd < 0)\n\
				return fd;\n\
			while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)\n\
				len += n;\n\
			if (n >= 0 && len == size - 1)\n\
				n = read(fd, &more, 1);\n\
			if (n < 0)\n\
				err = -errno;\n\
			else if (n > 0)\n\
				err = -ENOSPC;\n\
			close(fd);\n\
			buf[len] = '\\0';\n\
			return err ? err : (ssize_t)len;\n\
		}\n\
		",
		g->name, p);
}

static bool is_ident(const char *s)
{
	if (!isalpha((unsigned char)*s) && *s != '_')
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return false;
	return true;
}

/*
 * An extension program: the target program's fd before load (the kernel
 * checks the prototype then) and at attach. The function is the section's
 * (freplace/FUNC) when it names one, else a parameter.
 */
static void emit_freplace(struct gen *g, const char *p, const char *sec)
{
	const char *func = strchr(sec, '/');
	char call[512], fname[256];
	bool baked = func && func[1] && is_ident(func + 1);

	if (baked)
		snprintf(fname, sizeof(fname), "\"%s\"", func + 1);
	else
		snprintf(fname, sizeof(fname), "func");
	bg_codegen(g->out, "\
		/*\n\
		 * Before load: '%2$s' replaces function %4$s of program TARGET_FD (loaded,\n\
		 * with BTF); the kernel checks their prototypes at load.\n\
		 */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_set_target(struct %1$s *skel, int target_fd%3$s)\n\
		{\n\
			return bpf_program__set_attach_target(skel->progs.%2$s, target_fd, %5$s);\n\
		}\n\
		\n\
		/* The replacement runs while the link lives: detach restores the target's own code. */\n\
		",
		g->name, p, baked ? "" : ", const char *func", baked ? func + 1 : "FUNC", fname);
	snprintf(call, sizeof(call), "bpf_program__attach_freplace(skel->progs.%s, target_fd, %s)", p, fname);
	emit_link_attach(g, p, baked ? ", int target_fd" : ", int target_fd, const char *func", call);
}

/*
 * sk storage: the kernel looks the socket up from a socket fd of the caller
 * (its key), so the key of these functions is an int fd, never a pointer.
 */
static int emit_sk_storage(struct gen *g, struct bpf_map *map)
{
	const char *m = bpf_map__name(map);
	__u32 vid = bpf_map__btf_value_type_id(map);
	char v[256];
	int err;

	if (!vid) {
		fprintf(g->out, "\n/* map '%s': no BTF value type, no typed accessors */\n", m);
		return 0;
	}
	err = name_type(g, vid, m, "value", v, sizeof(v));
	if (err)
		return err;
	assert_layout(g, vid, v);
	bg_codegen(g->out, "\
		\n\
		/*\n\
		 * sk storage '%2$s': the value kept for the socket of SOCK_FD, an fd of\n\
		 * this process (any fd of the socket: a dup() is the same socket).\n\
		 * -ENOENT when the socket has none, -ENOTSOCK when SOCK_FD is no socket.\n\
		 */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_lookup(struct %1$s *skel, int sock_fd, %3$s *out)\n\
		{\n\
			return bpf_map__lookup_elem(skel->maps.%2$s, &sock_fd, sizeof(sock_fd), out, sizeof(*out), 0);\n\
		}\n\
		\n\
		/* FLAGS: BPF_ANY, BPF_NOEXIST (-EEXIST when it has one), BPF_EXIST. */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_update(struct %1$s *skel, int sock_fd, const %3$s *val,\n\
								 __u64 flags)\n\
		{\n\
			return bpf_map__update_elem(skel->maps.%2$s, &sock_fd, sizeof(sock_fd), val, sizeof(*val), flags);\n\
		}\n\
		\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_delete(struct %1$s *skel, int sock_fd)\n\
		{\n\
			return bpf_map__delete_elem(skel->maps.%2$s, &sock_fd, sizeof(sock_fd), 0);\n\
		}\n\
		",
		g->name, m, v);
	return 0;
}

/* struct_ops map M: registering it is its attach; the link is the caller's. */
static void emit_struct_ops(struct gen *g, struct bpf_map *map)
{
	bg_codegen(g->out, "\
		\n\
		/*\n\
		 * struct_ops map '%2$s': registers it with the kernel (its programs\n\
		 * run from now on; a TCP congestion control becomes one sockets can\n\
		 * choose). The link is the caller's: %1$s_%2$s_detach() unregisters\n\
		 * (bpfgen_loop__add_link() makes the loop do it). NULL and errno set on\n\
		 * failure (-EEXIST: one of its name is registered).\n\
		 */\n\
		static inline BPFGEN_MUST_CHECK struct bpf_link *%1$s_%2$s_attach(struct %1$s *skel)\n\
		{\n\
			return bpf_map__attach_struct_ops(skel->maps.%2$s);\n\
		}\n\
		\n\
		static inline int %1$s_%2$s_detach(struct bpf_link *link)\n\
		{\n\
			return bpf_link__destroy(link);\n\
		}\n\
		",
		g->name, bpf_map__name(map));
}

/* pin/unpin/reuse of the link in skel->links.P */
static void emit_link_pin(struct gen *g, const char *p)
{
	bg_codegen(g->out, "\
		\n\
		/*\n\
		 * Pin the link of '%2$s' at PATH on bpffs: the program stays attached\n\
		 * after this process exits. -ENOENT when not attached, -EOPNOTSUPP for\n\
		 * a legacy hook (netlink XDP, clsact), -ENOTSUP when PATH is not on bpffs.\n\
		 */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_link_pin(struct %1$s *skel, const char *path)\n\
		{\n\
			return bpfgen_link__pin(skel->links.%2$s, path);\n\
		}\n\
		\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_link_unpin(struct %1$s *skel)\n\
		{\n\
			return bpfgen_link__unpin(skel->links.%2$s);\n\
		}\n\
		\n\
		/* Take the link pinned at PATH into skel->links.%2$s (detach or destroy releases it). */\n\
		static inline BPFGEN_MUST_CHECK int %1$s_%2$s_link_reuse(struct %1$s *skel, const char *path)\n\
		{\n\
			struct bpf_link *link;\n\
		\n\
			if (skel->links.%2$s)\n\
				return -EBUSY;\n\
			link = bpfgen_link__reuse(path);\n\
			if (!link)\n\
				return -errno;\n\
			skel->links.%2$s = link;\n\
			return 0;\n\
		}\n\
		",
		g->name, p);
}

static int emit_prog(struct gen *g, struct bpf_program *prog, int index)
{
	const struct prog_kind *kind = prog_kind(prog);
	const char *p = bpf_program__name(prog), *n = g->name;
	const char *sec = bpf_program__section_name(prog);
	char call[512], cat[128], tp[128], upper[128];
	const char *attach_str;
	size_t i;

	fprintf(g->out, "\n/* program '%s', SEC(\"%s\")%s */\n", p, sec,
		bpf_program__type(prog) == BPF_PROG_TYPE_STRUCT_OPS ? ": attached with its struct_ops map" :
		kind->attach == ATTACH_NONE ? ": no attach function" : "");
	if (is_uprobe(prog))
		emit_uprobe(g, p, !strncmp(sec, "uretprobe", 9));
	else switch (kind->attach) {
	case ATTACH_XDP:
		bg_codegen(g->out, "\
			/*\n\
			 * Through an XDP link kept in skel->links.%2$s, in the mode of XDP_FLAGS\n\
			 * (0: the driver's); netlink only on a kernel without XDP links, said\n\
			 * on stderr. -EBUSY when '%2$s' or another program is attached there.\n\
			 */\n\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_attach(struct %1$s *skel, int ifindex, __u32 xdp_flags)\n\
			{\n\
				struct bpf_link *link;\n\
			\n\
				if (skel->links.%2$s)\n\
					return -EBUSY;\n\
				link = bpfgen_xdp_attach(skel->progs.%2$s, ifindex, xdp_flags, 0);\n\
				if (!link)\n\
					return -errno;\n\
				skel->links.%2$s = link;\n\
				return 0;\n\
			}\n\
			\n\
			/* Removes what _attach() made; 0 when nothing is attached (a loop detached it). */\n\
			static inline int %1$s_%2$s_detach(struct %1$s *skel, int ifindex, __u32 xdp_flags)\n\
			{\n\
				int err;\n\
			\n\
				(void)ifindex;\n\
				(void)xdp_flags;\n\
				err = bpf_link__destroy(skel->links.%2$s);\n\
				skel->links.%2$s = NULL;\n\
				return err;\n\
			}\n\
			",
			n, p);
		break;
	case ATTACH_TC:
		/* the clsact fallback's filter: handle 1, one priority per program */
		bg_codegen(g->out, "\
			/*\n\
			 * Through a TCX link kept in skel->links.%2$s (Linux 6.6+); else, said on\n\
			 * stderr, a filter of handle 1, priority %3$d on the clsact qdisc, created\n\
			 * if missing. -EBUSY when '%2$s' is attached already.\n\
			 */\n\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_attach(struct %1$s *skel, int ifindex, enum bpf_tc_attach_point where)\n\
			{\n\
				struct bpf_link *link;\n\
			\n\
				if (skel->links.%2$s)\n\
					return -EBUSY;\n\
				link = bpfgen_tc_attach(skel->progs.%2$s, ifindex, where, %3$d, 0);\n\
				if (!link)\n\
					return -errno;\n\
				skel->links.%2$s = link;\n\
				return 0;\n\
			}\n\
			\n\
			/*\n\
			 * Removes what _attach() made: the link, or the filter and the clsact\n\
			 * qdisc if bpfgen created it; 0 when nothing is attached.\n\
			 */\n\
			static inline int %1$s_%2$s_detach(struct %1$s *skel, int ifindex, enum bpf_tc_attach_point where)\n\
			{\n\
				int err;\n\
			\n\
				(void)ifindex;\n\
				(void)where;\n\
				err = bpf_link__destroy(skel->links.%2$s);\n\
				skel->links.%2$s = NULL;\n\
				return err;\n\
			}\n\
			",
			n, p, index + 1);
		break;
	case ATTACH_SOCKET:
		bg_codegen(g->out, "\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_attach(struct %1$s *skel, int sock_fd)\n\
			{\n\
				int fd = bpf_program__fd(skel->progs.%2$s);\n\
			\n\
				return setsockopt(sock_fd, SOL_SOCKET, SO_ATTACH_BPF, &fd, sizeof(fd)) ? -errno : 0;\n\
			}\n\
			\n\
			static inline int %1$s_%2$s_detach(struct %1$s *skel, int sock_fd)\n\
			{\n\
				int fd = bpf_program__fd(skel->progs.%2$s);\n\
			\n\
				return setsockopt(sock_fd, SOL_SOCKET, SO_DETACH_BPF, &fd, sizeof(fd)) ? -errno : 0;\n\
			}\n\
			",
			n, p);
		break;
	case ATTACH_SOCKMAP:
		attach_str = libbpf_bpf_attach_type_str(bpf_program__expected_attach_type(prog));
		if (!attach_str)
			break;
		for (i = 0; attach_str[i] && i < sizeof(upper) - 1; i++)
			upper[i] = toupper((unsigned char)attach_str[i]);
		upper[i] = '\0';
		bg_codegen(g->out, "\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_attach(struct %1$s *skel, int map_fd)\n\
			{\n\
				return bpf_prog_attach(bpf_program__fd(skel->progs.%2$s), map_fd, BPF_%3$s, 0);\n\
			}\n\
			\n\
			static inline int %1$s_%2$s_detach(struct %1$s *skel, int map_fd)\n\
			{\n\
				return bpf_prog_detach2(bpf_program__fd(skel->progs.%2$s), map_fd, BPF_%3$s);\n\
			}\n\
			",
			n, p, upper);
		break;
	case ATTACH_CGROUP:
		snprintf(call, sizeof(call), "bpf_program__attach_cgroup(skel->progs.%s, cgroup_fd)", p);
		emit_link_attach(g, p, ", int cgroup_fd", call);
		break;
	case ATTACH_NETNS:
		snprintf(call, sizeof(call), "bpf_program__attach_netns(skel->progs.%s, netns_fd)", p);
		emit_link_attach(g, p, ", int netns_fd", call);
		break;
	case ATTACH_PERF:
		snprintf(call, sizeof(call), "bpf_program__attach_perf_event(skel->progs.%s, perf_fd)", p);
		emit_link_attach(g, p, ", int perf_fd", call);
		break;
	case ATTACH_TRACEPOINT:
		if (tracepoint_names(sec, cat, tp, sizeof(cat))) {
			snprintf(call, sizeof(call), "bpf_program__attach_tracepoint(skel->progs.%s, \"%s\", \"%s\")",
				 p, cat, tp);
			emit_link_attach(g, p, "", call);
			break;
		}
		/* a section this code cannot split: libbpf parses it */
		/* fall through */
	case ATTACH_AUTO:
		snprintf(call, sizeof(call), "bpf_program__attach(skel->progs.%s)", p);
		emit_link_attach(g, p, "", call);
		break;
	case ATTACH_REUSEPORT:
		emit_reuseport(g, p);
		break;
	case ATTACH_NETFILTER:
		bg_codegen(g->out, "\
			/*\n\
			 * Before load: gives '%2$s' its program type where libbpf is older\n\
			 * than 1.2, which does not know SEC(\"netfilter\").\n\
			 */\n\
			static inline BPFGEN_MUST_CHECK int %1$s_%2$s_prepare(struct %1$s *skel)\n\
			{\n\
				return bpfgen_netfilter_prepare(skel->progs.%2$s);\n\
			}\n\
			\n\
			/*\n\
			 * A netfilter link (Linux 6.4) on hook HOOK (NF_INET_PRE_ROUTING 0,\n\
			 * LOCAL_IN 1, FORWARD 2, LOCAL_OUT 3, POST_ROUTING 4) of family PF\n\
			 * (NFPROTO_IPV4 2, NFPROTO_IPV6 10) at PRIORITY, lower first.\n\
			 */\n\
			",
			n, p);
		snprintf(call, sizeof(call), "bpfgen_netfilter_attach(skel->progs.%s, pf, hook, priority, 0)", p);
		emit_link_attach(g, p, ", __u32 pf, __u32 hook, __s32 priority", call);
		break;
	case ATTACH_ITER:
		snprintf(call, sizeof(call), "bpf_program__attach_iter(skel->progs.%s, NULL)", p);
		emit_link_attach(g, p, "", call);
		emit_iter_read(g, p);
		break;
	case ATTACH_FREPLACE:
		emit_freplace(g, p, sec);
		break;
	case ATTACH_NONE:
	case ATTACH_UPROBE:
		break;
	}
	emit_test_run(g, p, kind->run);
	emit_link_pin(g, p);
	return 0;
}

/* Pin the layout of a global's type when it has a name userspace can spell. */
static void assert_global_type(struct gen *g, __u32 id)
{
	char name[256];

	id = skip_mods(g->btf, id);
	if (simple_type_name(g->btf, id, name, sizeof(name)))
		assert_layout(g, id, name);
}

/* Pin the offsets of the skeleton's .data/.rodata/.bss variables. */
static void assert_datasecs(struct gen *g)
{
	__u32 id, n = btf__type_cnt(g->obj_btf);

	for (id = 1; id < n; id++) {
		const struct btf_type *t = btf__type_by_id(g->obj_btf, id);
		const struct btf_var_secinfo *v;
		char sec[128];
		__u16 i;

		if (!btf_is_datasec(t))
			continue;
		snprintf(sec, sizeof(sec), "%s", btf__name_by_offset(g->obj_btf, t->name_off));
		if (strcmp(sec, ".data") && strcmp(sec, ".rodata") && strcmp(sec, ".bss") &&
		    strncmp(sec, ".data.", 6) && strncmp(sec, ".rodata.", 8) && strncmp(sec, ".bss.", 5))
			continue;
		bg_sanitize_ident(sec + 1);
		for (i = 0, v = btf_var_secinfos(t); i < btf_vlen(t); i++, v++) {
			const struct btf_type *var = btf__type_by_id(g->obj_btf, v->type);
			const char *vname;

			/* static variables are not in the skeleton */
			if (!btf_is_var(var) || btf_var(var)->linkage == BTF_VAR_STATIC)
				continue;
			vname = btf__name_by_offset(g->obj_btf, var->name_off);
			if (strncmp(vname, EVENT_VAR_PREFIX, strlen(EVENT_VAR_PREFIX)))
				assert_global_type(g, var->type);
			fprintf(g->asserts,
				"_Static_assert(offsetof(struct %1$s__%2$s, %3$s) == %4$u, \"%1$s.%2$s: offset of '%3$s' changed\");\n",
				g->name, sec + 1, vname, v->offset);
		}
	}
}

int bg_emit_user_header(FILE *out, const struct bg_gen_opts *opts)
{
	struct gen g = { .out = out, .dump_out = out, .name = opts->name };
	struct bpf_program *prog;
	struct bpf_map *map;
	bool any_action = false, any_ring = false, any_perf = false;
	char ebuf[128];
	int err, index = 0;

	g.btf = btf__parse_elf(opts->obj_path, NULL);
	if (!g.btf) {
		err = -errno;
		fprintf(stderr, "bpfgen: error: '%s': cannot read its BTF: %s\n", opts->obj_path,
			errstr(err, ebuf, sizeof(ebuf)));
		return err;
	}
	g.obj = bpf_object__open_file(opts->obj_path, NULL);
	if (!g.obj) {
		err = -errno;
		fprintf(stderr, "bpfgen: error: '%s': cannot open: %s\n", opts->obj_path,
			errstr(err, ebuf, sizeof(ebuf)));
		goto out;
	}
	g.obj_btf = bpf_object__btf(g.obj);
	g.dump = btf_dump__new(g.btf, dump_printf, &g, NULL);
	g.asserts = open_memstream(&g.asserts_buf, &g.asserts_len);
	if (!g.dump || !g.asserts || !g.obj_btf) {
		err = g.dump && g.asserts ? -ENOENT : -ENOMEM;
		fprintf(stderr, "bpfgen: error: '%s': %s\n", opts->obj_path,
			err == -ENOENT ? "no BTF in the object" : strerror(ENOMEM));
		goto out;
	}

	bpf_object__for_each_program(prog, g.obj) {
		const struct prog_kind *kind = prog_kind(prog);

		if (kind->attach == ATTACH_SOCKET || kind->attach == ATTACH_REUSEPORT)
			g.any_socket = true;
		if (kind->attach == ATTACH_REUSEPORT)
			g.any_reuseport = true;
		if (kind->attach == ATTACH_ITER)
			g.any_iter = true;
		if (kind->run != RUN_NONE && kind->run != RUN_SOCKET && kind->run != RUN_RAW_TP &&
		    kind->run != RUN_SYSCALL)
			any_action = true;
	}
	bpf_object__for_each_map(map, g.obj) {
		if (bpf_map__type(map) == BPF_MAP_TYPE_ARRAY_OF_MAPS ||
		    bpf_map__type(map) == BPF_MAP_TYPE_HASH_OF_MAPS)
			g.any_map_of_maps = true;
		if (bpf_map__type(map) == BPF_MAP_TYPE_RINGBUF && event_type(&g, bpf_map__name(map)))
			any_ring = true;
		else if (bpf_map__type(map) == BPF_MAP_TYPE_PERF_EVENT_ARRAY && event_type(&g, bpf_map__name(map)))
			any_perf = true;
	}

	emit_prologue(&g, opts);
	err = emit_types(&g, opts);
	if (err) {
		fprintf(stderr, "bpfgen: error: '%s': cannot write its types: %s\n", opts->obj_path,
			strerror(-err));
		goto out;
	}
	fprintf(out, "%s#include \"%s.skel.h\"\n", opts->types ? "\n" : "", g.name);
	if (any_action)
		emit_action_enums(&g);
	if (any_ring || any_perf)
		emit_consumer_common(&g, any_ring, any_perf);

	bpf_object__for_each_map(map, g.obj) {
		/* bpfgen/log.h's own maps: the log functions below use them */
		if (!strncmp(bpf_map__name(map), "bpfgen_log_", 11))
			continue;
		enum bpf_map_type type = bpf_map__type(map);
		const struct fd_map_kind *fdk = fd_map_kind(type);

		if (type == BPF_MAP_TYPE_RINGBUF)
			err = emit_ring(&g, map);
		else if (type == BPF_MAP_TYPE_PERF_EVENT_ARRAY)
			err = emit_perf(&g, map);
		else if (type == BPF_MAP_TYPE_USER_RINGBUF)
			err = emit_user_ring(&g, map);
		else if (type == BPF_MAP_TYPE_STACK_TRACE)
			err = emit_stack_trace(&g, map);
		else if (type == BPF_MAP_TYPE_ARRAY_OF_MAPS || type == BPF_MAP_TYPE_HASH_OF_MAPS)
			err = emit_map_of_maps(&g, map);
		else if (type == BPF_MAP_TYPE_QUEUE || type == BPF_MAP_TYPE_STACK ||
			 type == BPF_MAP_TYPE_BLOOM_FILTER)
			err = emit_value_map(&g, map);
		else if (fdk)
			err = emit_fd_map(&g, map, fdk);
		else if (type == BPF_MAP_TYPE_STRUCT_OPS)
			emit_struct_ops(&g, map);
		else if (type == BPF_MAP_TYPE_SK_STORAGE)
			err = emit_sk_storage(&g, map);
		else
			err = emit_map(&g, map);
		if (err)
			goto out;
		if (!bpf_map__is_internal(map))
			emit_map_pin(&g, map);
	}
	bpf_object__for_each_program(prog, g.obj) {
		err = emit_prog(&g, prog, index++);
		if (err)
			goto out;
	}

	err = bg_emit_log(out, g.name, opts->obj_path,
			  bpf_object__find_map_by_name(g.obj, "bpfgen_log_ring") != NULL);
	if (err)
		goto out;

	assert_datasecs(&g);
	fflush(g.asserts);
	if (g.asserts_len)
		fprintf(out, "\n/* the layout both sides share, as the object's BTF has it */\n%s",
			g.asserts_buf);
	fprintf(out, "\n#endif\n");
	err = 0;
out:
	if (g.asserts)
		fclose(g.asserts);
	free(g.asserts_buf);
	free(g.asserted);
	btf_dump__free(g.dump);
	bpf_object__close(g.obj);
	btf__free(g.btf);
	return err;
}
