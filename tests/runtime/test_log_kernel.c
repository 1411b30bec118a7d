// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The log on the kernel: records written by bpfgen/log.h in real programs
 * (BPF_PROG_TEST_RUN), decoded with the table `bpfgen gen` interned, level
 * pruning measured on the verifier's output, and the exact drop count.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "log_test.bpfgen.h"

#define MAX_RECS 64

struct got {
	int n;
	char msg[MAX_RECS][256];
	unsigned int level[MAX_RECS], line[MAX_RECS], pid[MAX_RECS];
};

static int collect(void *ctx, const struct bpfgen_log_record *rec)
{
	struct got *g = ctx;

	if (g->n < MAX_RECS) {
		snprintf(g->msg[g->n], sizeof(g->msg[0]), "%s", rec->msg);
		g->level[g->n] = rec->site->level;
		g->line[g->n] = rec->site->line;
		g->pid[g->n] = rec->hdr->pid;
	}
	g->n++;
	return 0;
}

static void need_root(void)
{
	if (geteuid())
		cr_skip_test("loading BPF programs needs root");
}

static unsigned char pkt4[14 + 20 + 8];
static unsigned char pkt6[14 + 40];

static void make_packets(void)
{
	static const unsigned char mac[6] = { 0x02, 0, 0, 0, 0, 0x01 };

	memset(pkt4, 0, sizeof(pkt4));
	memcpy(pkt4 + 6, mac, 6);
	pkt4[12] = 0x08;			/* ETH_P_IP */
	pkt4[14] = 0x45;
	pkt4[14 + 8] = 64;			/* ttl */
	pkt4[14 + 9] = 17;			/* UDP */
	memcpy(pkt4 + 14 + 12, "\x0a\x01\x02\x03", 4);
	memcpy(pkt4 + 14 + 16, "\x0a\x00\x00\x02", 4);
	pkt4[14 + 20 + 2] = 0x1f;		/* dest port 8080 */
	pkt4[14 + 20 + 3] = 0x90;

	memset(pkt6, 0, sizeof(pkt6));
	pkt6[12] = 0x86;
	pkt6[13] = 0xdd;
	pkt6[14] = 0x60;
	memcpy(pkt6 + 14 + 8, "\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x01", 16);
	memcpy(pkt6 + 14 + 24, "\xfe\x80\0\0\0\0\0\0\0\0\0\0\0\0\0\x02", 16);
}

static int run(struct bpf_program *prog, void *pkt, size_t len, int repeat)
{
	LIBBPF_OPTS(bpf_test_run_opts, o, .data_in = pkt, .data_size_in = len, .repeat = repeat);

	return bpf_prog_test_run_opts(bpf_program__fd(prog), &o);
}

/* The line of SRC_DIR/log_test.bpf.c that holds NEEDLE: where the site must say it is. */
static unsigned int source_line(const char *needle)
{
	char line[512];
	unsigned int n = 0;
	FILE *f = fopen(BG_TEST_SRC_DIR "/log_test.bpf.c", "r");

	cr_assert_not_null(f);
	while (fgets(line, sizeof(line), f)) {
		n++;
		if (strstr(line, needle)) {
			fclose(f);
			return n;
		}
	}
	fclose(f);
	return 0;
}

static struct log_test *open_load(enum bpfgen_log_level level, __u32 ring_size)
{
	struct log_test *skel = log_test__open();

	cr_assert_not_null(skel, "open: %s", strerror(errno));
	log_test__log_level_set(skel, level);
	if (ring_size)
		cr_assert_eq(bpf_map__set_max_entries(skel->maps.bpfgen_log_ring, ring_size), 0);
	cr_assert_eq(log_test__load(skel), 0, "load failed");
	return skel;
}

Test(log_kernel, every_capture_kind_formats_exactly)
{
	struct got g = {};
	struct log_test *skel;
	struct bpfgen_log *log;

	need_root();
	make_packets();
	skel = open_load(BPFGEN_LOG_TRACE, 0);
	BPFGEN_OPTS(bpfgen_log_opts, opts, .fn = collect, .ctx = &g);
	log = log_test__log_new(skel, &opts);
	cr_assert_not_null(log, "log: %s", strerror(errno));

	cr_assert_eq(run(skel->progs.log_packet, pkt4, sizeof(pkt4), 1), 0);
	cr_assert_eq(run(skel->progs.log_ipv6, pkt6, sizeof(pkt6), 1), 0);
	cr_assert_eq(bpfgen_log__consume(log), 6);
	cr_assert_eq(g.n, 6);
	cr_expect_str_eq(g.msg[0], "received a packet from 10.1.2.3 port 8080");
	cr_expect_str_eq(g.msg[1], "mac 02:00:00:00:00:01 proto 17 ttl 64");
	cr_expect_str_eq(g.msg[2], "neg -42 big 1122334455667788 kernel string eight!! Z%");
	cr_expect_str_eq(g.msg[3], "bytes 0a 00 00 02");
	cr_expect_str_eq(g.msg[4], "trace level");
	cr_expect_str_eq(g.msg[5], "from 2001:db8::1 to fe80::2");
	cr_expect_eq(g.level[0], BPFGEN_LOG_INFO);
	cr_expect_eq(g.level[1], BPFGEN_LOG_WARN);
	cr_expect_eq(g.level[2], BPFGEN_LOG_ERROR);
	cr_expect_eq(g.level[3], BPFGEN_LOG_DEBUG);
	cr_expect_eq(g.level[4], BPFGEN_LOG_TRACE);
	cr_expect_eq(g.line[0], source_line("\"received a packet from"));
	cr_expect_eq(g.line[5], source_line("\"from %pI6 to %pI6\""));
	/* a packet path has no process: pid 0 */
	cr_expect_eq(g.pid[0], 0);
	bpfgen_log__free(log);
	log_test__destroy(skel);
}

Test(log_kernel, level_filters_and_pid_is_the_callers)
{
	struct got g = {};
	struct log_test *skel;
	struct bpfgen_log *log;

	need_root();
	make_packets();
	skel = open_load(BPFGEN_LOG_INFO, 0);
	BPFGEN_OPTS(bpfgen_log_opts, opts, .fn = collect, .ctx = &g);
	log = log_test__log_new(skel, &opts);
	cr_assert_not_null(log);
	cr_assert_eq(run(skel->progs.log_packet, pkt4, sizeof(pkt4), 1), 0);
	LIBBPF_OPTS(bpf_test_run_opts, o);
	cr_assert_eq(bpf_prog_test_run_opts(bpf_program__fd(skel->progs.log_pid), &o), 0);
	cr_assert_eq(bpfgen_log__consume(log), 4);
	cr_expect_eq(g.level[0], BPFGEN_LOG_INFO);
	cr_expect_eq(g.level[1], BPFGEN_LOG_WARN);
	cr_expect_eq(g.level[2], BPFGEN_LOG_ERROR);
	cr_expect_str_eq(g.msg[3], "from a process");
	cr_expect_eq(g.pid[3], (unsigned int)getpid());
	bpfgen_log__free(log);
	log_test__destroy(skel);
}

static __u32 xlated_insns(struct bpf_program *prog)
{
	struct bpf_prog_info info = {};
	__u32 len = sizeof(info);

	cr_assert_eq(bpf_obj_get_info_by_fd(bpf_program__fd(prog), &info, &len), 0);
	return info.xlated_prog_len / 8;
}

Test(log_kernel, a_disabled_level_is_pruned_by_the_verifier)
{
	struct log_test *skel;
	__u32 on, off, base;

	need_root();
	skel = open_load(BPFGEN_LOG_DEBUG, 0);
	on = xlated_insns(skel->progs.prune_with);
	base = xlated_insns(skel->progs.prune_without);
	log_test__destroy(skel);

	skel = open_load(BPFGEN_LOG_INFO, 0);
	off = xlated_insns(skel->progs.prune_with);
	cr_assert_eq(xlated_insns(skel->progs.prune_without), base);
	log_test__destroy(skel);

	/* enabled: the record code; disabled: only the level's load and compare stay */
	cr_expect_gt(on, base + 20, "enabled debug call: %u insns vs %u without", on, base);
	cr_expect_leq(off, base + 4, "disabled debug call: %u insns vs %u without", off, base);
}

Test(log_kernel, drops_are_counted_exactly)
{
	struct got g = {};
	struct log_test *skel;
	struct bpfgen_log *log;
	__u64 records, dropped, malformed;
	const int calls = 1000;

	need_root();
	make_packets();
	/* one page: room for about 128 records of 32 bytes */
	skel = open_load(BPFGEN_LOG_INFO, 4096);
	BPFGEN_OPTS(bpfgen_log_opts, opts, .fn = collect, .ctx = &g);
	log = log_test__log_new(skel, &opts);
	cr_assert_not_null(log);
	cr_assert_eq(run(skel->progs.flood, pkt4, sizeof(pkt4), calls), 0);
	cr_assert_geq(bpfgen_log__consume(log), 1);
	cr_assert_eq(bpfgen_log__counts(log, &records, &dropped, &malformed), 0);
	cr_expect_gt(dropped, 0);
	cr_expect_eq(records + dropped, (__u64)calls, "%llu delivered + %llu dropped != %d",
		     (unsigned long long)records, (unsigned long long)dropped, calls);
	cr_expect_eq(malformed, 0);
	bpfgen_log__free(log);
	log_test__destroy(skel);
}

Test(log_kernel, unknown_sites_are_skipped_and_counted)
{
	struct got g = {};
	struct log_test *skel;
	struct bpfgen_log *log;
	struct bpfgen_log_sites stale = log_test__log_sites;
	__u64 records, malformed;

	need_root();
	make_packets();
	skel = open_load(BPFGEN_LOG_TRACE, 0);
	/* a table that lacks the first site, as a stale build would */
	stale.sites++;
	stale.cnt--;
	BPFGEN_OPTS(bpfgen_log_opts, opts, .fn = collect, .ctx = &g);
	log = bpfgen_log__new(skel->obj, &stale, &opts);
	cr_assert_not_null(log);
	cr_assert_eq(run(skel->progs.log_packet, pkt4, sizeof(pkt4), 1), 0);
	bpfgen_log__consume(log);
	cr_assert_eq(bpfgen_log__counts(log, &records, NULL, &malformed), 0);
	cr_expect_eq(records, 4);
	cr_expect_eq(malformed, 1);
	cr_expect_str_eq(g.msg[0], "mac 02:00:00:00:00:01 proto 17 ttl 64");
	bpfgen_log__free(log);
	log_test__destroy(skel);
}
