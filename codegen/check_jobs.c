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

/*
 * Parallel checking (-j N): N forked workers each check one file at a time and
 * send back what it printed and its diagnostics; the parent replays them in the
 * order of the files and prints the sorted diagnostics as the serial run does,
 * so the output is the same bytes. A result is a 64-bit length and a record:
 * u32 fields and strings as a u32 length (UINT32_MAX for NULL) and their bytes.
 */
struct wbuf {
	char *p;
	size_t n, cap;
	bool oom;
};

static void wbuf_put(struct wbuf *b, const void *data, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *p;

		while (cap < b->n + n)
			cap *= 2;
		p = realloc(b->p, cap);
		if (!p) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, data, n);
	b->n += n;
}

static void wbuf_u32(struct wbuf *b, uint32_t v)
{
	wbuf_put(b, &v, sizeof(v));
}

static void wbuf_str(struct wbuf *b, const char *s)
{
	wbuf_u32(b, s ? (uint32_t)strlen(s) : UINT32_MAX);
	if (s)
		wbuf_put(b, s, strlen(s));
}

static void wbuf_loc(struct wbuf *b, const struct bg_loc *l)
{
	wbuf_str(b, l->file);
	wbuf_u32(b, l->line);
	wbuf_u32(b, l->col);
}

/* What FD (a worker's captured stdout or stderr) holds; it is emptied for the next file. */
static void wbuf_drain(struct wbuf *b, int fd)
{
	char chunk[65536];
	off_t size = lseek(fd, 0, SEEK_END), off = 0;
	ssize_t n;

	wbuf_u32(b, size > 0 ? (uint32_t)size : 0);
	while (off < size && (n = pread(fd, chunk, sizeof(chunk), off)) > 0) {
		wbuf_put(b, chunk, n);
		off += n;
	}
	for (; off < size; off++)
		wbuf_put(b, "", 1);	/* keep the length true */
	if (ftruncate(fd, 0) || lseek(fd, 0, SEEK_SET))
		b->oom = true;
}

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
		struct wbuf b = {};
		uint64_t len;
		size_t i, n;

		bg_check_one(c, j, &diags, &m, &r);
		fflush(stdout);
		fflush(stderr);
		wbuf_u32(&b, j);
		wbuf_u32(&b, r.failed | r.stop << 1);
		wbuf_put(&b, &r.wall_us, sizeof(r.wall_us));
		wbuf_put(&b, &r.rss_kb, sizeof(r.rss_kb));
		wbuf_drain(&b, STDOUT_FILENO);
		wbuf_drain(&b, STDERR_FILENO);
		wbuf_u32(&b, diags.n);
		for (i = 0; i < diags.n; i++) {
			const struct bg_diag *d = &diags.v[i];

			wbuf_u32(&b, d->sev);
			wbuf_str(&b, d->rule);
			wbuf_loc(&b, &d->loc);
			wbuf_str(&b, d->msg);
			wbuf_str(&b, d->fixit);
			wbuf_u32(&b, d->nnotes);
			for (n = 0; n < d->nnotes; n++) {
				wbuf_loc(&b, &d->notes[n].loc);
				wbuf_str(&b, d->notes[n].msg);
				wbuf_str(&b, d->notes[n].fixit);
				wbuf_u32(&b, d->notes[n].fix_len);
			}
		}
		bg_diags__clear(&diags);
		bg_model__free(m);
		len = b.n;
		if (b.oom || !write_full(res_fd, &len, sizeof(len)) || !write_full(res_fd, b.p, b.n))
			_exit(3);
		free(b.p);
	}
	_exit(0);
}

/* Reading a result back; a short or malformed record sets BAD. */
struct rbuf {
	const char *p;
	size_t n, off;
	bool bad;
};

/* Copy the next N bytes to DST, or zero DST and set BAD when they are not there. */
static void rbuf_take(struct rbuf *b, void *dst, size_t n)
{
	if (b->n - b->off < n) {
		b->bad = true;
		memset(dst, 0, n);
		return;
	}
	memcpy(dst, b->p + b->off, n);
	b->off += n;
}

static uint32_t rbuf_u32(struct rbuf *b)
{
	uint32_t v;

	rbuf_take(b, &v, sizeof(v));
	return v;
}

static uint64_t rbuf_u64(struct rbuf *b)
{
	uint64_t v;

	rbuf_take(b, &v, sizeof(v));
	return v;
}

/* Bytes of a length-prefixed field, in place; *LEN is its length. NULL: a NULL string. */
static const char *rbuf_bytes(struct rbuf *b, uint32_t *len)
{
	const char *s;

	*len = rbuf_u32(b);
	if (*len == UINT32_MAX || b->bad)
		return NULL;
	if (b->n - b->off < *len) {
		b->bad = true;
		return NULL;
	}
	s = b->p + b->off;
	b->off += *len;
	return s;
}

static char *rbuf_str(struct rbuf *b)
{
	uint32_t len;
	const char *s = rbuf_bytes(b, &len);

	return s ? strndup(s, len) : NULL;
}

static const char *pool_str(struct pool *p, struct rbuf *b)
{
	char *s = rbuf_str(b), **v;
	size_t i;

	if (!s)
		return NULL;
	/* few distinct file names per file: the main file and a header or two */
	for (i = p->n; i-- > 0 && i + 8 >= p->n;)
		if (!strcmp(p->v[i], s)) {
			free(s);
			return p->v[i];
		}
	v = realloc(p->v, (p->n + 1) * sizeof(*v));
	if (!v) {
		free(s);
		b->bad = true;
		return NULL;
	}
	p->v = v;
	p->v[p->n++] = s;
	return s;
}

static void rbuf_loc(struct rbuf *b, struct pool *p, struct bg_loc *l)
{
	l->file = pool_str(p, b);
	l->line = rbuf_u32(b);
	l->col = rbuf_u32(b);
}

static const char btf_note[] = "bpfgen: note: no kernel BTF (";

/*
 * Replay a worker's result as the serial run would have produced it: its
 * stdout and stderr, then its diagnostics appended to DIAGS. The note of
 * unreadable kernel BTF is said once per run; each worker says it on its first
 * file that needs BTF, so the first one in file order is where serial said it.
 */
static bool replay(struct rbuf *b, struct bg_diags *diags, struct pool *pool,
		   struct job_result *r, bool *btf_noted)
{
	const char *out, *err, *line, *end;
	uint32_t flags, nd, nn, len, i, n, flen;

	flags = rbuf_u32(b);
	r->failed = flags & 1;
	r->stop = flags & 2;
	r->wall_us = rbuf_u64(b);
	r->rss_kb = rbuf_u64(b);
	out = rbuf_bytes(b, &len);
	if (out)
		fwrite(out, 1, len, stdout);
	err = rbuf_bytes(b, &len);
	for (line = err; err && line < err + len; line = end) {
		end = memchr(line, '\n', err + len - line);
		end = end ? end + 1 : err + len;
		if (!strncmp(line, btf_note, strlen(btf_note)) &&
		    (size_t)(end - line) > strlen(btf_note)) {
			if (*btf_noted)
				continue;
			*btf_noted = true;
		}
		fwrite(line, 1, end - line, stderr);
	}
	nd = rbuf_u32(b);
	for (i = 0; i < nd && !b->bad; i++) {
		uint32_t sev = rbuf_u32(b);
		char *rule = rbuf_str(b), *msg, *fixit;
		const struct bg_rule *known = rule ? bg_rule__find(rule) : NULL;
		struct bg_loc loc;
		struct bg_diag *d;

		rbuf_loc(b, pool, &loc);
		msg = rbuf_str(b);
		fixit = rbuf_str(b);
		d = msg && !b->bad ? bg_diags__add(diags, sev, known ? known->id : NULL, loc, "%s",
						    msg) : NULL;
		if (rule && !known)
			b->bad = true;	/* every rule id comes from the rule table */
		if (d && fixit)
			bg_diag__fixit(d, fixit);
		free(rule);
		free(msg);
		free(fixit);
		nn = rbuf_u32(b);
		for (n = 0; n < nn && !b->bad; n++) {
			rbuf_loc(b, pool, &loc);
			msg = rbuf_str(b);
			fixit = rbuf_str(b);
			flen = rbuf_u32(b);
			if (d && msg) {
				bg_diag__note(d, loc, "%s", msg);
				if (fixit)
					bg_diag__note_replace(d, fixit, flen);
			}
			free(msg);
			free(fixit);
		}
		if (!d)
			b->bad = true;
	}
	return !b->bad;
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
static int lost_result(const struct check_ctx *c, long j, int st, struct rbuf *out)
{
	struct wbuf b = {};
	uint64_t zero = 0;
	char msg[512];
	int n;

	n = snprintf(msg, sizeof(msg), "bpfgen: error: cannot check '%s': %s %d\n", bg_check_job_file(c, j),
		     WIFSIGNALED(st) ? "checker killed by signal" : "checker exited with status",
		     WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
	n = n < (int)sizeof(msg) ? n : (int)sizeof(msg) - 1;
	wbuf_u32(&b, j);
	wbuf_u32(&b, 1);		/* failed */
	wbuf_put(&b, &zero, 8);		/* wall time */
	wbuf_put(&b, &zero, 8);		/* peak RSS */
	wbuf_u32(&b, 0);		/* stdout */
	wbuf_u32(&b, n);		/* stderr */
	wbuf_put(&b, msg, n);
	wbuf_u32(&b, 0);		/* diagnostics */
	if (b.oom) {
		free(b.p);
		return -ENOMEM;
	}
	*out = (struct rbuf){ b.p, b.n, 4, false };
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
	struct rbuf *done = calloc(njobs, sizeof(*done));	/* results not yet replayed */
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
				done[s->job] = (struct rbuf){ rec, len, 4, false };
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

			if (!replay(&done[emit], diags, pool, &r, &btf_noted)) {
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
