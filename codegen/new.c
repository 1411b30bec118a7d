// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bpfgen new NAME --type TYPE [--dir DIR]: writes a complete project on the
 * typed layer: NAME.bpf.c, NAME.h, NAME.c (the loader, on the generated
 * NAME.bpfgen.h), CMakeLists.txt and README.md. This file checks the
 * arguments and writes the files; the templates are in emit/project.c.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bpfgen.h"
#include "emit/emit.h"

/* The lexer takes these for identifiers, but `struct int` does not compile. */
static const char *const c_keywords[] = {
	"auto", "break", "case", "char", "const", "continue", "default", "do", "double",
	"else", "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long",
	"register", "restrict", "return", "short", "signed", "sizeof", "static", "struct",
	"switch", "typedef", "union", "unsigned", "void", "volatile", "while", "_Bool",
	"_Complex", "_Imaginary", "_Alignas", "_Alignof", "_Atomic", "_Generic",
	"_Noreturn", "_Static_assert", "_Thread_local",
};

static bool is_c_identifier(const char *s)
{
	const char *p;
	size_t i;

	if (!*s || strlen(s) > 64 || !(isalpha((unsigned char)*s) || *s == '_'))
		return false;
	for (p = s; *p; p++)
		if (!(isalnum((unsigned char)*p) || *p == '_'))
			return false;
	for (i = 0; i < sizeof(c_keywords) / sizeof(c_keywords[0]); i++)
		if (!strcmp(s, c_keywords[i]))
			return false;
	return true;
}

static void new_usage(FILE *out)
{
	const char *t;
	size_t i;

	fprintf(out, "usage: bpfgen new NAME --type TYPE [--dir DIR]\n"
		"  writes a project NAME (NAME.bpf.c, NAME.h, NAME.c, CMakeLists.txt, README.md)\n"
		"  into DIR (default ./NAME), which must not exist or be empty\n"
		"types:");
	for (i = 0; (t = bg_project_type(i)); i++)
		fprintf(out, "%s%s", i % 8 ? " " : "\n  ", t);
	fprintf(out, "\n");
}

/* mkdir -p of DIR's parents: 0 or -errno. */
static int make_parents(const char *dir)
{
	char path[4096];
	size_t i, n = strlen(dir);

	if (n >= sizeof(path))
		return -ENAMETOOLONG;
	memcpy(path, dir, n + 1);
	while (n > 1 && path[n - 1] == '/')
		path[--n] = '\0';
	for (i = 1; i < n; i++) {
		if (path[i] != '/' || path[i - 1] == '/')
			continue;
		path[i] = '\0';
		if (mkdir(path, 0755) && errno != EEXIST)
			return -errno;
		path[i] = '/';
	}
	return 0;
}

/*
 * 0 when DIR does not exist or is an empty directory (created with its
 * parents if missing), else -errno.
 */
static int prepare_dir(const char *dir)
{
	struct dirent *d;
	DIR *dp;
	int err;

	err = make_parents(dir);
	if (err)
		return err;
	if (mkdir(dir, 0755) == 0)
		return 0;
	if (errno != EEXIST)
		return -errno;
	dp = opendir(dir);
	err = 0;
	if (!dp)
		return -errno;
	while ((d = readdir(dp)))
		if (strcmp(d->d_name, ".") && strcmp(d->d_name, "..")) {
			err = -ENOTEMPTY;
			break;
		}
	closedir(dp);
	return err;
}

/*
 * The package of the bpfgen that runs, for the scaffold's find_package():
 * the build tree's bpfgen-build/ next to the tool, or PREFIX/share/cmake/bpfgen
 * of an installed one. Empty when neither is there (the scaffold then relies
 * on CMake's search).
 */
static void own_package_dir(char *buf, size_t size)
{
	static const char *const rel[] = { "bpfgen-build", "../share/cmake/bpfgen" };
	char exe[4096], try[4096 + 64], *slash;
	ssize_t n;
	size_t i;

	buf[0] = '\0';
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return;
	*slash = '\0';
	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		snprintf(try, sizeof(try), "%s/%s/bpfgenConfig.cmake", exe, rel[i]);
		if (access(try, R_OK))
			continue;
		snprintf(try, sizeof(try), "%s/%s", exe, rel[i]);
		if (realpath(try, exe) && strlen(exe) < size)
			snprintf(buf, size, "%s", exe);
		return;
	}
}

static int write_file(const char *dir, const char *file, enum bg_project_file what,
		      const char *name, const char *type)
{
	char path[4096];
	FILE *out;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	out = fopen(path, "w");
	if (!out) {
		fprintf(stderr, "bpfgen: error: '%s': %s\n", path, strerror(errno));
		return -1;
	}
	if (bg_emit_project_file(out, what, name, type)) {
		fclose(out);
		fprintf(stderr, "bpfgen: error: '%s': no template\n", path);	/* a known type: a bug */
		return -1;
	}
	if (fclose(out)) {
		fprintf(stderr, "bpfgen: error: '%s': %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

int bg_cmd_new(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "type", required_argument, NULL, 't' },
		{ "dir", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	static const struct {
		enum bg_project_file file;
		const char *suffix;	/* after NAME, or the whole name when no_name */
		bool no_name;
	} files[] = {
		{ BG_PROJECT_BPF, ".bpf.c" },
		{ BG_PROJECT_HEADER, ".h" },
		{ BG_PROJECT_USER, ".c" },
		{ BG_PROJECT_CMAKE, "CMakeLists.txt", true },
		{ BG_PROJECT_README, "README.md", true },
		{ BG_PROJECT_TARGET, "_target.bpf.c" },
	};
	const char *type = NULL, *dir = NULL, *name, *t;
	char file[256], pkg[4096];
	bool known = false;
	size_t i;
	int opt, err;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "t:d:h", opts, NULL)) != -1) {
		switch (opt) {
		case 't':
			type = optarg;
			break;
		case 'd':
			dir = optarg;
			break;
		case 'h':
			new_usage(stdout);
			return 0;
		default:
			new_usage(stderr);
			return 2;
		}
	}
	if (optind != argc - 1 || !type) {
		new_usage(stderr);
		return 2;
	}
	name = argv[optind];
	if (!is_c_identifier(name)) {
		fprintf(stderr, "bpfgen: error: name '%s' is not a C identifier (letters, digits and '_', "
			"not starting with a digit, not a keyword, at most 64 characters)\n", name);
		return 2;
	}
	for (i = 0; (t = bg_project_type(i)); i++)
		if (!strcmp(type, t))
			known = true;
	if (!known) {
		fprintf(stderr, "bpfgen: error: unknown type '%s'; the types are:", type);
		for (i = 0; (t = bg_project_type(i)); i++)
			fprintf(stderr, " %s", t);
		fprintf(stderr, "\n");
		return 2;
	}
	/* NAME.h would shadow the vmlinux.h that NAME.bpf.c includes */
	if (!strcmp(name, "vmlinux")) {
		fprintf(stderr, "bpfgen: error: name 'vmlinux' is reserved: vmlinux.h is the kernel's types\n");
		return 2;
	}
	if (!dir)
		dir = name;
	own_package_dir(pkg, sizeof(pkg));
	bg_project_set_package_dir(pkg);

	err = prepare_dir(dir);
	if (err) {
		fprintf(stderr, "bpfgen: error: directory '%s': %s\n", dir,
			err == -ENOTEMPTY ? "exists and is not empty" : strerror(-err));
		return 2;
	}
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		if (!bg_project_has_file(type, files[i].file))
			continue;
		snprintf(file, sizeof(file), "%s%s", files[i].no_name ? "" : name, files[i].suffix);
		if (write_file(dir, file, files[i].file, name, type))
			return 2;
	}
	printf("wrote %s/: %s.bpf.c %s.h %s.c CMakeLists.txt README.md", dir, name, name, name);
	if (bg_project_has_file(type, BG_PROJECT_TARGET))
		printf(" %s_target.bpf.c", name);
	printf("\n");
	return 0;
}
