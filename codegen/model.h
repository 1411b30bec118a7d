/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The model of one BPF translation unit: plain C data, no libclang types.
 * parse/ fills it; rules and emitters read it; tests build it by hand.
 */
#ifndef BPFGEN_MODEL_H
#define BPFGEN_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct bg_arena_block;

struct bg_loc {
	const char *file;	/* as given on the command line for the main file */
	unsigned line;
	unsigned col;
};

enum bg_type_kind {
	BG_TYPE_OTHER,
	BG_TYPE_VOID,
	BG_TYPE_INT,
	BG_TYPE_STRUCT,
	BG_TYPE_PTR,
};

/* A C type, typedefs resolved. */
struct bg_type {
	char *spelling;		/* as written: "skb_t *" */
	char *canonical;	/* typedefs resolved: "struct __sk_buff *" */
	enum bg_type_kind kind;
	enum bg_type_kind pointee_kind;	/* for BG_TYPE_PTR */
	char *pointee;		/* for BG_TYPE_PTR: canonical pointee, unqualified */
	long long size;		/* sizeof, -1 when unknown */
	long long pointee_size;
};

/* A return statement of a function. */
struct bg_return {
	struct bg_loc loc;
	bool is_const;		/* value is a constant expression */
	long long value;
	char *token;		/* first identifier of the expression as written (a macro or enum name), or NULL */
	char *callee;		/* "return f(...)": the callee's name, else NULL */
};

/* An argument of a call. */
struct bg_arg {
	struct bg_type type;	/* as written, seen through casts: &key is "__u32 *" */
	char *ref;		/* the variable it names: "m" for &m or m, else NULL */
	bool addr_of;		/* written as &ref */
	bool is_const;
	long long value;
};

/* A call inside a function body. */
struct bg_call {
	char *callee;
	struct bg_loc loc;
	bool indirect;		/* through a function pointer variable (libbpf helpers) */
	bool result_unused;	/* a statement of its own: the value is dropped */
	unsigned nargs;
	struct bg_arg *args;
};

/* A field of a program context struct accessed through a pointer to it. */
struct bg_ctx_access {
	struct bg_loc loc;
	char *ctx;		/* canonical struct: "struct __sk_buff" */
	char *field;		/* as written: "cb" */
	long long off;		/* byte offset in the struct */
	long long size;		/* bytes accessed */
	bool write;
	bool var_off;		/* at an offset only known at run time: skb->cb[i] */
	bool loop_index;	/* var_off by the counter of a small constant loop, which unrolls */
};

/*
 * The flow IR: each function body lowered to structured statements over
 * local variables, enough for path-sensitive rules (NULL checks, references,
 * packet bounds). Nodes and their strings live in the model's arena.
 */
enum bg_val_kind {
	BG_VAL_OTHER,
	BG_VAL_VAR,		/* the value of local variable var */
	BG_VAL_CALL,		/* the result of calls[call] */
	BG_VAL_NULL,
	BG_VAL_PKT,		/* packet data + off (off -1: unknown) */
	BG_VAL_PKT_END,		/* ctx->data_end */
	BG_VAL_SCALAR_PTR,	/* a pointer made from an integer: not dereferenceable */
	BG_VAL_CONST,		/* the integer off */
};

/* A value: for VAR and PKT, the base plus off plus idx * scale. */
struct bg_val {
	enum bg_val_kind kind;
	char *var;
	int call;
	long long off;		/* -1 for VAR/PKT: unknown */
	char *idx;		/* a local integer variable added, or NULL */
	long long scale;
};

enum bg_stmt_kind {
	BG_ST_SEQ,	/* kids in order */
	BG_ST_ASSIGN,	/* var = val */
	BG_ST_DEREF,	/* memory at var + off, size bytes, read or written */
	BG_ST_CALL,	/* calls[call] happens */
	BG_ST_FORGET,	/* var changes in a way not modelled */
	BG_ST_IF,	/* cond; kids[0] then, kids[1] else (either may be NULL) */
	BG_ST_LOOP,	/* kids[0] body, run zero or more times */
	BG_ST_SWITCH,	/* kids[0] body holding CASE labels */
	BG_ST_CASE,
	BG_ST_RETURN,	/* val */
	BG_ST_GOTO,	/* text: label */
	BG_ST_LABEL,	/* text: label */
	BG_ST_BREAK,
	BG_ST_CONTINUE,
	BG_ST_OBJECT,	/* var: a local dynptr or iterator (struct bpf_dynptr, struct
			 * bpf_iter_*) declared here, not created yet */
	BG_ST_CLEANUP,	/* var: a local the compiler destroys at the end of its scope (an
			 * attribute on it: cleanup(bpf_iter_num_destroy) in bpf_for()) */
	BG_ST_TRAP,	/* memory at a constant NULL address, `*(volatile int *)0`: the verifier
			 * refuses every path that reaches it (a deliberate load-time assert) */
};

struct bg_cond;

struct bg_stmt {
	enum bg_stmt_kind kind;
	struct bg_loc loc;
	struct bg_stmt **kids;
	size_t nkids;
	struct bg_cond *cond;
	char *var;
	struct bg_val val;
	int call;
	long long off;
	long long size;
	bool write;
	bool addr;		/* DEREF: only its address is taken (&p->field), nothing is read */
	char *text;		/* DEREF: the access as written; GOTO, LABEL: the label */
};

enum bg_cond_kind {
	BG_COND_OTHER,		/* not understood: vars stop being tracked */
	BG_COND_NONNULL,	/* var != NULL */
	BG_COND_LESS,		/* a < b when strict, else a <= b (pointer comparisons) */
	BG_COND_AND,
	BG_COND_OR,
	BG_COND_NOT,		/* of l */
	BG_COND_VALUE,		/* integer a != 0: `if (flag)`; a VAR or CONST */
	BG_COND_EQ,		/* integers a == b, each a VAR or CONST; `!=` is NOT of it */
};

struct bg_cond {
	enum bg_cond_kind kind;
	struct bg_stmt *pre;	/* evaluated before the test (may be NULL) */
	char *var;
	struct bg_val a, b;
	bool strict;
	struct bg_cond *l, *r;
	char **vars;
	size_t nvars;
};

struct bg_func {
	char *name;
	struct bg_loc loc;
	bool is_static;
	bool is_main_file;
	unsigned nparams;
	char **params;		/* parameter names (arena) */
	struct bg_type *ptypes;	/* their types, for functions of the main file; else NULL */
	bool noinline;		/* __noinline: a frame of its own even when static */
	bool always_inline;
	bool typed;		/* made by the typed layer: bpf.h's, or a BPFGEN_ macro's accessor */
	long long frame;	/* bytes of aggregate locals: a lower bound of its stack frame */
	long long frame_big;	/* the largest of them, declared at frame_loc */
	struct bg_loc frame_loc;
	struct bg_return *rets;
	size_t nrets;
	struct bg_call *calls;
	size_t ncalls;
	struct bg_ctx_access *ctx_acc;
	size_t nctx_acc;
	struct bg_stmt *body;	/* flow IR, NULL without a body */
};

struct bg_prog {
	char *name;
	char *section;		/* as in SEC(), with a leading '?' kept */
	struct bg_loc loc;	/* the function's name */
	struct bg_loc sec_loc;	/* the SEC(...) */
	unsigned nparams;
	struct bg_type ctx;	/* first parameter, when nparams > 0 */
	struct bg_loc ctx_loc;
	/*
	 * Where the first parameter's declaration starts when it is written out
	 * in the file (not made by a macro such as BPF_PROG()), and how many
	 * bytes its type takes up to the name: what a fix-it of the type
	 * replaces. ctx_type_loc.line 0: not written out.
	 */
	struct bg_loc ctx_type_loc;
	unsigned ctx_type_len;
	struct bg_type ret;
	int func;		/* index into model->funcs */
};

struct bg_map {
	char *name;
	char *sym;		/* the ELF symbol when an asm label renames it, else NULL */
	struct bg_loc loc;
	long long type;		/* BPF_MAP_TYPE_*, -1 when absent */
	long long max_entries;	/* -1 when absent */
	long long flags;	/* 0 when absent */
	long long key_size;	/* from __type(key) or __uint(key_size), -1 when absent */
	long long value_size;
	struct bg_type key;	/* kind BG_TYPE_OTHER with NULL spelling when absent */
	struct bg_type value;
};

/* An extern resolved by libbpf against kernel BTF: a kfunc or a __ksym variable. */
struct bg_ksym {
	char *name;
	struct bg_loc loc;
	bool is_func;
	bool is_weak;		/* __weak: may be missing from the kernel */
};

/*
 * A diagnostic of clang's about a use of the typed layer (headers/bpfgen):
 * the typed-* rules report it with their id. Strings live in the arena.
 */
struct bg_cdiag {
	const char *rule;	/* "typed-type", "typed-return", ... */
	struct bg_loc loc;	/* the user's line: the outermost expansion */
	char *msg;
	struct bg_loc note_loc;	/* clang's first note (the parameter it was passed to) */
	char *note;		/* or NULL */
};

struct bg_model {
	const char *file;		/* the main file, as given */
	struct bg_prog *progs;
	size_t nprogs;
	struct bg_map *maps;
	size_t nmaps;
	struct bg_func *funcs;
	size_t nfuncs;
	struct bg_ksym *ksyms;
	size_t nksyms;
	struct bg_cdiag *cdiags;
	size_t ncdiags;
	bool has_license;
	char *license;
	struct bg_loc license_loc;
	/* the license's string literal, quotes included, when written out in the file */
	struct bg_loc license_str_loc;
	unsigned license_str_len;
	/*
	 * __weak definitions: the file is one of several linked into one object
	 * (bpftool gen object), so the license may be in another of them.
	 */
	bool has_weak;
	int libbpf_major;	/* LIBBPF_MAJOR_VERSION of an included libbpf_version.h, -1 none */
	/* every file the parse read, the main file and each header (arena strings) */
	char **deps;
	size_t ndeps;
	bool uses_libxdp;	/* a libxdp header is included: libxdp sets program types */
	/* the file's "bpfgen: target-kernel 5.15,6.1" line, or NULL */
	char *target_kernel;
	char **files;		/* interned names of the other files locations point into */
	size_t nfiles;
	struct bg_arena_block *arena;
};

/* Zeroed memory owned by the model, freed with it; NULL on ENOMEM. */
void *bg_model__alloc(struct bg_model *m, size_t size);
char *bg_model__strdup(struct bg_model *m, const char *s);
/* Append KID to a statement's kids (arena); returns 0 or -ENOMEM. */
int bg_stmt__add(struct bg_model *m, struct bg_stmt *parent, struct bg_stmt *kid);

struct bg_model *bg_model__new(const char *file);
void bg_model__free(struct bg_model *m);

/* Appenders return the new element zeroed, or NULL on ENOMEM. */
struct bg_prog *bg_model__add_prog(struct bg_model *m);
struct bg_map *bg_model__add_map(struct bg_model *m);
struct bg_func *bg_model__add_func(struct bg_model *m);
struct bg_ksym *bg_model__add_ksym(struct bg_model *m);
struct bg_cdiag *bg_model__add_cdiag(struct bg_model *m);
/* The kfunc or __ksym named NAME, or NULL. */
const struct bg_ksym *bg_model__find_ksym(const struct bg_model *m, const char *name);
struct bg_return *bg_func__add_return(struct bg_func *f);
struct bg_ctx_access *bg_func__add_ctx_access(struct bg_func *f);
struct bg_call *bg_func__add_call(struct bg_func *f);

/* The function named NAME, or NULL. Static functions of the main file first. */
const struct bg_func *bg_model__find_func(const struct bg_model *m, const char *name);
const struct bg_map *bg_model__find_map(const struct bg_model *m, const char *name);
/* The map a call's argument I names (&m or m), or NULL. */
const struct bg_map *bg_call__map_arg(const struct bg_model *m, const struct bg_call *call, unsigned i);

/* A stable copy of FILE's name owned by the model, or NULL on ENOMEM. */
const char *bg_model__intern(struct bg_model *m, const char *file);

/* A readable listing of M, for debugging and tests. */
void bg_model__dump(const struct bg_model *m, FILE *out);

void bg_type__clear(struct bg_type *t);
char *bg_strdup(const char *s);

#endif
