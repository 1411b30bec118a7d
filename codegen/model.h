/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The model of one BPF translation unit: plain C data, no libclang types.
 * parse.c fills it; rules and emitters read it; tests build it by hand.
 */
#ifndef BPFGEN_MODEL_H
#define BPFGEN_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

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

/* A call inside a function body. */
struct bg_call {
	char *callee;
	struct bg_loc loc;
	bool indirect;		/* through a function pointer variable (libbpf helpers) */
	unsigned nargs;
	struct bg_type *args;
};

struct bg_func {
	char *name;
	struct bg_loc loc;
	bool is_static;
	bool is_main_file;
	unsigned nparams;
	struct bg_return *rets;
	size_t nrets;
	struct bg_call *calls;
	size_t ncalls;
};

struct bg_prog {
	char *name;
	char *section;		/* as in SEC(), with a leading '?' kept */
	struct bg_loc loc;	/* the function's name */
	struct bg_loc sec_loc;	/* the SEC(...) */
	unsigned nparams;
	struct bg_type ctx;	/* first parameter, when nparams > 0 */
	struct bg_loc ctx_loc;
	struct bg_type ret;
	int func;		/* index into model->funcs */
};

struct bg_map {
	char *name;
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
	bool has_license;
	char *license;
	struct bg_loc license_loc;
	/*
	 * __weak definitions: the file is one of several linked into one object
	 * (bpftool gen object), so the license may be in another of them.
	 */
	bool has_weak;
	char **files;		/* interned names of the other files locations point into */
	size_t nfiles;
};

struct bg_model *bg_model__new(const char *file);
void bg_model__free(struct bg_model *m);

/* Appenders return the new element zeroed, or NULL on ENOMEM. */
struct bg_prog *bg_model__add_prog(struct bg_model *m);
struct bg_map *bg_model__add_map(struct bg_model *m);
struct bg_func *bg_model__add_func(struct bg_model *m);
struct bg_ksym *bg_model__add_ksym(struct bg_model *m);
/* The kfunc or __ksym named NAME, or NULL. */
const struct bg_ksym *bg_model__find_ksym(const struct bg_model *m, const char *name);
struct bg_return *bg_func__add_return(struct bg_func *f);
struct bg_call *bg_func__add_call(struct bg_func *f);

/* The function named NAME, or NULL. Static functions of the main file first. */
const struct bg_func *bg_model__find_func(const struct bg_model *m, const char *name);

/* A stable copy of FILE's name owned by the model, or NULL on ENOMEM. */
const char *bg_model__intern(struct bg_model *m, const char *file);

/* A readable listing of M, for debugging and tests. */
void bg_model__dump(const struct bg_model *m, FILE *out);

void bg_type__clear(struct bg_type *t);
char *bg_strdup(const char *s);

#endif
