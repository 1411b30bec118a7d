// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* bpfgen: the subcommand table. */
#include <stdio.h>
#include <string.h>

#include "bpfgen.h"

static const struct cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} cmds[] = {
	{ "cache", bg_cmd_cache, "show or clear the cache of precompiled preambles and results" },
	{ "cc", bg_cmd_cc, "compiler launcher: check and compile a BPF file on one cached preamble" },
	{ "check", bg_cmd_check, "check BPF C sources for what the kernel refuses or misreads" },
	{ "gen", bg_cmd_gen, "write the typed userspace header of a compiled BPF object" },
	{ "lsp", bg_cmd_lsp, "a Language Server Protocol server: the checker in the editor" },
	{ "new", bg_cmd_new, "write a complete, buildable project for one program type" },
	{ "probe", bg_cmd_probe, "measure which helpers each program type may call on this kernel" },
	{ "verify", bg_cmd_verify, "load compiled objects and explain what the verifier refuses" },
};

static void usage(FILE *out)
{
	size_t i;

	fprintf(out, "usage: bpfgen COMMAND [ARGS...]\n       bpfgen --version | --help\n\ncommands:\n");
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		fprintf(out, "  %-8s %s\n", cmds[i].name, cmds[i].summary);
	fprintf(out, "\n'bpfgen COMMAND --help' tells more.\n");
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("bpfgen %s\n", BPFGEN_VERSION);
		return 0;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(argv[1], cmds[i].name))
			return cmds[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "bpfgen: error: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return 2;
}
