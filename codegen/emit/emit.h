/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* Generated headers: the template helper and the emitters that use it. */
#ifndef BPFGEN_EMIT_EMIT_H
#define BPFGEN_EMIT_EMIT_H

#include <stdbool.h>
#include <stdio.h>

/*
 * Print a printf-style template to OUT with its indentation stripped, as
 * bpftool's codegen() does: a leading newline is dropped and as many tabs as
 * the first line starts with are removed from every line, so templates can be
 * indented with the code that prints them.
 */
void bg_codegen(FILE *out, const char *tmpl, ...) __attribute__((format(printf, 2, 3)));

/* Turn S into a C identifier in place: every other character becomes '_'. */
void bg_sanitize_ident(char *s);

struct bg_gen_opts {
	const char *obj_path;	/* the BPF object to read */
	const char *name;	/* skeleton name: struct NAME, NAME.skel.h */
	const char *types;	/* header to #include for the shared types, or NULL to emit them */
};

/*
 * Write the typed userspace header for OPTS->obj_path to OUT. Reads the
 * object's BTF and its maps and programs with libbpf without loading anything
 * into the kernel. Returns 0, or a negative errno after printing why.
 */
int bg_emit_user_header(FILE *out, const struct bg_gen_opts *opts);

/*
 * Write the log call-site table of OBJ_PATH (bpfgen/log.h's
 * ".debug_bpfgen_log" section) and NAME's log functions to OUT; nothing when
 * the object does not log. LOGS says the object has bpfgen/log.h's ring, so
 * that sites lost to a strip are an error. Returns 0, -EBADMSG after printing each format that does not fit its
 * arguments (the user's error), or another negative errno.
 */
int bg_emit_log(FILE *out, const char *name, const char *obj_path, bool logs);

/* The files of a `bpfgen new` project (emit/project.c). */
enum bg_project_file {
	BG_PROJECT_BPF,		/* NAME.bpf.c */
	BG_PROJECT_HEADER,	/* NAME.h */
	BG_PROJECT_USER,	/* NAME.c, the loader */
	BG_PROJECT_CMAKE,	/* CMakeLists.txt */
	BG_PROJECT_README,	/* README.md */
	BG_PROJECT_TARGET,	/* NAME_target.bpf.c: the program an extension replaces a function of */
};

/* Whether a project of TYPE has FILE (NAME_target.bpf.c: freplace only). */
bool bg_project_has_file(const char *type, enum bg_project_file file);

/* The I-th program type `bpfgen new` knows, or NULL past the last. */
const char *bg_project_type(size_t i);

/*
 * The directory of the bpfgenConfig.cmake the scaffold's CMakeLists.txt
 * looks in first ("" for none); kept until the next call.
 */
void bg_project_set_package_dir(const char *dir);

/*
 * Write FILE of project NAME (a C identifier) of program type TYPE to OUT.
 * Returns 0, or -EINVAL for an unknown TYPE or FILE.
 */
int bg_emit_project_file(FILE *out, enum bg_project_file file, const char *name, const char *type);

#endif
