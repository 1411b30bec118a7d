/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* The subcommands of the bpfgen tool, one file each. */
#ifndef BPFGEN_BPFGEN_H
#define BPFGEN_BPFGEN_H

#ifndef BPFGEN_VERSION
#define BPFGEN_VERSION "0.1.0"
#endif

/* Each takes the arguments after the subcommand's name (argv[0] is the name). */
int bg_cmd_cache(int argc, char **argv);
int bg_cmd_cc(int argc, char **argv);
int bg_cmd_check(int argc, char **argv);
int bg_cmd_probe(int argc, char **argv);
int bg_cmd_gen(int argc, char **argv);
int bg_cmd_lsp(int argc, char **argv);
int bg_cmd_new(int argc, char **argv);
int bg_cmd_verify(int argc, char **argv);

#endif
