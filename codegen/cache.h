/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * bpfgen's cache of precompiled preambles and check results, shared by every
 * build of the user: $BPFGEN_CACHE_DIR, else $XDG_CACHE_HOME/bpfgen, else
 * ~/.cache/bpfgen. Entries are content-addressed, so that two builds never
 * disagree about one; each is written under a private name and renamed into
 * place, so that a reader sees a whole entry or none.
 */
#ifndef BPFGEN_CACHE_H
#define BPFGEN_CACHE_H

#include <stdbool.h>
#include <stdint.h>

/* FNV-1a over S and its terminating NUL, continuing from H. */
uint64_t bg_hash_str(uint64_t h, const char *s);
uint64_t bg_hash_mem(uint64_t h, const void *p, size_t n);
#define BG_HASH_INIT 0xcbf29ce484222325ULL

/*
 * The cache directory, created when missing; NULL when the cache is off
 * (BPFGEN_CACHE=off) or cannot be made: no cache is slower, not wrong. The
 * string is owned by the caller.
 */
char *bg_cache_dir(void);

/*
 * Move TMP to PATH, then write PATH.sum, which bg_cache_sound() checks before
 * PATH is used, and evict the least recently used entries over the cap
 * (BPFGEN_CACHE_MAX, in MiB; 2048 by default).
 */
int bg_cache_publish(const char *dir, const char *tmp, const char *path);
/*
 * Whether PATH is the entry bg_cache_publish() wrote: its size and a digest of
 * its sampled blocks match PATH.sum. A truncated, foreign or torn entry is
 * removed (with its sum) so that the caller rebuilds it. A hit marks it used.
 */
bool bg_cache_sound(const char *path);
/* Remove the entry PATH and its sum. */
void bg_cache_drop(const char *path);

/* bpfgen cache stats|clear */
int bg_cmd_cache(int argc, char **argv);

#endif
