// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bpfgen_loop on the real kernel (root; exits 77 otherwise): a skeleton's
 * links registered before attach, records received from a ring buffer and
 * a perf buffer, a SIGINT that stops the loop, and after it every link slot
 * NULL, no link of ours left in the kernel and the fd count back where it
 * was. Then issue 8's faults: a full ring buffer and a full perf buffer
 * (every trigger delivered or counted), a full HASH map, a link detached
 * underneath the loop, a SIGINT that arrives during load/attach.
 *
 * Links are counted among the system's (bpf_link_get_next_id) by their
 * program: other tests may create links of their own at the same time.
 */
#include <errno.h>
#include <dirent.h>
#include <sched.h>
#include <net/if.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "bpfgen/runtime.h"
#include "loop_test.bpfgen.h"

static int failures;
static pid_t self;

#define CHECK(cond, ...)							\
	do {									\
		if (!(cond)) {							\
			fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
			fprintf(stderr, __VA_ARGS__);				\
			fputc('\n', stderr);					\
			failures++;						\
		}								\
	} while (0)

struct loop_event {
	__u32 tgid;
	__u32 seq;
	__u64 ts_ns;
};

static int fd_count(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n - 1;	/* the directory's own fd */
}

/* The links in the kernel whose program is one of SKEL's, and all of them. */
static int our_links(const struct loop_test *skel, int *total)
{
	struct bpf_program *progs[] = { skel->progs.on_getpgid, skel->progs.on_getppid,
					skel->progs.on_xdp };
	__u32 ids[3], id = 0, len;
	int i, fd, n = 0, all = 0;

	for (i = 0; i < 3; i++) {
		struct bpf_prog_info info = {};

		len = sizeof(info);
		ids[i] = bpf_obj_get_info_by_fd(bpf_program__fd(progs[i]), &info, &len) ? 0 : info.id;
	}
	while (!bpf_link_get_next_id(id, &id)) {
		struct bpf_link_info info = {};

		fd = bpf_link_get_fd_by_id(id);
		if (fd < 0)
			continue;	/* gone in between */
		all++;
		len = sizeof(info);
		if (!bpf_obj_get_info_by_fd(fd, &info, &len))
			for (i = 0; i < 3; i++)
				if (ids[i] && info.prog_id == ids[i])
					n++;
		close(fd);
	}
	if (total)
		*total = all;
	return n;
}

struct seen {
	struct bpfgen_loop *loop;
	struct loop_test *skel;
	int ring, perf, log, ticks;
	int getpgid_n, getppid_n;
};

static int on_ring(void *ctx, void *data, size_t sz)
{
	struct seen *s = ctx;
	const struct loop_event *e = data;

	if (sz < sizeof(*e) || e->tgid != (__u32)self)
		return -EBADMSG;
	s->ring++;
	return 0;
}

static void on_perf(void *ctx, int cpu, void *data, __u32 sz)
{
	struct seen *s = ctx;

	s->perf++;
}

static int on_log(void *ctx, const struct bpfgen_log_record *rec)
{
	struct seen *s = ctx;
	char want[64];

	snprintf(want, sizeof(want), "getpgid by %u", (unsigned int)self);
	if (strcmp(rec->msg, want))
		return -EBADMSG;
	s->log++;
	return 0;
}

static void trigger(int getpgid_n, int getppid_n)
{
	int i;

	for (i = 0; i < getpgid_n; i++)
		getpgid(0);
	for (i = 0; i < getppid_n; i++)
		getppid();
}

/* Triggers on the first tick; sends SIGINT once everything arrived. */
static int on_tick(void *ctx)
{
	struct seen *s = ctx;

	if (s->ticks++ == 0) {
		trigger(s->getpgid_n, s->getppid_n);
		return 0;
	}
	if (s->ring == s->getpgid_n && s->log == s->getpgid_n && s->perf == s->getppid_n) {
		raise(SIGINT);
		return 0;
	}
	return s->ticks > 300 ? -ETIMEDOUT : 0;
}

static struct loop_test *load(void)
{
	struct loop_test *skel = loop_test__open_and_load();

	if (!skel) {
		fprintf(stderr, "loop_test: open and load: %s\n", strerror(errno));
		exit(1);
	}
	skel->bss->target_tgid = self;
	return skel;
}

static struct bpfgen_loop *new_loop(FILE *summary)
{
	BPFGEN_OPTS(bpfgen_loop_opts, opts, .summary = summary);
	struct bpfgen_loop *loop = bpfgen_loop__new(&opts);

	if (!loop) {
		fprintf(stderr, "bpfgen_loop__new: %s\n", strerror(errno));
		exit(1);
	}
	return loop;
}

/* Receive through both buffers, stop on SIGINT, leave nothing behind. */
static void receive_and_sigint(void)
{
	struct seen s = { .getpgid_n = 10, .getppid_n = 7 };
	struct bpfgen_loop_stats st;
	struct ring_buffer *rb;
	struct perf_buffer *pb;
	char *out = NULL;
	size_t out_len = 0;
	FILE *summary = open_memstream(&out, &out_len);
	BPFGEN_OPTS(bpfgen_log_opts, log_opts, .fn = on_log, .ctx = &s);
	struct bpfgen_log *log;
	int fd0, fd1, links0, links, total, err;

	fd0 = fd_count();
	s.loop = new_loop(summary);
	s.skel = load();
	rb = ring_buffer__new(bpf_map__fd(s.skel->maps.events), on_ring, &s, NULL);
	pb = perf_buffer__new(bpf_map__fd(s.skel->maps.perf_events), 8, on_perf, NULL, &s, NULL);
	CHECK(rb && pb, "ring or perf buffer: %s", strerror(errno));
	CHECK(!bpfgen_loop__add_ring(s.loop, rb, "events"), "add_ring");
	CHECK(!bpfgen_loop__add_perf(s.loop, pb, "perf_events"), "add_perf");
	log = loop_test__log_new(s.skel, &log_opts);
	CHECK(log, "log: %s", strerror(errno));
	CHECK(!bpfgen_loop__add_log(s.loop, log), "add_log");
	/* registered before attach: the slots are read at stop */
	CHECK(!bpfgen_loop__add_skeleton(s.loop, s.skel->skeleton), "add_skeleton");
	CHECK(!bpfgen_loop__add_timer(s.loop, 10, on_tick, &s), "add_timer");

	fd1 = fd_count();
	links0 = our_links(s.skel, &total);
	CHECK(links0 == 0, "%d links before attach", links0);
	err = loop_test__attach(s.skel);
	CHECK(!err, "attach: %d", err);
	/* XDP has no auto-attach: a third link, in the skeleton's slot */
	s.skel->links.on_xdp = bpf_program__attach_xdp(s.skel->progs.on_xdp, if_nametoindex("lo"));
	CHECK(s.skel->links.on_xdp, "attach xdp to lo: %s", strerror(errno));
	links = our_links(s.skel, &total);
	CHECK(links == 3, "%d links after attach", links);
	printf("receive: %d links of ours among %d, %d fds before attach, %d after\n", links, total,
	       fd1, fd_count());

	err = bpfgen_loop__run(s.loop);
	CHECK(err == 0, "run returned %d", err);
	bpfgen_loop__stats(s.loop, &st);
	CHECK(st.signal == SIGINT, "stopped by signal %d", st.signal);
	CHECK(s.ring == 10 && s.perf == 7 && s.log == 10, "received %d ring, %d perf, %d log records",
	      s.ring, s.perf, s.log);
	CHECK(st.records == 17, "stats: %llu records", (unsigned long long)st.records);
	CHECK(st.log_records == 10 && st.log_dropped == 0 && st.log_malformed == 0,
	      "stats: log %llu records, %llu dropped, %llu malformed",
	      (unsigned long long)st.log_records, (unsigned long long)st.log_dropped,
	      (unsigned long long)st.log_malformed);
	CHECK(st.lost == 0, "stats: %llu lost", (unsigned long long)st.lost);
	CHECK(st.links_detached == 3, "stats: %llu links detached",
	      (unsigned long long)st.links_detached);
	CHECK(!s.skel->links.on_getpgid && !s.skel->links.on_getppid && !s.skel->links.on_xdp,
	      "a link slot is not NULL");
	links = our_links(s.skel, &total);
	CHECK(links == 0, "%d links of ours left", links);
	CHECK(fd_count() == fd1, "%d fds after detach, %d before attach", fd_count(), fd1);

	/* detached: the programs see nothing more */
	trigger(5, 5);
	CHECK(s.skel->bss->ring_sent == 10 && s.skel->bss->perf_sent == 7,
	      "programs still ran after the detach: ring %llu, perf %llu",
	      (unsigned long long)s.skel->bss->ring_sent, (unsigned long long)s.skel->bss->perf_sent);

	fflush(summary);
	printf("%s", out);
	CHECK(strstr(out, "bpfgen: ring 'events': 10 records\n"), "summary: %s", out);
	CHECK(strstr(out, "bpfgen: perf 'perf_events': 7 records, 0 lost\n"), "summary: %s", out);
	CHECK(strstr(out, "bpfgen: log: 10 records, 0 dropped, 0 malformed\n"), "summary: %s", out);
	CHECK(strstr(out, "bpfgen: detached 3 links\n"), "summary: %s", out);

	/* the skeleton may go first: the loop no longer looks at its slots */
	loop_test__destroy(s.skel);
	bpfgen_loop__free(s.loop);
	ring_buffer__free(rb);
	perf_buffer__free(pb);
	bpfgen_log__free(log);
	fclose(summary);
	free(out);
	CHECK(fd_count() == fd0, "%d fds at the end, %d at the start", fd_count(), fd0);
}

/* (a) ring buffer full: every trigger is either delivered or counted failed. */
static void ring_full(void)
{
	struct seen s = {};
	struct bpfgen_loop_stats st;
	struct loop_test *skel;
	struct ring_buffer *rb;
	struct bpfgen_loop *loop;
	const int n = 1000;
	int fd0 = fd_count(), err;
	__u64 failed;

	loop = new_loop(BPFGEN_LOOP_QUIET);
	skel = load();
	rb = ring_buffer__new(bpf_map__fd(skel->maps.events), on_ring, &s, NULL);
	CHECK(rb, "ring_buffer__new: %s", strerror(errno));
	CHECK(!bpfgen_loop__add_ring(loop, rb, "events"), "add_ring");
	skel->links.on_getpgid = bpf_program__attach(skel->progs.on_getpgid);
	CHECK(skel->links.on_getpgid, "attach: %s", strerror(errno));
	CHECK(!bpfgen_loop__add_link(loop, &skel->links.on_getpgid), "add_link");

	/* nobody consumes while the 4 KiB ring (about 170 records) fills */
	trigger(n, 0);
	bpfgen_loop__stop(loop);
	err = bpfgen_loop__run(loop);
	CHECK(err == 0, "run returned %d", err);
	bpfgen_loop__stats(loop, &st);
	failed = skel->bss->ring_failed;
	printf("ring full: %d triggered, %d delivered, %llu failed to reserve\n", n, s.ring,
	       (unsigned long long)failed);
	CHECK(failed > 0, "the ring never filled");
	CHECK(s.ring + failed == (__u64)n, "%d delivered + %llu failed != %d", s.ring,
	      (unsigned long long)failed, n);
	CHECK(st.records == (__u64)s.ring, "stats: %llu records, %d delivered",
	      (unsigned long long)st.records, s.ring);
	CHECK(skel->bss->ring_sent == (__u64)s.ring, "sent %llu, delivered %d",
	      (unsigned long long)skel->bss->ring_sent, s.ring);
	CHECK(!skel->links.on_getpgid, "the link slot is not NULL");

	bpfgen_loop__free(loop);
	ring_buffer__free(rb);
	loop_test__destroy(skel);
	CHECK(fd_count() == fd0, "%d fds at the end, %d at the start", fd_count(), fd0);
}

/*
 * (a) again for a perf buffer: the kernel counts what did not fit and says
 * so in a PERF_RECORD_LOST, written with the next record that fits. The
 * loop reads those in place (libbpf gives the count only to the creator's
 * callback): its lost count must be libbpf's and the program's.
 */
static __u64 libbpf_lost;

static void on_lost(void *ctx, int cpu, __u64 cnt)
{
	libbpf_lost += cnt;
}

static void perf_full(void)
{
	struct seen s = {};
	struct bpfgen_loop_stats st;
	struct loop_test *skel;
	struct perf_buffer *pb;
	struct bpfgen_loop *loop;
	cpu_set_t cpus, old;
	const int n = 1000;
	int fd0 = fd_count(), err;

	/* one CPU: its ring is the one that fills, and the one that reports */
	sched_getaffinity(0, sizeof(old), &old);
	CPU_ZERO(&cpus);
	CPU_SET(sched_getcpu(), &cpus);
	sched_setaffinity(0, sizeof(cpus), &cpus);

	loop = new_loop(BPFGEN_LOOP_QUIET);
	skel = load();
	pb = perf_buffer__new(bpf_map__fd(skel->maps.perf_events), 1, on_perf, on_lost, &s, NULL);
	CHECK(pb, "perf_buffer__new: %s", strerror(errno));
	CHECK(!bpfgen_loop__add_perf(loop, pb, "perf_events"), "add_perf");
	skel->links.on_getppid = bpf_program__attach(skel->progs.on_getppid);
	CHECK(skel->links.on_getppid, "attach: %s", strerror(errno));
	CHECK(!bpfgen_loop__add_link(loop, &skel->links.on_getppid), "add_link");

	trigger(0, n);
	while ((err = bpfgen_loop__poll(loop, 0)) > 0)
		;
	CHECK(err == 0, "poll: %d", err);
	/* room again: this record brings the lost record with it */
	trigger(0, 1);
	bpfgen_loop__stop(loop);
	err = bpfgen_loop__run(loop);
	CHECK(err == 0, "run returned %d", err);
	bpfgen_loop__stats(loop, &st);
	printf("perf full: %d triggered, %d delivered, %llu failed to output, the loop counted %llu records, %llu lost (libbpf %llu)\n",
	       n + 1, s.perf, (unsigned long long)skel->bss->perf_failed,
	       (unsigned long long)st.records, (unsigned long long)st.lost,
	       (unsigned long long)libbpf_lost);
	CHECK(skel->bss->perf_failed > 0, "the perf ring never filled");
	CHECK(st.records == (__u64)s.perf, "loop %llu records, callback %d",
	      (unsigned long long)st.records, s.perf);
	CHECK(st.lost == libbpf_lost && st.lost == skel->bss->perf_failed,
	      "lost: loop %llu, libbpf %llu, program %llu", (unsigned long long)st.lost,
	      (unsigned long long)libbpf_lost, (unsigned long long)skel->bss->perf_failed);
	CHECK(st.records + st.lost == (__u64)n + 1, "%llu + %llu != %d",
	      (unsigned long long)st.records, (unsigned long long)st.lost, n + 1);

	bpfgen_loop__free(loop);
	perf_buffer__free(pb);
	loop_test__destroy(skel);
	sched_setaffinity(0, sizeof(old), &old);
	CHECK(fd_count() == fd0, "%d fds at the end, %d at the start", fd_count(), fd0);
}

/* (b) map full: the fifth key of a 4-entry HASH map is refused with -E2BIG. */
static void map_full(void)
{
	struct loop_test *skel = load();
	__u64 val = 1;
	__u32 key;
	int err;

	for (key = 0; key < 4; key++) {
		err = bpf_map__update_elem(skel->maps.small, &key, sizeof(key), &val, sizeof(val), 0);
		CHECK(err == 0, "update of key %u: %d", key, err);
	}
	err = bpf_map__update_elem(skel->maps.small, &key, sizeof(key), &val, sizeof(val), 0);
	CHECK(err == -E2BIG, "update of a 5th key: %d, not -E2BIG", err);
	/* an existing key still updates in place */
	key = 2;
	val = 42;
	err = bpf_map__update_elem(skel->maps.small, &key, sizeof(key), &val, sizeof(val), BPF_EXIST);
	CHECK(err == 0, "update in place of a full map: %d", err);
	printf("map full: 5th update returned %d (%s)\n", -E2BIG, strerror(E2BIG));
	loop_test__destroy(skel);
}

/* (c) a link detached underneath the loop: destroyed once, nothing left. */
static void detached_underneath(void)
{
	struct loop_test *skel;
	struct bpfgen_loop *loop;
	struct bpfgen_loop_stats st;
	int fd0 = fd_count(), fd1, err, links;
	__u32 xdp_id = 0;

	loop = new_loop(BPFGEN_LOOP_QUIET);
	skel = load();
	CHECK(!bpfgen_loop__add_skeleton(loop, skel->skeleton), "add_skeleton");
	fd1 = fd_count();
	skel->links.on_xdp = bpf_program__attach_xdp(skel->progs.on_xdp, if_nametoindex("lo"));
	CHECK(skel->links.on_xdp, "attach xdp to lo: %s", strerror(errno));
	skel->links.on_getpgid = bpf_program__attach(skel->progs.on_getpgid);
	CHECK(skel->links.on_getpgid, "attach: %s", strerror(errno));

	/* an XDP link supports BPF_LINK_DETACH: the program leaves lo now */
	err = bpf_link__detach(skel->links.on_xdp);
	CHECK(err == 0, "bpf_link__detach(xdp): %d", err);
	bpf_xdp_query_id(if_nametoindex("lo"), 0, &xdp_id);
	CHECK(xdp_id == 0, "xdp program %u still on lo", xdp_id);
	/* a tracepoint link does not: the kernel says so, nothing else happens */
	err = bpf_link__detach(skel->links.on_getpgid);
	printf("detached underneath: xdp link detach 0, tracepoint link detach %d (%s)\n", err,
	       strerror(-err));

	bpfgen_loop__stop(loop);
	err = bpfgen_loop__run(loop);
	CHECK(err == 0, "run returned %d", err);
	bpfgen_loop__stats(loop, &st);
	CHECK(st.links_detached == 2, "%llu links detached", (unsigned long long)st.links_detached);
	CHECK(!skel->links.on_xdp && !skel->links.on_getpgid, "a link slot is not NULL");
	links = our_links(skel, NULL);
	CHECK(links == 0, "%d links of ours left", links);
	CHECK(fd_count() == fd1, "%d fds after the run, %d before attach", fd_count(), fd1);
	loop_test__destroy(skel);
	bpfgen_loop__free(loop);
	CHECK(fd_count() == fd0, "%d fds at the end, %d at the start", fd_count(), fd0);
}

/* (d) SIGINT during load and attach: the first poll stops the loop. */
static void sigint_during_load(void)
{
	struct bpfgen_loop *loop;
	struct bpfgen_loop_stats st;
	struct loop_test *skel;
	int fd0 = fd_count(), err, links;

	loop = new_loop(BPFGEN_LOOP_QUIET);
	skel = loop_test__open();
	CHECK(skel, "open: %s", strerror(errno));
	/* blocked since bpfgen_loop__new(): pending, not fatal */
	raise(SIGINT);
	err = loop_test__load(skel);
	CHECK(!err, "load: %d", err);
	CHECK(!bpfgen_loop__add_skeleton(loop, skel->skeleton), "add_skeleton");
	err = loop_test__attach(skel);
	CHECK(!err, "attach: %d", err);
	CHECK(our_links(skel, NULL) == 2, "attach made %d links", our_links(skel, NULL));

	err = bpfgen_loop__run(loop);
	CHECK(err == 0, "run returned %d", err);
	bpfgen_loop__stats(loop, &st);
	CHECK(st.signal == SIGINT, "stopped by signal %d", st.signal);
	CHECK(st.wakeups == 0, "%llu wakeups before the stop", (unsigned long long)st.wakeups);
	CHECK(st.links_detached == 2, "%llu links detached", (unsigned long long)st.links_detached);
	links = our_links(skel, NULL);
	CHECK(links == 0, "%d links of ours left", links);
	bpfgen_loop__free(loop);
	loop_test__destroy(skel);
	CHECK(fd_count() == fd0, "%d fds at the end, %d at the start", fd_count(), fd0);
}

int main(void)
{
	struct stat st;

	if (geteuid() != 0) {
		fprintf(stderr, "skipped: loading BPF programs needs root\n");
		return 77;
	}
	/* tracepoints are attached by their id, which libbpf reads from tracefs */
	if (stat("/sys/kernel/tracing/events", &st) && stat("/sys/kernel/debug/tracing/events", &st))
		mount("tracefs", "/sys/kernel/tracing", "tracefs", 0, NULL);
	setvbuf(stdout, NULL, _IOLBF, 0);
	self = getpid();

	receive_and_sigint();
	ring_full();
	perf_full();
	map_full();
	detached_underneath();
	sigint_during_load();

	if (failures) {
		fprintf(stderr, "%d checks failed\n", failures);
		return 1;
	}
	printf("all checks passed\n");
	return 0;
}
