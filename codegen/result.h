/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * One check job's result as bytes (result.c): its flags and figures, what it
 * printed on stdout and stderr, and its diagnostics. The -j workers send it to
 * their parent (check_jobs.c), the result cache stores it (check.c). A record
 * is u32 fields and strings as a u32 length (UINT32_MAX for NULL) and their
 * bytes, in the byte order of the machine. Not installed.
 */
#ifndef BPFGEN_RESULT_H
#define BPFGEN_RESULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "check.h"

struct bg_wbuf {
	char *p;
	size_t n, cap;
	bool oom;	/* a write failed: the record is not whole */
};

/* Reading a result back; a short or malformed record sets BAD. */
struct bg_rbuf {
	const char *p;
	size_t n, off;
	bool bad;
};

/*
 * Append the record of job JOB to B: R, the output captured in OUT_FD and ERR_FD
 * (memfds, emptied for the next job; -1: none, or ERR_TEXT for stderr) and DIAGS.
 */
void bg_result__encode(struct bg_wbuf *b, uint32_t job, const struct job_result *r, int out_fd,
		       int err_fd, const char *err_text, const struct bg_diags *diags);
/*
 * Replay a record from B's offset (after its job number) as the serial run would
 * have printed it: its stdout and stderr, then its diagnostics appended to DIAGS,
 * their strings kept in POOL. The note of unreadable kernel BTF is said once per
 * run (*BTF_NOTED). False when the record is malformed.
 */
bool bg_result__replay(struct bg_rbuf *b, struct bg_diags *diags, struct pool *pool,
		       struct job_result *r, bool *btf_noted);

#endif
