/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * The checker's interface (check.c: checking one job, the options of a run,
 * the --stats figures), which the job pool of -j N (check_jobs.h) builds on.
 * It knows nothing of the pool. Not installed.
 */
#ifndef BPFGEN_CHECK_H
#define BPFGEN_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "parse.h"
#include "rules/rules.h"

struct bg_model;

/* Strings the replayed diagnostics point to, as a model's strings are for serial ones. */
struct pool {
	char **v;
	size_t n;
};

/* What a run checks, the same for every file and every worker. */
struct check_ctx {
	const char **files;
	size_t nfiles;
	const struct bg_compdb *db;
	char **clang_args;
	int nclang;
	const char *cache_dir;
	const struct bg_rule_opts *opts;
	const char *cwd;	/* where to come back to after a compile command's directory */
	bool dump;
	bool stats;		/* measure each file's peak memory */
	/*
	 * The stored results (in cache_dir): what names the run's options, the
	 * kernel and bpfgen; 0 when results are not stored (--dump-model).
	 * Replayed diagnostics keep their strings in POOL.
	 */
	uint64_t result_key;
	struct pool *pool;
};

/* How checking one file went, besides its diagnostics. */
struct job_result {
	bool failed;		/* bpfgen could not check it: exit status 2 */
	bool stop;		/* the run cannot go on: it lost its directory */
	uint64_t wall_us;
	uint64_t rss_kb;	/* peak resident memory while checking it */
};

struct stats {
	uint64_t *wall_us;
	uint64_t *rss_kb;
	size_t n;
};


/* The file of job J: a command-line file, then the compile commands' files. */
const char *bg_check_job_file(const struct check_ctx *c, size_t j);
/* Check job J: its diagnostics go to ALL, its model to *MODEL, how it went to *R. */
void bg_check_one(const struct check_ctx *c, size_t j, struct bg_diags *all,
		  struct bg_model **model, struct job_result *r);
/*
 * The rules over M, the model of a parse that added diagnostics to DIAGS from
 * index NFIRST on, NERR errors being there before it; then the waivers
 * ("bpfgen: ignore"), read from TEXT (TEXT_LEN bytes) for M's file when it is
 * not NULL, else from the file on disk.
 */
void bg_check_rules(struct bg_model *m, const struct bg_rule_opts *opts, struct bg_diags *diags,
		    size_t nerr, size_t nfirst, const char *text, size_t text_len);
/* Print one file's --stats line and keep its figures for the summary. */
void bg_check_stats_add(struct stats *s, const char *file, const struct job_result *r);
#endif
