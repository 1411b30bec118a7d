// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * bench/log.sh: the same log statement through bpfgen/log.h, bpf_printk
 * and an aya-log-style record, side by side in one run: bytes per record,
 * records per second delivered to userspace, BPF instructions per call, and
 * what each says about drops when the buffer overflows.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "log_bench.bpfgen.h"

#define TRACE_DIR "/sys/kernel/tracing"
#define AYA_RECORD_SIZE 115

static unsigned char pkt[14 + 20 + 8];

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static __u32 xlated(struct bpf_program *prog)
{
	struct bpf_prog_info info = {};
	__u32 len = sizeof(info);

	if (bpf_obj_get_info_by_fd(bpf_program__fd(prog), &info, &len))
		return 0;
	return info.xlated_prog_len / 8;
}

struct run {
	struct bpf_program *prog;
	int repeat, err;
	volatile int done;
	double secs;
};

static void *producer(void *arg)
{
	struct run *r = arg;
	LIBBPF_OPTS(bpf_test_run_opts, o, .data_in = pkt, .data_size_in = sizeof(pkt),
		    .repeat = r->repeat);
	double t0 = now();

	r->err = bpf_prog_test_run_opts(bpf_program__fd(r->prog), &o);
	r->secs = now() - t0;
	r->done = 1;
	return NULL;
}

/* consumers: each returns records delivered so far */
static __u64 bg_delivered;
static int bg_count(void *ctx, const struct bpfgen_log_record *rec)
{
	bg_delivered++;
	return 0;
}

static __u64 aya_delivered, aya_bytes;
static int aya_count(void *ctx, void *data, size_t size)
{
	const unsigned char *p = data, *end = p + size;

	/* walk the fields as a decoder must */
	while (p + 3 <= end) {
		__u16 len;

		memcpy(&len, p + 1, 2);
		p += 3 + len;
	}
	if (p == end)
		aya_delivered++;
	aya_bytes += size;
	return 0;
}

struct printk_reader {
	int fd;
	__u64 lines, bytes;
	char part[4096];
	size_t part_len;
};

static void printk_read(struct printk_reader *pr)
{
	char buf[65536];
	ssize_t n;

	while ((n = read(pr->fd, buf, sizeof(buf))) > 0) {
		ssize_t i;

		for (i = 0; i < n; i++) {
			if (pr->part_len < sizeof(pr->part) - 1)
				pr->part[pr->part_len++] = buf[i];
			if (buf[i] != '\n')
				continue;
			pr->part[pr->part_len] = '\0';
			if (strstr(pr->part, "received a packet from")) {
				pr->lines++;
				pr->bytes += pr->part_len;
			}
			pr->part_len = 0;
		}
	}
}

static void trace_clear(void)
{
	int fd = open(TRACE_DIR "/trace", O_WRONLY | O_TRUNC);

	if (fd >= 0)
		close(fd);
}

enum kind { BPFGEN, PRINTK, AYA };

/* Run PROG REPEAT times while draining its output; records/s delivered. */
static double throughput(struct log_bench *skel, enum kind kind, int repeat, __u64 *delivered,
			 double *prod_secs)
{
	struct bpfgen_log *log = NULL;
	struct ring_buffer *rb = NULL;
	struct printk_reader pr = { .fd = -1 };
	struct run r = { .repeat = repeat };
	pthread_t th;
	double t0, idle_since = 0, secs;
	__u64 got = 0, last = 0;

	BPFGEN_OPTS(bpfgen_log_opts, opts, .fn = bg_count);
	bg_delivered = aya_delivered = 0;
	if (kind == BPFGEN) {
		r.prog = skel->progs.with_bpfgen;
		log = log_bench__log_new(skel, &opts);
	} else if (kind == AYA) {
		r.prog = skel->progs.with_aya;
		rb = ring_buffer__new(bpf_map__fd(skel->maps.aya_ring), aya_count, NULL, NULL);
	} else {
		r.prog = skel->progs.with_printk;
		trace_clear();
		pr.fd = open(TRACE_DIR "/trace_pipe", O_RDONLY | O_NONBLOCK);
	}
	if ((kind == BPFGEN && !log) || (kind == AYA && !rb) || (kind == PRINTK && pr.fd < 0)) {
		fprintf(stderr, "bench: cannot open the consumer: %s\n", strerror(errno));
		exit(1);
	}
	t0 = now();
	pthread_create(&th, NULL, producer, &r);
	for (;;) {
		if (kind == BPFGEN)
			bpfgen_log__consume(log), got = bg_delivered;
		else if (kind == AYA)
			ring_buffer__consume(rb), got = aya_delivered;
		else
			printk_read(&pr), got = pr.lines;
		if (got >= (__u64)repeat)
			break;
		if (got != last) {
			last = got;
			idle_since = 0;
		} else if (r.done) {
			/* the producer is done: what has not come in 200 ms was lost */
			if (!idle_since)
				idle_since = now();
			else if (now() - idle_since > 0.2)
				break;
		}
		if (kind == PRINTK)
			poll(&(struct pollfd){ .fd = pr.fd, .events = POLLIN }, 1, 1);
	}
	secs = (idle_since ? idle_since : now()) - t0;
	pthread_join(th, NULL);
	*delivered = got;
	*prod_secs = r.secs;
	bpfgen_log__free(log);
	ring_buffer__free(rb);
	if (pr.fd >= 0)
		close(pr.fd);
	return got / secs;
}

static struct log_bench *load(__u32 ring_size)
{
	struct log_bench *skel = log_bench__open();

	if (!skel)
		return NULL;
	bpf_map__set_max_entries(skel->maps.bpfgen_log_ring, ring_size);
	bpf_map__set_max_entries(skel->maps.aya_ring, ring_size);
	if (log_bench__load(skel)) {
		log_bench__destroy(skel);
		return NULL;
	}
	return skel;
}

int main(int argc, char **argv)
{
	int repeat = argc > 1 ? atoi(argv[1]) : 200000;
	int over = argc > 2 ? atoi(argv[2]) : 100000;
	static const char *const names[] = { "bpfgen/log.h", "bpf_printk", "aya-log style" };
	double rate[3], prod[3];
	__u64 got[3], bytes_rec[3];
	__u32 insns[3], base;
	struct log_bench *skel;
	int k;

	if (geteuid()) {
		fprintf(stderr, "bench: needs root (loads BPF programs)\n");
		return 77;
	}
	memset(pkt, 0, sizeof(pkt));
	pkt[12] = 0x08;
	pkt[14] = 0x45;
	pkt[14 + 9] = 17;
	memcpy(pkt + 14 + 12, "\x0a\x01\x02\x03", 4);
	pkt[14 + 20 + 2] = 0x1f;
	pkt[14 + 20 + 3] = 0x90;

	skel = load(1 << 26);
	if (!skel) {
		fprintf(stderr, "bench: cannot load log_bench.bpf.o\n");
		return 1;
	}
	base = xlated(skel->progs.base);
	insns[BPFGEN] = xlated(skel->progs.with_bpfgen) - base;
	insns[PRINTK] = xlated(skel->progs.with_printk) - base;
	insns[AYA] = xlated(skel->progs.with_aya) - base;

	for (k = 0; k < 3; k++)
		rate[k] = throughput(skel, k, repeat, &got[k], &prod[k]);
	/* bytes a record carries: the ring payload, or the text trace_pipe hands over */
	bytes_rec[BPFGEN] = sizeof(struct bpfgen_log_hdr) + 4 + 2;
	bytes_rec[AYA] = AYA_RECORD_SIZE;
	{
		struct printk_reader pr = { .fd = open(TRACE_DIR "/trace_pipe", O_RDONLY | O_NONBLOCK) };
		LIBBPF_OPTS(bpf_test_run_opts, o, .data_in = pkt, .data_size_in = sizeof(pkt), .repeat = 10);

		trace_clear();
		bpf_prog_test_run_opts(bpf_program__fd(skel->progs.with_printk), &o);
		usleep(100000);
		printk_read(&pr);
		bytes_rec[PRINTK] = pr.lines ? pr.bytes / pr.lines : 0;
		close(pr.fd);
	}
	log_bench__destroy(skel);

	printf("\n%d records each, drained while produced (producer: BPF_PROG_TEST_RUN on one CPU)\n", repeat);
	printf("%-14s %12s %12s %14s %12s %12s\n", "", "bytes/record", "insns/call", "records/s", "delivered",
	       "producer s");
	for (k = 0; k < 3; k++)
		printf("%-14s %12llu %12u %14.0f %12llu %12.3f\n", names[k], (unsigned long long)bytes_rec[k],
		       insns[k], rate[k], (unsigned long long)got[k], prod[k]);
	printf("ratios: bpfgen record size / aya-log %.2f (target <= 0.25); "
	       "bpfgen records/s / bpf_printk %.1f (target >= 2)\n",
	       (double)bytes_rec[BPFGEN] / bytes_rec[AYA], rate[BPFGEN] / rate[PRINTK]);

	/* overload: a 4 KiB ring, nobody draining during the run */
	skel = load(4096);
	if (!skel)
		return 1;
	{
		LIBBPF_OPTS(bpf_test_run_opts, o, .data_in = pkt, .data_size_in = sizeof(pkt), .repeat = over);
		BPFGEN_OPTS(bpfgen_log_opts, opts, .fn = bg_count);
		struct bpfgen_log *log = log_bench__log_new(skel, &opts);
		struct ring_buffer *rb = ring_buffer__new(bpf_map__fd(skel->maps.aya_ring), aya_count, NULL, NULL);
		__u64 records = 0, dropped = 0;

		bg_delivered = aya_delivered = 0;
		bpf_prog_test_run_opts(bpf_program__fd(skel->progs.with_bpfgen), &o);
		bpf_prog_test_run_opts(bpf_program__fd(skel->progs.with_aya), &o);
		bpfgen_log__consume(log);
		bpfgen_log__counts(log, &records, &dropped, NULL);
		ring_buffer__consume(rb);
		printf("\noverload: %d calls into a 4 KiB ring, drained after the run\n", over);
		printf("%-14s delivered %llu, dropped (counted) %llu, unaccounted %lld: %s\n", names[BPFGEN],
		       (unsigned long long)records, (unsigned long long)dropped,
		       (long long)over - (long long)(records + dropped),
		       records + dropped == (__u64)over ? "exact" : "NOT EXACT");
		printf("%-14s delivered %llu, dropped (counted) none: %lld lost silently\n", names[AYA],
		       (unsigned long long)aya_delivered, (long long)over - (long long)aya_delivered);
		printf("%-14s the trace buffer overwrites old lines; nothing counts them\n", names[PRINTK]);
		bpfgen_log__free(log);
		ring_buffer__free(rb);
		log_bench__destroy(skel);
		if (records + dropped != (__u64)over)
			return 1;
	}
	return 0;
}
