// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The header bpfgen gen writes for events.bpf.c, used on the real kernel: the
 * tracepoint program attached and detached through its typed functions, its
 * events read through the typed ring buffer callback (which refuses a record
 * too short to be an event), and the LRU map it fills. Loading needs root: without it the tests skip.
 */
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <criterion/criterion.h>

#include "gen_events.bpfgen.h"

static struct gen_events *skel;

static void fini(void)
{
	gen_events__destroy(skel);
	skel = NULL;
}

TestSuite(gen_events, .fini = fini);

static void load(void)
{
	struct stat st;

	if (geteuid() != 0)
		cr_skip_test("loading BPF programs needs root");
	/* tracepoints are attached by their id, which libbpf reads from tracefs */
	if (stat("/sys/kernel/tracing/events", &st) && stat("/sys/kernel/debug/tracing/events", &st))
		mount("tracefs", "/sys/kernel/tracing", "tracefs", 0, NULL);
	skel = gen_events__open_and_load();
	cr_assert_not_null(skel, "open and load: %s", strerror(errno));
}

struct seen {
	pid_t child;
	int events;
	struct exec_event last;
};

static int on_event(void *ctx, const struct exec_event *e)
{
	struct seen *s = ctx;

	if ((pid_t)e->tgid != s->child)
		return 0;
	s->events++;
	s->last = *e;
	return 0;
}

static void on_perf_event(void *ctx, int cpu, const struct exec_event *e)
{
	on_event(ctx, e);
}

static pid_t run_true(void)
{
	pid_t pid = fork();

	cr_assert_geq(pid, 0);
	if (pid == 0) {
		execl("/bin/true", "true", (char *)NULL);
		_exit(127);
	}
	cr_assert_eq(waitpid(pid, NULL, 0), pid);
	return pid;
}

Test(gen_events, attach_ring_detach)
{
	struct seen s = {};
	struct ring_buffer *rb;
	struct exec_event last;
	__u32 key;
	int i;

	load();
	rb = gen_events_exec_events_ring(skel, on_event, &s);
	cr_assert_not_null(rb, "ring: %s", strerror(errno));
	cr_assert_not_null(gen_events_on_exec_attach(skel), "attach: %s", strerror(errno));
	cr_assert_null(gen_events_on_exec_attach(skel), "a second attach is refused");
	cr_assert_eq(errno, EBUSY);

	s.child = run_true();
	for (i = 0; i < 50 && !s.events; i++)
		cr_assert_geq(ring_buffer__poll(rb, 100), 0);
	cr_assert_eq(s.events, 1, "one exec event for pid %d", s.child);
	cr_assert_eq((pid_t)s.last.pid, s.child);
	cr_assert_eq(s.last.kind, EXEC_PLAIN);
	cr_assert_str_eq(s.last.comm, "true");
	cr_assert_gt(skel->bss->seen, 0);

	key = s.child;
	cr_assert_eq(gen_events_last_exec_lookup(skel, &key, &last), 0);
	cr_assert_eq(last.ts_ns, s.last.ts_ns, "the map holds the same event");
	cr_assert_eq(gen_events_last_exec_delete(skel, &key), 0);
	cr_assert_eq(gen_events_last_exec_lookup(skel, &key, &last), -ENOENT);

	cr_assert_eq(gen_events_on_exec_detach(skel), 0);
	cr_assert_null(skel->links.on_exec);
	gen_events__ring_free(rb);
	rb = NULL;
	s.events = 0;
	s.child = run_true();
	rb = gen_events_exec_events_ring(skel, on_event, &s);
	cr_assert_not_null(rb);
	cr_assert_geq(ring_buffer__poll(rb, 100), 0);
	cr_assert_eq(s.events, 0, "no events once detached");
	gen_events__ring_free(rb);
}

Test(gen_events, perf_buffer_events)
{
	struct seen s = {};
	struct perf_buffer *pb;
	int i;

	load();
	pb = gen_events_exec_perf_perf(skel, 8, on_perf_event, NULL, &s);
	cr_assert_not_null(pb, "perf: %s", strerror(errno));
	cr_assert_not_null(gen_events_on_exec_attach(skel), "attach: %s", strerror(errno));
	s.child = run_true();
	for (i = 0; i < 50 && !s.events; i++)
		cr_assert_geq(perf_buffer__poll(pb, 100), 0);
	cr_assert_eq(s.events, 1, "one exec event for pid %d", s.child);
	cr_assert_str_eq(s.last.comm, "true");
	gen_events__perf_free(pb);
}

Test(gen_events, rodata_filter)
{
	struct seen s = {};
	struct ring_buffer *rb;

	if (geteuid() != 0)
		cr_skip_test("loading BPF programs needs root");
	skel = gen_events__open();
	cr_assert_not_null(skel);
	skel->rodata->cfg.only_tgid = 1;	/* init never execs during the test */
	cr_assert_eq(gen_events__load(skel), 0);
	rb = gen_events_exec_events_ring(skel, on_event, &s);
	cr_assert_not_null(rb);
	cr_assert_not_null(gen_events_on_exec_attach(skel));
	s.child = run_true();
	cr_assert_geq(ring_buffer__poll(rb, 200), 0);
	cr_assert_eq(s.events, 0, "filtered out by cfg.only_tgid");
	gen_events__ring_free(rb);
}

Test(gen_events, short_record_stops_the_poll)
{
	LIBBPF_OPTS(bpf_test_run_opts, opts);
	struct seen s = { .child = -1 };
	struct ring_buffer *rb;

	load();
	rb = gen_events_exec_events_ring(skel, on_event, &s);
	cr_assert_not_null(rb);
	cr_assert_eq(bpf_prog_test_run_opts(bpf_program__fd(skel->progs.short_record), &opts), 0);
	cr_assert_eq(opts.retval, 0, "bpf_ringbuf_output: %d", (int)opts.retval);
	cr_assert_eq(ring_buffer__poll(rb, 100), -EBADMSG, "a 4-byte record is not an exec_event");
	cr_assert_eq(s.events, 0);
	gen_events__ring_free(rb);
}
