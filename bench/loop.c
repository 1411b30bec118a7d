// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bench_loop [SECONDS]: bpfgen_loop's throughput and idle cost (root; run
 * by bench/loop.sh).
 *
 * Concurrent: a producer thread runs tests/runtime/loop_test.bpf.c's XDP
 * program through BPF_PROG_TEST_RUN (repeat), one ring buffer record per
 * run, while the calling thread consumes through bpfgen_loop__run().
 * Drain: the ring is filled first, then the loop consumes it alone: the
 * consumer's records per second on one core, whatever else the machine
 * runs (the CPU time of the consuming thread is printed too).
 * Idle: a loop with a ring buffer and no timer, stopped after SECONDS by
 * another thread, must not have woken up once.
 *
 * Exit status: 0, 1 when the idle loop woke up or a record was lost
 * unaccounted, 2 on a setup error, 77 without root.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "bpfgen/runtime.h"
#include "loop_test.skel.h"

static double seconds = 2.0;

static double now_s(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

struct producer {
	struct bpfgen_loop *loop;
	int prog_fd;
	__u64 runs;
	double cpu_s;
	int err;
};

static void *produce(void *arg)
{
	struct producer *p = arg;
	char pkt[64] = {};
	LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = pkt, .data_size_in = sizeof(pkt),
		    .repeat = 10000);
	double end;

	end = now_s(CLOCK_MONOTONIC) + seconds;
	while (now_s(CLOCK_MONOTONIC) < end) {
		p->err = bpf_prog_test_run_opts(p->prog_fd, &opts);
		if (p->err)
			break;
		p->runs += opts.repeat;
	}
	p->cpu_s = now_s(CLOCK_THREAD_CPUTIME_ID);
	bpfgen_loop__stop(p->loop);
	return NULL;
}

static int count(void *ctx, void *data, size_t sz)
{
	(*(__u64 *)ctx)++;
	return 0;
}

static void *stop_later(void *arg)
{
	struct timespec ts = { (time_t)seconds, (long)((seconds - (time_t)seconds) * 1e9) };

	nanosleep(&ts, NULL);
	bpfgen_loop__stop(arg);
	return NULL;
}

int main(int argc, char **argv)
{
	BPFGEN_OPTS(bpfgen_loop_opts, opts, .summary = BPFGEN_LOOP_QUIET, .no_signals = true);
	struct producer p = {};
	struct bpfgen_loop_stats st;
	struct loop_test *skel;
	struct ring_buffer *rb;
	__u64 delivered = 0, failed;
	double t0, wall, cpu0, cpu;
	pthread_t th;
	int err, ret = 0;

	if (argc > 1)
		seconds = atof(argv[1]);
	if (seconds <= 0) {
		fprintf(stderr, "usage: bench_loop [SECONDS]\n");
		return 2;
	}
	if (geteuid() != 0) {
		fprintf(stderr, "bench_loop: loading BPF programs needs root\n");
		return 77;
	}

	skel = loop_test__open();
	if (!skel)
		return 2;
	/* 16 MiB: the producer is faster than any consumer for a while */
	bpf_map__set_max_entries(skel->maps.events, 16 << 20);
	err = loop_test__load(skel);
	if (err) {
		fprintf(stderr, "bench_loop: load: %d\n", err);
		return 2;
	}
	skel->bss->xdp_on = 1;
	rb = ring_buffer__new(bpf_map__fd(skel->maps.events), count, &delivered, NULL);
	p.loop = bpfgen_loop__new(&opts);
	if (!rb || !p.loop || bpfgen_loop__add_ring(p.loop, rb, "events")) {
		fprintf(stderr, "bench_loop: ring buffer or loop: %s\n", strerror(errno));
		return 2;
	}
	p.prog_fd = bpf_program__fd(skel->progs.on_xdp);

	cpu0 = now_s(CLOCK_THREAD_CPUTIME_ID);
	t0 = now_s(CLOCK_MONOTONIC);
	pthread_create(&th, NULL, produce, &p);
	err = bpfgen_loop__run(p.loop);
	wall = now_s(CLOCK_MONOTONIC) - t0;
	cpu = now_s(CLOCK_THREAD_CPUTIME_ID) - cpu0;
	pthread_join(th, NULL);
	bpfgen_loop__stats(p.loop, &st);
	failed = skel->bss->ring_failed;
	if (err || p.err) {
		fprintf(stderr, "bench_loop: run %d, test run %d\n", err, p.err);
		return 2;
	}
	printf("throughput: %llu runs in %.2f s, %llu records delivered, %llu failed to reserve (ring full)\n",
	       (unsigned long long)p.runs, wall, (unsigned long long)delivered,
	       (unsigned long long)failed);
	printf("throughput: %.2f M records/s delivered; consumer %.2f s CPU (%.0f%% of one core): %.2f M records per consumer CPU-second\n",
	       delivered / wall / 1e6, cpu, 100 * cpu / wall, cpu > 0 ? delivered / cpu / 1e6 : 0);
	printf("throughput: producer %.2f s CPU, %.2f M runs/s; %llu wakeups, %.0f records per wakeup\n",
	       p.cpu_s, p.runs / wall / 1e6, (unsigned long long)st.wakeups,
	       st.wakeups ? (double)delivered / st.wakeups : 0);
	if (delivered + failed != p.runs || st.records != delivered) {
		printf("throughput: FAIL: delivered + failed = %llu, runs = %llu, loop counted %llu\n",
		       (unsigned long long)(delivered + failed), (unsigned long long)p.runs,
		       (unsigned long long)st.records);
		ret = 1;
	}
	bpfgen_loop__free(p.loop);

	/* drain: fill the ring with nobody reading, then time the loop alone */
	{
		char pkt[64] = {};
		LIBBPF_OPTS(bpf_test_run_opts, ro, .data_in = pkt, .data_size_in = sizeof(pkt),
			    .repeat = 500000);
		__u64 before = delivered, n;

		p.loop = bpfgen_loop__new(&opts);
		if (!p.loop || bpfgen_loop__add_ring(p.loop, rb, "events"))
			return 2;
		failed = skel->bss->ring_failed;
		if (bpf_prog_test_run_opts(p.prog_fd, &ro))
			return 2;
		cpu0 = now_s(CLOCK_THREAD_CPUTIME_ID);
		t0 = now_s(CLOCK_MONOTONIC);
		while ((err = bpfgen_loop__poll(p.loop, 0)) > 0)
			;
		wall = now_s(CLOCK_MONOTONIC) - t0;
		cpu = now_s(CLOCK_THREAD_CPUTIME_ID) - cpu0;
		n = delivered - before;
		printf("drain: %llu records (%llu did not fit) consumed in %.4f s: %.2f M records/s on one core, %.2f M per CPU-second\n",
		       (unsigned long long)n, (unsigned long long)(skel->bss->ring_failed - failed), wall,
		       n / wall / 1e6, cpu > 0 ? n / cpu / 1e6 : 0);
		if (err < 0 || n + skel->bss->ring_failed - failed != (__u64)ro.repeat) {
			printf("drain: FAIL: poll %d, %llu records + %llu failed != %u runs\n", err,
			       (unsigned long long)n,
			       (unsigned long long)(skel->bss->ring_failed - failed), ro.repeat);
			ret = 1;
		}
		bpfgen_loop__free(p.loop);
	}

	/* idle: the same ring, nothing written */
	skel->bss->xdp_on = 0;
	p.loop = bpfgen_loop__new(&opts);
	if (!p.loop || bpfgen_loop__add_ring(p.loop, rb, "events"))
		return 2;
	cpu0 = now_s(CLOCK_THREAD_CPUTIME_ID);
	t0 = now_s(CLOCK_MONOTONIC);
	pthread_create(&th, NULL, stop_later, p.loop);
	err = bpfgen_loop__run(p.loop);
	wall = now_s(CLOCK_MONOTONIC) - t0;
	cpu = now_s(CLOCK_THREAD_CPUTIME_ID) - cpu0;
	pthread_join(th, NULL);
	bpfgen_loop__stats(p.loop, &st);
	printf("idle: %.2f s, %llu wakeups, %.6f s CPU\n", wall, (unsigned long long)st.wakeups, cpu);
	if (err || st.wakeups) {
		printf("idle: FAIL: an idle loop woke up\n");
		ret = 1;
	}
	bpfgen_loop__free(p.loop);
	ring_buffer__free(rb);
	loop_test__destroy(skel);
	return ret;
}
