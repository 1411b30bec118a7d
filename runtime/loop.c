// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bpfgen_loop: one epoll set over everything a BPF program feeds userspace,
 * plus a signalfd and an eventfd, so that SIGINT, SIGTERM and
 * bpfgen_loop__stop() end the loop between two rounds, never inside a
 * callback, and the links are destroyed by the thread that owns them.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <linux/perf_event.h>
#include <bpf/libbpf.h>

#include "bpfgen/runtime.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* a field of OPTS when the caller's struct is recent enough to have it */
#define OPT(opts, field, def)							\
	((opts) && (opts)->sz >= offsetof(typeof(*(opts)), field) + sizeof((opts)->field) \
	 ? (opts)->field : (def))

enum src_kind {
	SRC_STOP,
	SRC_SIGNAL,
	SRC_RING,
	SRC_PERF,
	SRC_LOG,
	SRC_TIMER,
	SRC_FD,
};

struct src {
	enum src_kind kind;
	int fd;			/* what the epoll set watches */
	bool own_fd;		/* the loop made FD (timerfd, eventfd, signalfd) */
	char *name;
	union {
		struct ring_buffer *rb;
		struct perf_buffer *pb;
		struct bpfgen_log *log;
		struct {
			bpfgen_timer_fn fn;
			void *ctx;
		} timer;
		struct {
			bpfgen_fd_fn fn;
			void *ctx;
		} user;
	};
	__u64 records;
	__u64 lost;
};

struct cleanup {
	void (*fn)(void *ctx);
	void *ctx;
};

struct bpfgen_loop {
	int epfd;
	/* each source is allocated alone: epoll_event.data.ptr points at it */
	struct src **srcs;
	size_t nsrcs;
	struct bpf_link ***links;
	size_t nlinks;
	struct cleanup *cleanups;
	size_t ncleanups;

	struct src *stop;
	struct src *sig;
	sigset_t sigs;		/* what the loop blocked and must unblock */
	bool sigs_blocked;
	/* written by bpfgen_loop__stop() from any thread or a signal handler */
	int stopped;

	FILE *summary;
	struct bpfgen_loop_stats st;
};

/* Makes room for one more element in *ARRP, which holds N. */
static int grow(void *arrp, size_t n, size_t elem)
{
	void **arr = arrp;
	void *p;

	/* capacity: 4, then the power of two at or above N */
	if (n != 0 && (n < 4 || (n & (n - 1))))
		return 0;
	p = realloc(*arr, (n ? n * 2 : 4) * elem);
	if (!p)
		return -ENOMEM;
	*arr = p;
	return 0;
}

static bool is_stopped(const struct bpfgen_loop *loop)
{
	return __atomic_load_n(&loop->stopped, __ATOMIC_ACQUIRE);
}

static void src_free(struct src *s)
{
	if (!s)
		return;
	if (s->own_fd && s->fd >= 0)
		close(s->fd);
	free(s->name);
	free(s);
}

/* Adds S to the epoll set and the source list; frees S on failure. */
static int src_add(struct bpfgen_loop *loop, struct src *s, uint32_t events)
{
	struct epoll_event ev = { .events = events, .data.ptr = s };
	int err;

	err = grow(&loop->srcs, loop->nsrcs, sizeof(*loop->srcs));
	if (err)
		goto out;
	if (epoll_ctl(loop->epfd, EPOLL_CTL_ADD, s->fd, &ev)) {
		err = -errno;
		goto out;
	}
	loop->srcs[loop->nsrcs++] = s;
out:
	if (err)
		src_free(s);
	return err;
}

static struct src *src_new(enum src_kind kind, int fd, bool own_fd, const char *name)
{
	struct src *s = calloc(1, sizeof(*s));

	if (!s)
		goto fail;
	s->kind = kind;
	s->fd = fd;
	s->own_fd = own_fd;
	if (name) {
		s->name = strdup(name);
		if (!s->name)
			goto fail;
	}
	return s;
fail:
	if (own_fd && fd >= 0)
		close(fd);
	free(s);
	return NULL;
}

struct bpfgen_loop *bpfgen_loop__new(const struct bpfgen_loop_opts *opts)
{
	struct bpfgen_loop *loop;
	sigset_t old;
	int err, fd;

	loop = calloc(1, sizeof(*loop));
	if (!loop) {
		errno = ENOMEM;
		return NULL;
	}
	loop->summary = OPT(opts, summary, NULL);
	if (!loop->summary)
		loop->summary = stderr;
	loop->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (loop->epfd < 0) {
		err = -errno;
		goto out;
	}

	fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (fd < 0) {
		err = -errno;
		goto out;
	}
	loop->stop = src_new(SRC_STOP, fd, true, NULL);
	if (!loop->stop) {
		err = -ENOMEM;
		goto out;
	}
	err = src_add(loop, loop->stop, EPOLLIN);
	if (err) {
		loop->stop = NULL;
		goto out;
	}

	if (!OPT(opts, no_signals, false)) {
		sigemptyset(&loop->sigs);
		sigaddset(&loop->sigs, SIGINT);
		sigaddset(&loop->sigs, SIGTERM);
		err = -pthread_sigmask(SIG_BLOCK, &loop->sigs, &old);
		if (err)
			goto out;
		/* unblock at __free() only what was not blocked before */
		if (sigismember(&old, SIGINT))
			sigdelset(&loop->sigs, SIGINT);
		if (sigismember(&old, SIGTERM))
			sigdelset(&loop->sigs, SIGTERM);
		loop->sigs_blocked = true;

		sigemptyset(&old);
		sigaddset(&old, SIGINT);
		sigaddset(&old, SIGTERM);
		fd = signalfd(-1, &old, SFD_NONBLOCK | SFD_CLOEXEC);
		if (fd < 0) {
			err = -errno;
			goto out;
		}
		loop->sig = src_new(SRC_SIGNAL, fd, true, NULL);
		if (!loop->sig) {
			err = -ENOMEM;
			goto out;
		}
		err = src_add(loop, loop->sig, EPOLLIN);
		if (err) {
			loop->sig = NULL;
			goto out;
		}
	}
out:
	if (err) {
		bpfgen_loop__free(loop);
		errno = -err;
		return NULL;
	}
	return loop;
}

void bpfgen_loop__free(struct bpfgen_loop *loop)
{
	struct signalfd_siginfo si;
	size_t i;

	if (!loop)
		return;
	bpfgen_loop__detach(loop);
	/*
	 * A SIGINT or SIGTERM that arrived after the loop stopped was still
	 * meant for the loop: unblocking it now would kill the process in
	 * the middle of its cleanup.
	 */
	if (loop->sig)
		while (read(loop->sig->fd, &si, sizeof(si)) == sizeof(si))
			;
	for (i = 0; i < loop->nsrcs; i++)
		src_free(loop->srcs[i]);
	if (loop->sigs_blocked)
		pthread_sigmask(SIG_UNBLOCK, &loop->sigs, NULL);
	if (loop->epfd >= 0)
		close(loop->epfd);
	free(loop->srcs);
	free(loop->links);
	free(loop->cleanups);
	free(loop);
}

int bpfgen_loop__add_ring(struct bpfgen_loop *loop, struct ring_buffer *rb, const char *name)
{
	struct src *s;
	int fd;

	if (!loop || !rb)
		return -EINVAL;
	fd = ring_buffer__epoll_fd(rb);
	if (fd < 0)
		return fd;
	s = src_new(SRC_RING, fd, false, name);
	if (!s)
		return -ENOMEM;
	s->rb = rb;
	return src_add(loop, s, EPOLLIN);
}

int bpfgen_loop__add_perf(struct bpfgen_loop *loop, struct perf_buffer *pb, const char *name)
{
	struct src *s;
	int fd;

	if (!loop || !pb)
		return -EINVAL;
	fd = perf_buffer__epoll_fd(pb);
	if (fd < 0)
		return fd;
	s = src_new(SRC_PERF, fd, false, name);
	if (!s)
		return -ENOMEM;
	s->pb = pb;
	return src_add(loop, s, EPOLLIN);
}

int bpfgen_loop__add_log(struct bpfgen_loop *loop, struct bpfgen_log *log)
{
	struct src *s;
	int fd;

	if (!loop || !log)
		return -EINVAL;
	fd = bpfgen_log__fd(log);
	if (fd < 0)
		return fd;
	s = src_new(SRC_LOG, fd, false, NULL);
	if (!s)
		return -ENOMEM;
	s->log = log;
	return src_add(loop, s, EPOLLIN);
}

int bpfgen_loop__add_timer(struct bpfgen_loop *loop, unsigned int interval_ms,
			   bpfgen_timer_fn fn, void *ctx)
{
	struct itimerspec its = {};
	struct src *s;
	int fd;

	if (!loop || !fn || !interval_ms)
		return -EINVAL;
	fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	if (fd < 0)
		return -errno;
	its.it_interval.tv_sec = interval_ms / 1000;
	its.it_interval.tv_nsec = (long)(interval_ms % 1000) * 1000000;
	its.it_value = its.it_interval;
	if (timerfd_settime(fd, 0, &its, NULL)) {
		int err = -errno;

		close(fd);
		return err;
	}
	s = src_new(SRC_TIMER, fd, true, NULL);
	if (!s)
		return -ENOMEM;
	s->timer.fn = fn;
	s->timer.ctx = ctx;
	return src_add(loop, s, EPOLLIN);
}

int bpfgen_loop__add_fd(struct bpfgen_loop *loop, int fd, uint32_t events,
			bpfgen_fd_fn fn, void *ctx)
{
	struct src *s;

	if (!loop || fd < 0 || !fn)
		return -EINVAL;
	s = src_new(SRC_FD, fd, false, NULL);
	if (!s)
		return -ENOMEM;
	s->user.fn = fn;
	s->user.ctx = ctx;
	return src_add(loop, s, events);
}

int bpfgen_loop__add_link(struct bpfgen_loop *loop, struct bpf_link **slot)
{
	size_t i;
	int err;

	if (!loop || !slot)
		return -EINVAL;
	/* add_skeleton after add_link of one of its slots must not destroy twice */
	for (i = 0; i < loop->nlinks; i++)
		if (loop->links[i] == slot)
			return 0;
	err = grow(&loop->links, loop->nlinks, sizeof(*loop->links));
	if (err)
		return err;
	loop->links[loop->nlinks++] = slot;
	return 0;
}

int bpfgen_loop__add_skeleton(struct bpfgen_loop *loop, struct bpf_object_skeleton *s)
{
	const struct bpf_prog_skeleton *p;
	int i, err;

	if (!loop || !s || (s->prog_cnt && s->prog_skel_sz < (int)sizeof(*p)))
		return -EINVAL;
	for (i = 0; i < s->prog_cnt; i++) {
		/* stride by the skeleton's size: a newer bpftool may add fields */
		p = (const void *)((const char *)s->progs + (size_t)i * s->prog_skel_sz);
		if (!p->link)
			continue;
		err = bpfgen_loop__add_link(loop, p->link);
		if (err)
			return err;
	}
	return 0;
}

int bpfgen_loop__add_cleanup(struct bpfgen_loop *loop, void (*fn)(void *ctx), void *ctx)
{
	int err;

	if (!loop || !fn)
		return -EINVAL;
	err = grow(&loop->cleanups, loop->ncleanups, sizeof(*loop->cleanups));
	if (err)
		return err;
	loop->cleanups[loop->ncleanups].fn = fn;
	loop->cleanups[loop->ncleanups].ctx = ctx;
	loop->ncleanups++;
	return 0;
}

int bpfgen_loop__fd(const struct bpfgen_loop *loop)
{
	return loop ? loop->epfd : -EINVAL;
}

void bpfgen_loop__stop(struct bpfgen_loop *loop)
{
	__u64 one = 1;
	int saved = errno;
	ssize_t n;

	if (!loop)
		return;
	__atomic_store_n(&loop->stopped, 1, __ATOMIC_RELEASE);
	/* EAGAIN means the counter is already non-zero: the wakeup is pending */
	n = write(loop->stop->fd, &one, sizeof(one));
	(void)n;
	errno = saved;
}

/*
 * Counts the samples and the lost records in [FROM, TO) of one perf ring.
 * libbpf keeps perf_buffer's callbacks to itself, so the loop reads the
 * record headers it is about to consume (or has just consumed) in place.
 */
static void perf_count(const void *data, __u64 size, __u64 from, __u64 to,
		       __u64 *records, __u64 *lost)
{
	while (from < to) {
		const struct perf_event_header *eh = (const void *)((const char *)data + from % size);

		/* a header the kernel is rewriting ends the walk, not the loop */
		if (eh->size < sizeof(*eh) || eh->size > to - from)
			break;
		if (eh->type == PERF_RECORD_SAMPLE)
			(*records)++;
		else if (eh->type == PERF_RECORD_LOST)
			/* header, id, lost: 8-byte fields never split at the wrap */
			*lost += *(const __u64 *)((const char *)data + (from + 16) % size);
		from += eh->size;
	}
}

static int serve_perf(struct src *s)
{
	struct perf_event_mmap_page *hdr;
	size_t i, cnt = perf_buffer__buffer_cnt(s->pb);
	__u64 tail, head, records = 0, lost = 0;
	size_t sz;
	void *base;
	char *data;
	int err;

	for (i = 0; i < cnt; i++) {
		if (perf_buffer__buffer(s->pb, i, &base, &sz))
			continue;
		hdr = base;
		data = (char *)base + hdr->data_offset;
		tail = hdr->data_tail;
		head = __atomic_load_n(&hdr->data_head, __ATOMIC_ACQUIRE);
		perf_count(data, hdr->data_size, tail, head, &records, &lost);
		err = perf_buffer__consume_buffer(s->pb, i);
		if (err && err != -ENOENT) {
			s->records += records;
			s->lost += lost;
			return err;
		}
		/* what arrived between our look and libbpf's */
		perf_count(data, hdr->data_size, head, hdr->data_tail, &records, &lost);
	}
	s->records += records;
	s->lost += lost;
	return 0;
}

/* One source's turn: 0 or a callback's (or libbpf's) negative error. */
static int serve(struct bpfgen_loop *loop, struct src *s, uint32_t events)
{
	__u64 before, expirations;
	int err;

	switch (s->kind) {
	case SRC_RING:
		err = ring_buffer__consume(s->rb);
		if (err < 0)
			return err;
		s->records += err;
		loop->st.records += err;
		return 0;
	case SRC_PERF:
		before = s->records;
		err = serve_perf(s);
		loop->st.records += s->records - before;
		return err;
	case SRC_LOG:
		err = bpfgen_log__consume(s->log);
		return err < 0 ? err : 0;
	case SRC_TIMER:
		/* several expirations since the last read still make one call */
		if (read(s->fd, &expirations, sizeof(expirations)) != sizeof(expirations))
			return errno == EAGAIN ? 0 : -errno;
		return s->timer.fn(s->timer.ctx);
	case SRC_FD:
		return s->user.fn(s->user.ctx, s->fd, events);
	default:
		return 0;
	}
}

static void on_signal(struct bpfgen_loop *loop)
{
	struct signalfd_siginfo si;

	while (read(loop->sig->fd, &si, sizeof(si)) == sizeof(si)) {
		if (!loop->st.signal)
			loop->st.signal = si.ssi_signo;
		__atomic_store_n(&loop->stopped, 1, __ATOMIC_RELEASE);
	}
}

static __u64 now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (__u64)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int bpfgen_loop__poll(struct bpfgen_loop *loop, int timeout_ms)
{
	struct epoll_event ev[32];
	__u64 deadline = 0, counter;
	int i, n, err = 0, served = 0;
	bool woken = false;

	if (!loop)
		return -EINVAL;
	if (is_stopped(loop))
		return -ECANCELED;
	if (timeout_ms > 0)
		deadline = now_ms() + timeout_ms;
	for (;;) {
		n = epoll_wait(loop->epfd, ev, ARRAY_SIZE(ev), timeout_ms);
		if (n >= 0)
			break;
		if (errno != EINTR)
			return -errno;
		if (timeout_ms > 0) {
			__u64 t = now_ms();

			timeout_ms = t >= deadline ? 0 : (int)(deadline - t);
		}
	}
	for (i = 0; i < n && !err; i++) {
		struct src *s = ev[i].data.ptr;

		switch (s->kind) {
		case SRC_STOP:
			if (read(s->fd, &counter, sizeof(counter)) < 0)
				(void)counter;
			break;
		case SRC_SIGNAL:
			on_signal(loop);
			break;
		default:
			woken = true;
			err = serve(loop, s, ev[i].events);
			if (!err)
				served++;
			break;
		}
	}
	/* the wakeup that only stops the loop is not one an idle loop pays */
	if (woken)
		loop->st.wakeups++;
	if (err)
		return err;
	if (is_stopped(loop))
		return -ECANCELED;
	return served;
}

/* What the programs wrote before their links were destroyed. */
static int drain(struct bpfgen_loop *loop)
{
	size_t i;
	int err;

	for (i = 0; i < loop->nsrcs; i++) {
		struct src *s = loop->srcs[i];

		if (s->kind != SRC_RING && s->kind != SRC_PERF && s->kind != SRC_LOG)
			continue;
		err = serve(loop, s, EPOLLIN);
		if (err)
			return err;
	}
	return 0;
}

int bpfgen_loop__detach(struct bpfgen_loop *loop)
{
	size_t i;
	int n = 0;

	if (!loop)
		return -EINVAL;
	for (i = 0; i < loop->nlinks; i++) {
		struct bpf_link **slot = loop->links[i];

		if (!*slot)
			continue;
		/* destroy frees the link even when its detach fails */
		bpf_link__destroy(*slot);
		*slot = NULL;
		n++;
	}
	/*
	 * Forget the slots: they usually live in a skeleton that the caller
	 * may destroy before freeing the loop.
	 */
	loop->nlinks = 0;
	for (i = 0; i < loop->ncleanups; i++)
		loop->cleanups[i].fn(loop->cleanups[i].ctx);
	loop->ncleanups = 0;
	loop->st.links_detached += n;
	return n;
}

static const char *src_label(const struct src *s, char *buf, size_t sz, size_t idx)
{
	if (s->name)
		return s->name;
	snprintf(buf, sz, "#%zu", idx);
	return buf;
}

static void print_summary(struct bpfgen_loop *loop)
{
	FILE *f = loop->summary;
	char buf[32];
	size_t i;

	if (f == BPFGEN_LOOP_QUIET)
		return;
	for (i = 0; i < loop->nsrcs; i++) {
		const struct src *s = loop->srcs[i];
		__u64 rec = 0, dropped = 0, malformed = 0;

		switch (s->kind) {
		case SRC_RING:
			fprintf(f, "bpfgen: ring '%s': %llu records\n", src_label(s, buf, sizeof(buf), i),
				(unsigned long long)s->records);
			break;
		case SRC_PERF:
			fprintf(f, "bpfgen: perf '%s': %llu records, %llu lost\n",
				src_label(s, buf, sizeof(buf), i), (unsigned long long)s->records,
				(unsigned long long)s->lost);
			break;
		case SRC_LOG:
			if (bpfgen_log__counts(s->log, &rec, &dropped, &malformed))
				fprintf(f, "bpfgen: log: counters unavailable\n");
			else
				fprintf(f, "bpfgen: log: %llu records, %llu dropped, %llu malformed\n",
					(unsigned long long)rec, (unsigned long long)dropped,
					(unsigned long long)malformed);
			break;
		default:
			break;
		}
	}
	fprintf(f, "bpfgen: detached %llu link%s\n", (unsigned long long)loop->st.links_detached,
		loop->st.links_detached == 1 ? "" : "s");
	fflush(f);
}

int bpfgen_loop__run(struct bpfgen_loop *loop)
{
	int err;

	if (!loop)
		return -EINVAL;
	for (;;) {
		err = bpfgen_loop__poll(loop, -1);
		if (err == -ECANCELED) {
			err = 0;
			break;
		}
		if (err < 0)
			break;
	}
	/* a later _poll() says the loop is over, whatever ended it */
	__atomic_store_n(&loop->stopped, 1, __ATOMIC_RELEASE);
	bpfgen_loop__detach(loop);
	/* after an error a callback has asked for no more records */
	if (!err)
		err = drain(loop);
	print_summary(loop);
	return err;
}

void bpfgen_loop__stats(const struct bpfgen_loop *loop, struct bpfgen_loop_stats *st)
{
	size_t i;

	if (!loop || !st)
		return;
	*st = loop->st;
	for (i = 0; i < loop->nsrcs; i++) {
		const struct src *s = loop->srcs[i];
		__u64 rec, dropped, malformed;

		if (s->kind == SRC_PERF)
			st->lost += s->lost;
		if (s->kind != SRC_LOG || bpfgen_log__counts(s->log, &rec, &dropped, &malformed))
			continue;
		st->log_records += rec;
		st->log_dropped += dropped;
		st->log_malformed += malformed;
	}
}
