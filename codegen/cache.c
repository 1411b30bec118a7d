// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* bpfgen's user-wide cache: where it is, sound entries, eviction, `bpfgen cache`. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"

#define SUM_MAGIC "bpfgen-sum 1"
#define SAMPLE_BLOCKS 64
#define SAMPLE_SIZE 4096
/* an abandoned temporary file (its writer died) is this old */
#define STALE_TMP_SEC 3600

uint64_t bg_hash_mem(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ s[i]) * 0x100000001b3ULL;
	return h;
}

uint64_t bg_hash_str(uint64_t h, const char *s)
{
	h = bg_hash_mem(h, s, strlen(s));
	return (h ^ 0xff) * 0x100000001b3ULL;
}

static int mkdir_p(char *path)
{
	char *p;

	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0755) && errno != EEXIST) {
			*p = '/';
			return -errno;
		}
		*p = '/';
	}
	return mkdir(path, 0755) && errno != EEXIST ? -errno : 0;
}

static bool cache_off(void)
{
	const char *v = getenv("BPFGEN_CACHE");

	return v && (!strcmp(v, "off") || !strcmp(v, "0") || !strcmp(v, "no"));
}

/* Where the cache is, whether it is on or not; NULL without a home. */
static char *cache_path(void)
{
	const char *d = getenv("BPFGEN_CACHE_DIR"), *x = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	char *path = NULL;

	if (d && *d)
		return strdup(d);
	/* the XDG base directory spec ignores a relative XDG_CACHE_HOME */
	if (x && x[0] == '/') {
		if (asprintf(&path, "%s/bpfgen", x) < 0)
			path = NULL;
	} else if (home && *home) {
		if (asprintf(&path, "%s/.cache/bpfgen", home) < 0)
			path = NULL;
	}
	return path;
}

char *bg_cache_dir(void)
{
	char *path;

	if (cache_off())
		return NULL;
	path = cache_path();
	if (path && mkdir_p(path)) {
		free(path);
		path = NULL;
	}
	return path;
}

static uint64_t cache_cap(void)
{
	const char *v = getenv("BPFGEN_CACHE_MAX");
	char *end;
	unsigned long long mib;

	if (v && *v) {
		errno = 0;
		mib = strtoull(v, &end, 10);
		if (!errno && !*end)
			return (uint64_t)mib << 20;
	}
	return (uint64_t)2048 << 20;
}

/* The digest of FD's sampled blocks: enough to tell a whole entry from a torn or foreign one. */
static int sample_digest(int fd, uint64_t size, uint64_t *out)
{
	unsigned char buf[SAMPLE_SIZE];
	uint64_t h = BG_HASH_INIT, step, off;
	ssize_t n;
	int i;

	step = size > SAMPLE_SIZE ? (size - SAMPLE_SIZE) / (SAMPLE_BLOCKS - 1) : 0;
	for (i = 0; i < SAMPLE_BLOCKS; i++) {
		off = step * i;
		n = pread(fd, buf, sizeof(buf), off);
		if (n < 0)
			return -errno;
		h = bg_hash_mem(h, buf, n);
		if (!step)
			break;
	}
	*out = h;
	return 0;
}

static char *sum_path(const char *path)
{
	char *s;

	return asprintf(&s, "%s.sum", path) < 0 ? NULL : s;
}

void bg_cache_drop(const char *path)
{
	char *s = sum_path(path);

	unlink(path);
	if (s)
		unlink(s);
	free(s);
}

static int write_sum(const char *path)
{
	char *s = sum_path(path), *tmp = NULL;
	struct stat sb;
	uint64_t h;
	FILE *f = NULL;
	int fd, err;

	if (!s || asprintf(&tmp, "%s.tmp.%d", s, (int)getpid()) < 0) {
		tmp = NULL;
		err = -ENOMEM;
		goto out;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		err = -errno;
		goto out;
	}
	err = fstat(fd, &sb) ? -errno : sample_digest(fd, sb.st_size, &h);
	close(fd);
	if (err)
		goto out;
	f = fopen(tmp, "w");
	if (!f) {
		err = -errno;
		goto out;
	}
	fprintf(f, SUM_MAGIC " %llu %016llx\n", (unsigned long long)sb.st_size,
		(unsigned long long)h);
	err = fclose(f) ? -errno : 0;
	if (!err && rename(tmp, s))
		err = -errno;
out:
	if (err && tmp)
		unlink(tmp);
	free(tmp);
	free(s);
	return err;
}

bool bg_cache_sound(const char *path)
{
	char *s = sum_path(path), line[128], want[128];
	struct timespec ts[2] = { { .tv_nsec = UTIME_NOW }, { .tv_nsec = UTIME_OMIT } };
	struct stat sb;
	uint64_t h;
	bool ok = false;
	FILE *f;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		free(s);
		return false;
	}
	f = s ? fopen(s, "re") : NULL;
	if (f && fgets(line, sizeof(line), f) && !fstat(fd, &sb) &&
	    !sample_digest(fd, sb.st_size, &h)) {
		snprintf(want, sizeof(want), SUM_MAGIC " %llu %016llx\n",
			 (unsigned long long)sb.st_size, (unsigned long long)h);
		ok = !strcmp(line, want);
	}
	if (f)
		fclose(f);
	close(fd);
	if (ok)
		utimensat(AT_FDCWD, path, ts, 0);	/* least recently used goes first */
	else
		bg_cache_drop(path);
	free(s);
	return ok;
}

struct entry {
	char *name;
	uint64_t size;
	time_t used;
};

static int by_use(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return x->used < y->used ? -1 : x->used > y->used;
}

static bool is_tmp(const char *name)
{
	return strstr(name, ".tmp.") != NULL;
}

/*
 * The entries of DIR (a sum counts with its entry), their total size in *TOTAL.
 * Abandoned temporary files are removed on the way.
 */
static int list_entries(const char *dir, struct entry **out, size_t *n, uint64_t *total)
{
	struct entry *v = NULL, *grown;
	struct dirent *d;
	struct stat sb;
	size_t cnt = 0;
	DIR *dp;
	int dfd;

	*total = 0;
	dp = opendir(dir);
	if (!dp)
		return -errno;
	dfd = dirfd(dp);
	while ((d = readdir(dp))) {
		size_t len = strlen(d->d_name);

		if (d->d_name[0] == '.' || fstatat(dfd, d->d_name, &sb, AT_SYMLINK_NOFOLLOW) ||
		    !S_ISREG(sb.st_mode))
			continue;
		*total += sb.st_size;
		if (is_tmp(d->d_name)) {
			if (time(NULL) - sb.st_mtime > STALE_TMP_SEC)
				unlinkat(dfd, d->d_name, 0);
			continue;
		}
		if (len > 4 && !strcmp(d->d_name + len - 4, ".sum"))
			continue;
		grown = realloc(v, (cnt + 1) * sizeof(*v));
		if (!grown)
			break;
		v = grown;
		v[cnt].name = strdup(d->d_name);
		v[cnt].size = sb.st_size;
		v[cnt].used = sb.st_atime > sb.st_mtime ? sb.st_atime : sb.st_mtime;
		if (v[cnt].name)
			cnt++;
	}
	closedir(dp);
	*out = v;
	*n = cnt;
	return 0;
}

static void free_entries(struct entry *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/* Down to 3/4 of the cap, so that the next few entries do not each scan again. */
static void evict(const char *dir)
{
	uint64_t cap = cache_cap(), total;
	struct entry *v = NULL;
	size_t n = 0, i;
	char *p;

	if (list_entries(dir, &v, &n, &total) || total <= cap)
		goto out;
	qsort(v, n, sizeof(*v), by_use);
	for (i = 0; i < n && total > cap / 4 * 3; i++) {
		if (asprintf(&p, "%s/%s", dir, v[i].name) < 0)
			break;
		bg_cache_drop(p);
		free(p);
		total -= v[i].size;
	}
out:
	free_entries(v, n);
}

int bg_cache_publish(const char *dir, const char *tmp, const char *path)
{
	int err;

	/* a reader between the two renames finds no sum and rebuilds: never a torn entry */
	bg_cache_drop(path);
	if (rename(tmp, path))
		return -errno;
	err = write_sum(path);
	if (err)
		bg_cache_drop(path);
	if (dir)
		evict(dir);
	return err;
}

static void cache_usage(FILE *out)
{
	fprintf(out,
		"usage: bpfgen cache stats|clear\n"
		"\n"
		"bpfgen keeps precompiled preambles (vmlinux.h, the libbpf headers) and check\n"
		"results in $BPFGEN_CACHE_DIR, else $XDG_CACHE_HOME/bpfgen, else ~/.cache/bpfgen,\n"
		"up to BPFGEN_CACHE_MAX MiB (2048), least recently used out first.\n"
		"BPFGEN_CACHE=off or --no-cache turns it off.\n");
}

int bg_cmd_cache(int argc, char **argv)
{
	static const char *const kinds[] = { ".pch", ".decls", ".h", ".res", ".cpch" };
	uint64_t total = 0, by_kind[sizeof(kinds) / sizeof(kinds[0])] = {};
	size_t cnt[sizeof(kinds) / sizeof(kinds[0])] = {};
	struct entry *v = NULL;
	size_t n = 0, i, k;
	char *dir, *p;
	int err;

	if (argc != 2 || (strcmp(argv[1], "stats") && strcmp(argv[1], "clear"))) {
		bool help = argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"));

		cache_usage(help ? stdout : stderr);
		return help ? 0 : 2;
	}
	dir = cache_path();
	if (!dir) {
		fprintf(stderr, "bpfgen: error: no cache directory: set XDG_CACHE_HOME or HOME\n");
		return 2;
	}
	err = list_entries(dir, &v, &n, &total);
	if (err && err != -ENOENT) {
		fprintf(stderr, "bpfgen: error: cannot read '%s': %s\n", dir, strerror(-err));
		free(dir);
		return 2;
	}
	if (!strcmp(argv[1], "clear")) {
		for (i = 0; i < n; i++) {
			if (asprintf(&p, "%s/%s", dir, v[i].name) < 0)
				break;
			bg_cache_drop(p);
			free(p);
		}
		printf("removed %zu entries from %s\n", n, dir);
	} else {
		for (i = 0; i < n; i++) {
			size_t len = strlen(v[i].name);

			for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
				size_t kl = strlen(kinds[k]);

				if (len > kl && !strcmp(v[i].name + len - kl, kinds[k])) {
					cnt[k]++;
					by_kind[k] += v[i].size;
				}
			}
		}
		printf("directory   %s%s\n", dir, cache_off() ? " (off: BPFGEN_CACHE)" : "");
		printf("entries     %zu\n", n);
		printf("size        %.1f MiB of %.0f MiB\n", total / 1048576.0,
		       cache_cap() / 1048576.0);
		printf("  check PCH     %zu (%.1f MiB)\n", cnt[0], by_kind[0] / 1048576.0);
		printf("  compiler PCH  %zu (%.1f MiB)\n", cnt[4], by_kind[4] / 1048576.0);
		printf("  results       %zu (%.1f MiB)\n", cnt[3], by_kind[3] / 1048576.0);
	}
	free_entries(v, n);
	free(dir);
	return 0;
}
