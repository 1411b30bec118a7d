// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * loader OBJ.o: open a BPF object with libbpf, load every program in it
 * (including programs whose section starts with '?', which libbpf would
 * otherwise skip), print "loaded" and exit 0; on failure print the error and
 * exit 1. libbpf's messages, including the verifier log of a refused program,
 * go to stderr. Set LOADER_DEBUG=1 to see libbpf's debug messages as well.
 *
 * Build: gcc loader.c -lbpf -lelf -lz
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/libbpf.h>

static int debug;

static int print_fn(enum libbpf_print_level level, const char *fmt, va_list args)
{
	if (level == LIBBPF_DEBUG && !debug)
		return 0;
	return vfprintf(stderr, fmt, args);
}

int main(int argc, char **argv)
{
	struct bpf_object *obj;
	struct bpf_program *prog;
	const char *env;
	int err;

	if (argc != 2) {
		fprintf(stderr, "usage: %s OBJ.o\n", argv[0]);
		return 2;
	}
	env = getenv("LOADER_DEBUG");
	debug = env && *env && strcmp(env, "0") != 0;

	libbpf_set_print(print_fn);

	/* libbpf 1.x returns NULL and sets errno on failure. */
	obj = bpf_object__open_file(argv[1], NULL);
	if (!obj) {
		err = -errno;
		printf("error: opening %s: %s (%d)\n", argv[1], strerror(-err), err);
		return 1;
	}

	/* '?'-prefixed sections are not autoloaded by default: load them too. */
	bpf_object__for_each_program(prog, obj)
		bpf_program__set_autoload(prog, true);

	err = bpf_object__load(obj);
	if (err) {
		printf("error: loading %s: %s (%d)\n", argv[1], strerror(-err), err);
		bpf_object__close(obj);
		return 1;
	}

	printf("loaded\n");
	bpf_object__close(obj);
	return 0;
}
