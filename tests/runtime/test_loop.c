// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bpfgen_loop without a kernel: timers, plain fds, callback errors, stop
 * from another thread and from a signal, embedding through _fd(), the
 * zero-wakeup idle loop and the signal mask. Ring and perf buffers need
 * BPF maps: tests/runtime/test_loop_kernel.c has them.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <criterion/criterion.h>

#include "bpfgen/runtime.h"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static struct bpfgen_loop *quiet_loop(bool no_signals)
{
	BPFGEN_OPTS(bpfgen_loop_opts, opts, .summary = BPFGEN_LOOP_QUIET, .no_signals = no_signals);
	struct bpfgen_loop *loop = bpfgen_loop__new(&opts);

	cr_assert_not_null(loop, "bpfgen_loop__new: %s", strerror(errno));
	return loop;
}

struct ticks {
	struct bpfgen_loop *loop;
	int n, stop_at, err_at, err;
};

static int on_tick(void *ctx)
{
	struct ticks *t = ctx;

	t->n++;
	if (t->err_at && t->n == t->err_at)
		return t->err;
	if (t->stop_at && t->n == t->stop_at)
		bpfgen_loop__stop(t->loop);
	return 0;
}

Test(loop, timer_fires_n_times)
{
	struct bpfgen_loop *loop = quiet_loop(true);
	struct ticks t = { .loop = loop, .stop_at = 5 };
	struct bpfgen_loop_stats st;
	double t0 = now_s(), dt;

	cr_assert_eq(bpfgen_loop__add_timer(loop, 10, on_tick, &t), 0);
	cr_assert_eq(bpfgen_loop__run(loop), 0);
	dt = now_s() - t0;
	cr_assert_eq(t.n, 5, "the timer fired %d times, not 5", t.n);
	/* 5 periods of 10 ms: not sooner, and not seconds */
	cr_assert_geq(dt, 0.045, "5 ticks of 10 ms in %.3f s", dt);
	cr_assert_lt(dt, 2.0);
	bpfgen_loop__stats(loop, &st);
	cr_assert_eq(st.wakeups, 5, "wakeups %llu", (unsigned long long)st.wakeups);
	cr_assert_eq(st.signal, 0);
	cr_assert_eq(bpfgen_loop__poll(loop, 0), -ECANCELED);
	bpfgen_loop__free(loop);
}

struct seen_fd {
	int fd, calls;
	uint32_t events;
	char byte;
};

static int on_readable(void *ctx, int fd, uint32_t events)
{
	struct seen_fd *s = ctx;

	s->calls++;
	s->fd = fd;
	s->events = events;
	if (read(fd, &s->byte, 1) != 1)
		return -EIO;
	return 0;
}

Test(loop, fd_callback)
{
	struct bpfgen_loop *loop = quiet_loop(true);
	struct seen_fd s = {};
	int p[2];

	cr_assert_eq(pipe(p), 0);
	cr_assert_eq(bpfgen_loop__add_fd(loop, p[0], EPOLLIN, on_readable, &s), 0);
	/* the same fd twice is the caller's mistake, reported */
	cr_assert_eq(bpfgen_loop__add_fd(loop, p[0], EPOLLIN, on_readable, &s), -EEXIST);
	cr_assert_eq(bpfgen_loop__poll(loop, 50), 0, "nothing written yet");
	cr_assert_eq(s.calls, 0);
	cr_assert_eq(write(p[1], "x", 1), 1);
	cr_assert_eq(bpfgen_loop__poll(loop, 1000), 1);
	cr_assert_eq(s.calls, 1);
	cr_assert_eq(s.fd, p[0]);
	cr_assert(s.events & EPOLLIN);
	cr_assert_eq(s.byte, 'x');
	cr_assert_eq(bpfgen_loop__poll(loop, 0), 0, "the byte was read: nothing ready");
	bpfgen_loop__free(loop);
	/* the loop does not own a plain fd */
	cr_assert_eq(write(p[1], "y", 1), 1);
	cr_assert_eq(read(p[0], &s.byte, 1), 1);
	close(p[0]);
	close(p[1]);
}

static int fail_fd(void *ctx, int fd, uint32_t events)
{
	return -ENOTRECOVERABLE;
}

Test(loop, callback_error_stops_run)
{
	struct bpfgen_loop *loop = quiet_loop(true);
	struct ticks t = { .loop = loop, .err_at = 3, .err = -EPROTO };

	cr_assert_eq(bpfgen_loop__add_timer(loop, 5, on_tick, &t), 0);
	cr_assert_eq(bpfgen_loop__run(loop), -EPROTO);
	cr_assert_eq(t.n, 3);
	bpfgen_loop__free(loop);

	/* the same through _poll(), from an fd callback */
	loop = quiet_loop(true);
	int p[2];

	cr_assert_eq(pipe(p), 0);
	cr_assert_eq(write(p[1], "x", 1), 1);
	cr_assert_eq(bpfgen_loop__add_fd(loop, p[0], EPOLLIN, fail_fd, NULL), 0);
	cr_assert_eq(bpfgen_loop__poll(loop, 1000), -ENOTRECOVERABLE);
	cr_assert_eq(bpfgen_loop__run(loop), -ENOTRECOVERABLE);
	bpfgen_loop__free(loop);
	close(p[0]);
	close(p[1]);
}

static void *stop_later(void *arg)
{
	struct timespec ts = { 0, 100 * 1000 * 1000 };

	nanosleep(&ts, NULL);
	bpfgen_loop__stop(arg);
	return NULL;
}

Test(loop, stop_from_another_thread)
{
	struct bpfgen_loop *loop = quiet_loop(false);
	struct bpfgen_loop_stats st;
	pthread_t th;
	double t0 = now_s(), dt;

	cr_assert_eq(pthread_create(&th, NULL, stop_later, loop), 0);
	cr_assert_eq(bpfgen_loop__run(loop), 0);
	dt = now_s() - t0;
	pthread_join(th, NULL);
	cr_assert_geq(dt, 0.09, "run returned after %.3f s, before the stop", dt);
	bpfgen_loop__stats(loop, &st);
	cr_assert_eq(st.signal, 0);
	/* an idle loop stopped from outside never woke up for nothing */
	cr_assert_eq(st.wakeups, 0, "wakeups %llu", (unsigned long long)st.wakeups);
	bpfgen_loop__free(loop);
}

Test(loop, sigterm_stops_run)
{
	struct bpfgen_loop *loop = quiet_loop(false);
	struct bpfgen_loop_stats st;

	/* blocked by the loop: pending, not fatal */
	cr_assert_eq(raise(SIGTERM), 0);
	cr_assert_eq(bpfgen_loop__run(loop), 0);
	bpfgen_loop__stats(loop, &st);
	cr_assert_eq(st.signal, SIGTERM, "signal %d", st.signal);
	bpfgen_loop__free(loop);
}

static struct bpfgen_loop *handler_loop;

static void stop_handler(int sig)
{
	bpfgen_loop__stop(handler_loop);
}

Test(loop, stop_from_a_signal_handler)
{
	struct sigaction sa = { .sa_handler = stop_handler };
	struct bpfgen_loop *loop = quiet_loop(true);

	handler_loop = loop;
	cr_assert_eq(sigaction(SIGUSR1, &sa, NULL), 0);
	cr_assert_eq(raise(SIGUSR1), 0);
	cr_assert_eq(bpfgen_loop__run(loop), 0);
	bpfgen_loop__free(loop);
}

Test(loop, fd_pollable_from_outer_poll)
{
	struct bpfgen_loop *loop = quiet_loop(true);
	struct seen_fd s = {};
	struct pollfd pfd = { .events = POLLIN };
	int p[2];

	cr_assert_eq(pipe(p), 0);
	cr_assert_eq(bpfgen_loop__add_fd(loop, p[0], EPOLLIN, on_readable, &s), 0);
	pfd.fd = bpfgen_loop__fd(loop);
	cr_assert_geq(pfd.fd, 0);
	cr_assert_eq(poll(&pfd, 1, 50), 0, "nothing ready, yet the loop's fd polled readable");
	cr_assert_eq(write(p[1], "z", 1), 1);
	cr_assert_eq(poll(&pfd, 1, 1000), 1);
	cr_assert(pfd.revents & POLLIN);
	cr_assert_eq(bpfgen_loop__poll(loop, 0), 1);
	cr_assert_eq(s.byte, 'z');
	cr_assert_eq(poll(&pfd, 1, 0), 0, "served, yet still readable");
	bpfgen_loop__free(loop);
	close(p[0]);
	close(p[1]);
}

Test(loop, idle_loop_never_wakes)
{
	struct bpfgen_loop *loop = quiet_loop(false);
	struct bpfgen_loop_stats st;
	double t0 = now_s(), dt;
	int p[2];
	struct seen_fd s = {};

	/* a source that never becomes ready */
	cr_assert_eq(pipe(p), 0);
	cr_assert_eq(bpfgen_loop__add_fd(loop, p[0], EPOLLIN, on_readable, &s), 0);
	cr_assert_eq(bpfgen_loop__poll(loop, 200), 0);
	dt = now_s() - t0;
	cr_assert_geq(dt, 0.19, "the wait of 200 ms lasted %.3f s", dt);
	bpfgen_loop__stats(loop, &st);
	cr_assert_eq(st.wakeups, 0, "wakeups %llu", (unsigned long long)st.wakeups);
	cr_assert_eq(s.calls, 0);
	bpfgen_loop__free(loop);
	close(p[0]);
	close(p[1]);
}

Test(loop, null_and_bad_arguments)
{
	struct bpfgen_loop *loop = quiet_loop(true);
	struct bpfgen_loop_stats st = { .wakeups = 7 };

	bpfgen_loop__free(NULL);
	bpfgen_loop__stop(NULL);
	bpfgen_loop__stats(NULL, &st);
	cr_assert_eq(st.wakeups, 7);
	cr_assert_eq(bpfgen_loop__run(NULL), -EINVAL);
	cr_assert_eq(bpfgen_loop__poll(NULL, 0), -EINVAL);
	cr_assert_eq(bpfgen_loop__fd(NULL), -EINVAL);
	cr_assert_eq(bpfgen_loop__detach(NULL), -EINVAL);
	cr_assert_eq(bpfgen_loop__add_ring(loop, NULL, "x"), -EINVAL);
	cr_assert_eq(bpfgen_loop__add_perf(loop, NULL, "x"), -EINVAL);
	cr_assert_eq(bpfgen_loop__add_log(loop, NULL), -EINVAL);
	cr_assert_eq(bpfgen_loop__add_link(loop, NULL), -EINVAL);
	cr_assert_eq(bpfgen_loop__add_skeleton(loop, NULL), -EINVAL);
	cr_assert_eq(bpfgen_loop__add_timer(loop, 0, on_tick, NULL), -EINVAL);
	cr_assert_eq(bpfgen_loop__add_fd(loop, -1, EPOLLIN, on_readable, NULL), -EINVAL);
	cr_assert_eq(bpfgen_loop__add_fd(loop, 1000000, EPOLLIN, on_readable, NULL), -EBADF);
	bpfgen_loop__free(loop);
}

static bool blocked(int sig)
{
	sigset_t cur;

	pthread_sigmask(SIG_SETMASK, NULL, &cur);
	return sigismember(&cur, sig);
}

Test(loop, signal_mask_restored)
{
	struct bpfgen_loop *loop;
	sigset_t set;

	cr_assert(!blocked(SIGINT) && !blocked(SIGTERM));
	loop = quiet_loop(false);
	cr_assert(blocked(SIGINT) && blocked(SIGTERM), "the loop did not block SIGINT/SIGTERM");
	bpfgen_loop__free(loop);
	cr_assert(!blocked(SIGINT) && !blocked(SIGTERM), "the mask was not restored");

	/* what the caller had blocked stays blocked */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	loop = quiet_loop(false);
	bpfgen_loop__free(loop);
	cr_assert(!blocked(SIGINT));
	cr_assert(blocked(SIGTERM), "the loop unblocked a signal the caller had blocked");
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);

	/* no_signals leaves the mask alone */
	loop = quiet_loop(true);
	cr_assert(!blocked(SIGINT) && !blocked(SIGTERM));
	bpfgen_loop__free(loop);
}

Test(loop, late_signal_does_not_kill_free)
{
	struct bpfgen_loop *loop = quiet_loop(false);

	bpfgen_loop__stop(loop);
	cr_assert_eq(bpfgen_loop__run(loop), 0);
	/* a second Ctrl-C during the cleanup: still the loop's */
	cr_assert_eq(raise(SIGINT), 0);
	bpfgen_loop__free(loop);
	cr_assert(!blocked(SIGINT));
}

static int cleanups;

static void count_cleanup(void *ctx)
{
	cleanups += *(int *)ctx;
}

Test(loop, cleanups_run_once_and_summary_printed)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	BPFGEN_OPTS(bpfgen_loop_opts, opts, .summary = f, .no_signals = true);
	struct bpfgen_loop *loop = bpfgen_loop__new(&opts);
	int one = 1;

	cr_assert_not_null(loop);
	cr_assert_eq(bpfgen_loop__add_cleanup(loop, count_cleanup, &one), 0);
	bpfgen_loop__stop(loop);
	cr_assert_eq(bpfgen_loop__run(loop), 0);
	cr_assert_eq(cleanups, 1);
	cr_assert_eq(bpfgen_loop__detach(loop), 0);
	bpfgen_loop__free(loop);
	cr_assert_eq(cleanups, 1, "a cleanup ran %d times", cleanups);
	fclose(f);
	cr_assert_not_null(strstr(buf, "bpfgen: detached 0 links\n"), "summary: %s", buf);
	free(buf);
}

Test(loop, quiet_prints_nothing)
{
	struct bpfgen_loop *loop = quiet_loop(true);

	/* BPFGEN_LOOP_QUIET is not a FILE: fprintf on it would crash */
	bpfgen_loop__stop(loop);
	cr_assert_eq(bpfgen_loop__run(loop), 0);
	bpfgen_loop__free(loop);
}

Test(loop, many_sources)
{
	struct bpfgen_loop *loop = quiet_loop(true);
	struct seen_fd s[40] = {};
	int p[40][2], i, served = 0, n;

	for (i = 0; i < 40; i++) {
		cr_assert_eq(pipe(p[i]), 0);
		cr_assert_eq(bpfgen_loop__add_fd(loop, p[i][0], EPOLLIN, on_readable, &s[i]), 0);
	}
	for (i = 0; i < 40; i += 3)
		cr_assert_eq(write(p[i][1], "m", 1), 1);
	while ((n = bpfgen_loop__poll(loop, 0)) > 0)
		served += n;
	cr_assert_eq(n, 0);
	cr_assert_eq(served, 14);
	for (i = 0; i < 40; i++) {
		cr_assert_eq(s[i].calls, i % 3 == 0, "pipe %d: %d calls", i, s[i].calls);
		if (s[i].calls)
			cr_assert_eq(s[i].fd, p[i][0]);
	}
	bpfgen_loop__free(loop);
	for (i = 0; i < 40; i++) {
		close(p[i][0]);
		close(p[i][1]);
	}
}
