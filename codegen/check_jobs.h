/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * bpfgen check -j N: the job pool (check_jobs.c). It runs bg_check_one() of
 * the checker's interface (check.h) in worker processes and replays their
 * results in file order. check.h knows nothing of it: only the command,
 * bg_cmd_check(), calls it. Not installed.
 */
#ifndef BPFGEN_CHECK_JOBS_H
#define BPFGEN_CHECK_JOBS_H

#include <stdbool.h>
#include <stddef.h>

#include "check.h"

/*
 * Check jobs 0..NJOBS-1 with NWORKERS workers, replaying each in file order into
 * DIAGS (strings in POOL). Returns false when a job failed (exit status 2).
 */
bool bg_check_parallel(const struct check_ctx *c, size_t njobs, int nworkers,
		       struct bg_diags *diags, struct pool *pool, struct stats *stats);

#endif
