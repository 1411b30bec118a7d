// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The tool's side of parse.h: codegen/parse/ and libclang live in
 * bpfgen-parse.so, loaded on the first call that parses or reads a
 * compile_commands.json. Mapping and relocating libclang and libLLVM costs
 * every process tens of milliseconds, which a replayed result or --version
 * must not pay.
 */
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse.h"
#include "parse/module.h"

/* where `cmake --install` puts the module, from the tool's directory */
#ifndef BPFGEN_PARSE_MODULE_DIR
#define BPFGEN_PARSE_MODULE_DIR "../lib/bpfgen"
#endif

static const struct bg_parse_module *mod;

/*
 * $BPFGEN_PARSE_MODULE, else the module next to the tool (a build tree),
 * else where it is installed relative to the tool. Returns 0 and fills BUF.
 */
static int module_path(char *buf, size_t size)
{
	const char *env = getenv("BPFGEN_PARSE_MODULE");
	char exe[PATH_MAX], *slash;
	ssize_t n;

	if (env && *env)
		return snprintf(buf, size, "%s", env) < (int)size ? 0 : -ENAMETOOLONG;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return -errno;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return -ENOENT;
	*slash = '\0';
	if (snprintf(buf, size, "%s/%s", exe, BG_PARSE_MODULE_NAME) >= (int)size)
		return -ENAMETOOLONG;
	if (!access(buf, F_OK))
		return 0;
	if (BPFGEN_PARSE_MODULE_DIR[0] == '/')
		n = snprintf(buf, size, "%s/%s", BPFGEN_PARSE_MODULE_DIR, BG_PARSE_MODULE_NAME);
	else
		n = snprintf(buf, size, "%s/%s/%s", exe, BPFGEN_PARSE_MODULE_DIR, BG_PARSE_MODULE_NAME);
	return n < (ssize_t)size ? 0 : -ENAMETOOLONG;
}

int bg_parse__load(void)
{
	const struct bg_parse_module *m;
	char path[PATH_MAX];
	void *h;
	int err;

	if (mod)
		return 0;
	err = module_path(path, sizeof(path));
	if (err) {
		fprintf(stderr, "bpfgen: error: cannot load %s: %s\n", BG_PARSE_MODULE_NAME,
			strerror(-err));
		return err;
	}
	/* RTLD_NOW: a symbol the tool lacks fails here, not in the middle of a parse */
	h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		fprintf(stderr, "bpfgen: error: cannot load '%s': %s\n", path, dlerror());
		return -ENOENT;
	}
	m = dlsym(h, BG_PARSE_MODULE_SYM);
	if (!m) {
		fprintf(stderr, "bpfgen: error: cannot load '%s': %s\n", path, dlerror());
		err = -ENOENT;
		goto out;
	}
	if (m->sz != sizeof(*m) || strcmp(m->version, BPFGEN_VERSION) ||
	    m->abi != BG_PARSE_MODULE_ABI) {
		fprintf(stderr, "bpfgen: error: cannot load '%s': it is of bpfgen %s, another build "
			"than this bpfgen %s\n", path, m->version, BPFGEN_VERSION);
		err = -EINVAL;
		goto out;
	}
	mod = m;
out:
	if (err)
		dlclose(h);
	return err;
}

/* The entry points have no error for a tool without its parser: it exits 2. */
static const struct bg_parse_module *module(void)
{
	if (!mod && bg_parse__load())
		exit(2);
	return mod;
}

int bg_parse(const char *file, const char *const *args, int nargs, const char *cache_dir,
	     struct bg_model **model, struct bg_diags *diags)
{
	return module()->parse(file, args, nargs, cache_dir, model, diags);
}

int bg_parse_unsaved(const char *file, const char *text, size_t text_len,
		     const char *const *args, int nargs, const char *cache_dir,
		     struct bg_model **model, struct bg_diags *diags)
{
	return module()->parse_unsaved(file, text, text_len, args, nargs, cache_dir, model, diags);
}

int bg_compdb__load(const char *build_dir, struct bg_compdb **out)
{
	return module()->compdb__load(build_dir, out);
}

void bg_compdb__free(struct bg_compdb *c)
{
	/* a database comes from the module: without one, nothing is loaded */
	if (c)
		module()->compdb__free(c);
}
