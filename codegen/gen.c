// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* bpfgen gen: the typed userspace header of a compiled BPF object. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/libbpf.h>

#include "bpfgen.h"
#include "emit/emit.h"

static void gen_usage(FILE *out)
{
	fprintf(out,
		"usage: bpfgen gen OBJ.o [-n NAME] [--types HEADER] -o OUT.h\n"
		"\n"
		"Write the typed userspace header of the BPF object OBJ.o: typed map\n"
		"access, ring-buffer events, attach/detach and test runs over the skeleton\n"
		"NAME.skel.h that `bpftool gen skeleton OBJ.o name NAME` writes.\n"
		"\n"
		"  -n, --name NAME      skeleton name (default: OBJ minus .bpf.o or .o)\n"
		"  -t, --types HEADER   #include HEADER for the types shared with the BPF side\n"
		"                       instead of emitting their definitions from BTF\n"
		"  -o, --output OUT.h   where to write (required; '-' for stdout)\n"
		"\n"
		"Exit status: 0 written, 1 a log format does not fit its arguments,\n"
		"2 bpfgen could not do its job.\n");
}

/* libbpf's warnings matter (a broken object); its debug chatter does not */
static int gen_print(enum libbpf_print_level level, const char *fmt, va_list args)
{
	if (level == LIBBPF_DEBUG || level == LIBBPF_INFO)
		return 0;
	return vfprintf(stderr, fmt, args);
}

static char *default_name(const char *obj)
{
	const char *base = strrchr(obj, '/');
	char *name;
	size_t len;

	base = base ? base + 1 : obj;
	name = strdup(base);
	if (!name)
		return NULL;
	len = strlen(name);
	if (len > 6 && !strcmp(name + len - 6, ".bpf.o"))
		name[len - 6] = '\0';
	else if (len > 2 && !strcmp(name + len - 2, ".o"))
		name[len - 2] = '\0';
	bg_sanitize_ident(name);
	return name;
}

/* Write the whole header or nothing: OUT is replaced only on success. */
static int write_file(const char *path, const char *buf, size_t len)
{
	char *tmp = NULL;
	FILE *f;
	int err = 0;

	if (!strcmp(path, "-"))
		return fwrite(buf, 1, len, stdout) == len ? 0 : -EIO;
	if (asprintf(&tmp, "%s.tmp.%d", path, (int)getpid()) < 0)
		return -ENOMEM;
	f = fopen(tmp, "w");
	if (!f) {
		err = -errno;
		goto out;
	}
	if (fwrite(buf, 1, len, f) != len)
		err = -EIO;
	if (fclose(f) && !err)
		err = -errno;
	if (!err && rename(tmp, path))
		err = -errno;
	if (err)
		unlink(tmp);
out:
	if (err)
		fprintf(stderr, "bpfgen: error: cannot write '%s': %s\n", path, strerror(-err));
	free(tmp);
	return err;
}

int bg_cmd_gen(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "types", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct bg_gen_opts opts = {};
	const char *output = NULL;
	char *name = NULL, *buf = NULL;
	size_t len = 0;
	FILE *mem;
	int c, err;

	optind = 1;
	while ((c = getopt_long(argc, argv, "n:t:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			opts.name = optarg;
			break;
		case 't':
			opts.types = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			gen_usage(stdout);
			return 0;
		default:
			gen_usage(stderr);
			return 2;
		}
	}
	if (optind != argc - 1 || !output) {
		fprintf(stderr, "bpfgen: error: %s\n",
			!output ? "missing '-o OUT.h'" : "expected exactly one object file");
		gen_usage(stderr);
		return 2;
	}
	opts.obj_path = argv[optind];
	if (access(opts.obj_path, R_OK)) {
		fprintf(stderr, "bpfgen: error: cannot open '%s': %s\n", opts.obj_path, strerror(errno));
		return 2;
	}
	if (!opts.name) {
		name = default_name(opts.obj_path);
		if (!name)
			return 2;
		opts.name = name;
	}
	if (!*opts.name || strspn(opts.name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				  "0123456789_") != strlen(opts.name) || (*opts.name >= '0' && *opts.name <= '9')) {
		fprintf(stderr, "bpfgen: error: name '%s' is not a C identifier\n", opts.name);
		free(name);
		return 2;
	}

	libbpf_set_print(gen_print);
	mem = open_memstream(&buf, &len);
	if (!mem) {
		free(name);
		return 2;
	}
	err = bg_emit_user_header(mem, &opts);
	fclose(mem);
	if (!err)
		err = write_file(output, buf, len);
	free(buf);
	free(name);
	/* a log format that does not fit its arguments is the user's error, as in check */
	return err == -EBADMSG ? 1 : err ? 2 : 0;
}
