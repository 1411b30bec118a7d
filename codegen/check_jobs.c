// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* bpfgen check -j N: forked workers, and the replay of their results in file order. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check_jobs.h"
#include "model.h"
#include "result.h"

/*
 * Parallel checking (-j N): N forked workers each check one file at a time and
 * send back what it printed and its diagnostics; the parent replays them in the
 * order of the files and prints the sorted diagnostics as the serial run does,
 * so the output is the same bytes. A result is a 64-bit length and a record
 * (result.h).
 */

static bool write_full(int fd, const void *data, size_t n)
{
	const char *p = data;
	ssize_t w;

	while (n) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= w;
	}
	return true;
}

static bool read_full(int fd, void *data, size_t n)
{
	char *p = data;
	ssize_t r;

	while (n) {
		r = read(fd, p, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		p += r;
		n -= r;
	}
	return true;
}

/* A worker: reads job numbers from TASK_FD until it closes, answers each on RES_FD. */
static void __attribute__((noreturn)) worker(const struct check_ctx *c, int task_fd, int res_fd)
{
	int out = memfd_create("bpfgen-stdout", MFD_CLOEXEC);
	int errfd = memfd_create("bpfgen-stderr", MFD_CLOEXEC);
	uint32_t j;

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (out < 0 || errfd < 0 || dup2(out, STDOUT_FILENO) < 0 || dup2(errfd, STDERR_FILENO) < 0)
		_exit(3);
	while (read_full(task_fd, &j, sizeof(j))) {
		struct job_result r = {};
		struct bg_diags diags = {};
		struct bg_model *m = NULL;
		struct bg_wbuf b = {};
		uint64_t len;

		bg_check_one(c, j, &diags, &m, &r);
		fflush(stdout);
		fflush(stderr);
		bg_result__encode(&b, j, &r, STDOUT_FILENO, STDERR_FILENO, NULL, &diags);
		bg_diags__clear(&diags);
		bg_model__free(m);
		len = b.n;
		if (b.oom || !write_full(res_fd, &len, sizeof(len)) || !write_full(res_fd, b.p, b.n))
			_exit(3);
		free(b.p);
	}
	_exit(0);
}

struct slot {
	pid_t pid;
	int task_fd;	/* job numbers to the worker */
	int res_fd;	/* results from it */
	long job;	/* the job it is on, or -1 */
};

/* Start a worker in SLOTS[W]; it holds none of the other workers' pipes, so theirs close. */
static int slot_start(struct slot *slots, int nslots, int w, const struct check_ctx *c)
{
	struct slot *s = &slots[w];
	int task[2], res[2], o;

	if (pipe2(task, O_CLOEXEC))
		return -errno;
	if (pipe2(res, O_CLOEXEC)) {
		close(task[0]);
		close(task[1]);
		return -errno;
	}
	fflush(stdout);
	fflush(stderr);
	s->pid = fork();
	if (s->pid < 0) {
		int err = -errno;

		close(task[0]);
		close(task[1]);
		close(res[0]);
		close(res[1]);
		return err;
	}
	if (!s->pid) {
		close(task[1]);
		close(res[0]);
		for (o = 0; o < nslots; o++)
			if (o != w && slots[o].pid > 0) {
				close(slots[o].task_fd);
				close(slots[o].res_fd);
			}
		worker(c, task[0], res[1]);
	}
	close(task[0]);
	close(res[1]);
	s->task_fd = task[1];
	s->res_fd = res[0];
	s->job = -1;
	return 0;
}

static void slot_stop(struct slot *s)
{
	int st;

	if (s->pid <= 0)
		return;
	close(s->task_fd);
	close(s->res_fd);
	waitpid(s->pid, &st, 0);
	s->pid = 0;
}

/*
 * The result of job J whose worker died with wait status ST (a crash in libclang):
 * failed, with a message and no diagnostics. Returns 0, or -ENOMEM.
 */
static int lost_result(const struct check_ctx *c, long j, int st, struct bg_rbuf *out)
{
	struct bg_wbuf b = {};
	char msg[512];

	snprintf(msg, sizeof(msg), "bpfgen: error: cannot check '%s': %s %d\n", bg_check_job_file(c, j),
		 WIFSIGNALED(st) ? "checker killed by signal" : "checker exited with status",
		 WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
	bg_result__encode(&b, j, &(struct job_result){ .failed = true }, -1, -1, msg, NULL);
	if (b.oom) {
		free(b.p);
		return -ENOMEM;
	}
	*out = (struct bg_rbuf){ b.p, b.n, 4, false };
	return 0;
}

/*
 * Check jobs 0..NJOBS-1 with NWORKERS workers, replaying each in file order into
 * DIAGS (strings in POOL). Returns false when a job failed (exit status 2).
 */
bool bg_check_parallel(const struct check_ctx *c, size_t njobs, int nworkers,
		       struct bg_diags *diags, struct pool *pool, struct stats *stats)
{
	struct slot *slots = calloc(nworkers, sizeof(*slots));
	struct pollfd *pfd = calloc(nworkers, sizeof(*pfd));
	struct bg_rbuf *done = calloc(njobs, sizeof(*done));	/* results not yet replayed */
	bool *ready = calloc(njobs, sizeof(*ready));
	bool failed = false, stopped = false, btf_noted = false;
	size_t next = 0, emit = 0;
	void (*old_pipe)(int) = signal(SIGPIPE, SIG_IGN);
	int w, live = 0, err;

	if (!slots || !pfd || !done || !ready) {
		fprintf(stderr, "bpfgen: error: out of memory\n");
		failed = true;
		goto out;
	}
	for (w = 0; w < nworkers; w++) {
		err = slot_start(slots, nworkers, w, c);
		if (err) {
			fprintf(stderr, "bpfgen: error: cannot start a worker: %s\n", strerror(-err));
			failed = true;
			goto out;
		}
		live++;
	}
	while (emit < njobs && !stopped) {
		/* hand out work to idle workers */
		for (w = 0; w < nworkers; w++) {
			uint32_t j = next;

			if (slots[w].pid <= 0 || slots[w].job >= 0 || next >= njobs)
				continue;
			if (!write_full(slots[w].task_fd, &j, sizeof(j)))
				continue;	/* it died: its result pipe says so */
			slots[w].job = next++;
		}
		for (w = 0; w < nworkers; w++) {
			pfd[w].fd = slots[w].pid > 0 ? slots[w].res_fd : -1;
			pfd[w].events = POLLIN;
			pfd[w].revents = 0;
		}
		if (poll(pfd, nworkers, -1) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "bpfgen: error: poll: %s\n", strerror(errno));
			failed = true;
			break;
		}
		for (w = 0; w < nworkers; w++) {
			struct slot *s = &slots[w];
			uint64_t len;
			char *rec;

			if (!(pfd[w].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			rec = NULL;
			if (read_full(s->res_fd, &len, sizeof(len)) && len >= 4 && len < (1ULL << 34) &&
			    (rec = malloc(len)) && read_full(s->res_fd, rec, len) &&
			    *(uint32_t *)rec == (uint32_t)s->job) {
				done[s->job] = (struct bg_rbuf){ rec, len, 4, false };
				ready[s->job] = true;
				s->job = -1;
				continue;
			}
			free(rec);
			/* the worker died, on this file if it had one (a crash in libclang) */
			{
				long j = s->job;
				int st = 0;

				close(s->task_fd);
				close(s->res_fd);
				waitpid(s->pid, &st, 0);
				s->pid = 0;
				live--;
				if (j >= 0) {
					if (lost_result(c, j, st, &done[j])) {
						failed = true;
						goto out;
					}
					ready[j] = true;
				}
				if (next < njobs && !slot_start(slots, nworkers, w, c))
					live++;
				if (!live && next < njobs) {
					fprintf(stderr, "bpfgen: error: no worker left\n");
					failed = true;
					goto out;
				}
			}
		}
		/* replay what is ready, in file order */
		while (emit < njobs && ready[emit] && !stopped) {
			struct job_result r = {};

			if (!bg_result__replay(&done[emit], diags, pool, &r, &btf_noted)) {
				fprintf(stderr, "bpfgen: error: '%s': malformed result from a worker\n",
					bg_check_job_file(c, emit));
				r.failed = true;
			}
			if (stats && r.wall_us)
				bg_check_stats_add(stats, bg_check_job_file(c, emit), &r);
			failed |= r.failed;
			stopped = r.stop;
			free((char *)done[emit].p);
			done[emit].p = NULL;
			emit++;
		}
	}
out:
	for (w = 0; slots && w < nworkers; w++)
		slot_stop(&slots[w]);
	signal(SIGPIPE, old_pipe);
	for (size_t j = 0; done && j < njobs; j++)
		free((char *)done[j].p);
	free(done);
	free(ready);
	free(pfd);
	free(slots);
	return !failed;
}

/* -j's value: 0 is one per online CPU. Returns -1 when it is not a count. */
