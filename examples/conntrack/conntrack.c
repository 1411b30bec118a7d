// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * conntrack: tracks the TCP connections of the processes in one cgroup (v2).
 *
 *	conntrack -c CGROUP [-p PIN] [-i MS] [--fresh] [--unpin] [--level LEVEL]
 *
 * Prints each connection as it opens and a summary of each as it closes
 * (bytes, segments, smoothed RTT, retransmissions, the TCP states it went
 * through, how long it lived); with -i, the open connections every MS
 * milliseconds. The closed connections are kept in an LRU map pinned at PIN
 * in bpffs: the next run reuses it and prints what it holds first, so the
 * flows recorded before a restart are not lost. Ctrl-C or SIGTERM detaches.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <bpfgen/runtime.h>

#include "conntrack.h"
#include "conntrack.bpfgen.h"

#define DEFAULT_PIN "/sys/fs/bpf/conntrack_flows"

struct ct_state {
	struct conntrack *skel;
	unsigned long opened, closed;
};

static const char *const state_names[] = {
	[CT_TCP_ESTABLISHED] = "ESTABLISHED", [CT_TCP_SYN_SENT] = "SYN_SENT",
	[CT_TCP_SYN_RECV] = "SYN_RECV", [CT_TCP_FIN_WAIT1] = "FIN_WAIT1",
	[CT_TCP_FIN_WAIT2] = "FIN_WAIT2", [CT_TCP_TIME_WAIT] = "TIME_WAIT",
	[CT_TCP_CLOSE] = "CLOSE", [CT_TCP_CLOSE_WAIT] = "CLOSE_WAIT",
	[CT_TCP_LAST_ACK] = "LAST_ACK", [CT_TCP_LISTEN] = "LISTEN",
	[CT_TCP_CLOSING] = "CLOSING",
};

static void usage(FILE *f)
{
	fprintf(f, "usage: conntrack -c CGROUP [-p PIN] [-i MS] [--fresh] [--unpin] [--level LEVEL]\n"
		"  -c, --cgroup DIR   track the TCP connections of the processes in this cgroup (v2)\n"
		"  -p, --pin PATH     the map of closed connections in bpffs (default " DEFAULT_PIN ");\n"
		"                     reused when it exists, so the flows of earlier runs are kept\n"
		"  -i, --interval MS  print the open connections every MS milliseconds\n"
		"      --fresh        forget the flows of earlier runs (unpin the old map first)\n"
		"      --unpin        remove the pinned map on exit\n"
		"  -l, --level LEVEL  the BPF side's log level: off, error, warn, info, debug, trace\n");
}

/* "ADDR:PORT", or "[ADDR]:PORT" for IPv6. */
static const char *endpoint(const struct ct_flow *f, const __u32 addr[4], __u16 port,
			    char *buf, size_t size)
{
	char a[INET6_ADDRSTRLEN];

	if (f->family == AF_INET6) {
		inet_ntop(AF_INET6, addr, a, sizeof(a));
		snprintf(buf, size, "[%s]:%u", a, port);
	} else {
		inet_ntop(AF_INET, addr, a, sizeof(a));
		snprintf(buf, size, "%s:%u", a, port);
	}
	return buf;
}

static void print_head(const char *what, const struct ct_flow *f)
{
	char l[INET6_ADDRSTRLEN + 8], r[INET6_ADDRSTRLEN + 8];

	printf("%-7s %llu %s %s -> %s", what, (unsigned long long)f->cookie,
	       f->role == CT_ACTIVE ? "active" : f->role == CT_PASSIVE ? "passive" : "?",
	       endpoint(f, f->local, f->local_port, l, sizeof(l)),
	       endpoint(f, f->remote, f->remote_port, r, sizeof(r)));
}

static void print_counters(const struct ct_flow *f)
{
	printf(" acked %llu received %llu segs out %u in %u data-segs out %u in %u srtt %uus retrans %u rtt-samples %u",
	       (unsigned long long)f->bytes_acked, (unsigned long long)f->bytes_received,
	       f->segs_out, f->segs_in, f->data_segs_out, f->data_segs_in, f->srtt_us,
	       f->total_retrans, f->rtt_samples);
}

/* A closed connection: WHAT is "close" as it happens, "earlier" from the pinned map. */
static void print_summary(const char *what, const struct ct_flow *f)
{
	unsigned int i, n = f->nr_states < CT_MAX_STATES ? f->nr_states : CT_MAX_STATES;

	print_head(what, f);
	print_counters(f);
	printf(" states ");
	for (i = 0; i < n; i++) {
		__u8 s = f->states[i];

		printf("%s%s", i ? ">" : "",
		       s < sizeof(state_names) / sizeof(state_names[0]) && state_names[s] ? state_names[s] : "?");
	}
	printf(" lasted %.3fms\n", (double)(f->end_ns - f->start_ns) / 1e6);
}

static int on_event(void *ctx, const struct ct_event *e)
{
	struct ct_state *st = ctx;

	switch (e->kind) {
	case CT_OPEN:
		print_head("open", &e->flow);
		printf("\n");
		st->opened++;
		break;
	case CT_CLOSE:
		print_summary("close", &e->flow);
		st->closed++;
		break;
	}
	return 0;
}

static __u64 now_ns(void)
{
	struct timespec ts;

	/* bpf_ktime_get_ns() is CLOCK_MONOTONIC */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

/* The open connections, from the live map. */
static int print_live(void *ctx)
{
	struct ct_state *st = ctx;
	__u64 key, next, now = now_ns();
	struct ct_flow f;
	bool first = true;
	int err;

	for (;;) {
		err = conntrack_live_next_key(st->skel, first ? NULL : &key, &next);
		if (err == -ENOENT)
			break;
		if (err) {
			fprintf(stderr, "conntrack: map 'live': %s\n", strerror(-err));
			return 0;
		}
		first = false;
		key = next;
		/* closed meanwhile: the next key is still found from a missing one */
		if (conntrack_live_lookup(st->skel, &key, &f))
			continue;
		print_head("live", &f);
		print_counters(&f);
		printf(" age %.3fs\n", (double)(now - f.start_ns) / 1e9);
	}
	fflush(stdout);
	return 0;
}

static int cmp_end(const void *a, const void *b)
{
	const struct ct_flow *x = a, *y = b;

	return x->end_ns < y->end_ns ? -1 : x->end_ns > y->end_ns;
}

/*
 * Print the closed connections of the flows map, oldest first, when PRINT;
 * returns how many there are, or a negative errno.
 */
static long walk_flows(struct conntrack *skel, bool print)
{
	size_t cap = 0, n = 0, i;
	struct ct_flow *all = NULL, *grown;
	__u64 key, next;
	bool first = true;
	long err = 0;

	for (;;) {
		err = conntrack_flows_next_key(skel, first ? NULL : &key, &next);
		if (err == -ENOENT) {
			err = 0;
			break;
		}
		if (err)
			goto out;
		first = false;
		key = next;
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			grown = realloc(all, cap * sizeof(*all));
			if (!grown) {
				err = -ENOMEM;
				goto out;
			}
			all = grown;
		}
		/* evicted by the LRU since next_key: skip it */
		if (conntrack_flows_lookup(skel, &key, &all[n]))
			continue;
		n++;
	}
	if (print) {
		qsort(all, n, sizeof(*all), cmp_end);
		for (i = 0; i < n; i++)
			print_summary("earlier", &all[i]);
	}
	err = n;
out:
	free(all);
	return err;
}

static int parse_level(const char *s)
{
	static const char *const names[] = { "off", "error", "warn", "info", "debug", "trace" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(s, names[i]))
			return (int)i;
	return -1;
}

int main(int argc, char **argv)
{
	enum { OPT_FRESH = 256, OPT_UNPIN };
	static const struct option longopts[] = {
		{ "cgroup", required_argument, NULL, 'c' },
		{ "pin", required_argument, NULL, 'p' },
		{ "interval", required_argument, NULL, 'i' },
		{ "fresh", no_argument, NULL, OPT_FRESH },
		{ "unpin", no_argument, NULL, OPT_UNPIN },
		{ "level", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cgroup = NULL, *pin = DEFAULT_PIN;
	int level = BPFGEN_LOG_INFO, interval_ms = 0, cg_fd = -1, c;
	bool fresh = false, unpin = false, reused = false, pinned = false;
	struct ct_state st = { 0 };
	struct bpfgen_loop *loop = NULL;
	struct bpfgen_log *log = NULL;
	struct ring_buffer *rb = NULL;
	struct conntrack *skel = NULL;
	long n;
	int err;

	while ((c = getopt_long(argc, argv, "c:p:i:l:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			cgroup = optarg;
			break;
		case 'p':
			pin = optarg;
			break;
		case 'i': {
			char *end;

			errno = 0;
			interval_ms = strtol(optarg, &end, 10);
			if (errno || end == optarg || *end || interval_ms < 10 || interval_ms > 3600000) {
				fprintf(stderr, "conntrack: bad interval '%s': 10 to 3600000 ms\n", optarg);
				return 2;
			}
			break;
		}
		case OPT_FRESH:
			fresh = true;
			break;
		case OPT_UNPIN:
			unpin = true;
			break;
		case 'l':
			level = parse_level(optarg);
			if (level < 0) {
				fprintf(stderr, "conntrack: unknown level '%s'\n", optarg);
				return 2;
			}
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (!cgroup || optind != argc) {
		usage(stderr);
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);

	/* first: from here SIGINT and SIGTERM stop the loop, even during load */
	loop = bpfgen_loop__new(NULL);
	if (!loop) {
		err = -errno;
		fprintf(stderr, "conntrack: cannot create the event loop: %s\n", strerror(errno));
		goto out;
	}
	cg_fd = open(cgroup, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (cg_fd < 0) {
		err = -errno;
		fprintf(stderr, "conntrack: cgroup '%s': %s\n", cgroup, strerror(errno));
		goto out;
	}
	skel = conntrack__open();
	if (!skel) {
		err = -errno;
		fprintf(stderr, "conntrack: cannot open the BPF object: %s\n", strerror(errno));
		goto out;
	}
	st.skel = skel;
	conntrack__log_level_set(skel, level);

	/* the map of an earlier run, if there is one: before load */
	if (fresh) {
		err = conntrack_flows_unpin(skel, pin);
		if (err && err != -ENOENT) {
			fprintf(stderr, "conntrack: cannot unpin '%s': %s\n", pin, strerror(-err));
			goto out;
		}
		if (!err)
			fprintf(stderr, "conntrack: unpinned the flows of earlier runs at %s\n", pin);
	}
	err = conntrack_flows_reuse(skel, pin);
	if (err && err != -ENOENT) {
		fprintf(stderr, "conntrack: cannot reuse the map pinned at '%s': %s\n", pin,
			strerror(-err));
		goto out;
	}
	reused = !err;

	/* a verifier refusal is printed at its source line, with an explanation */
	err = bpfgen_skel__load(skel->skeleton, NULL, NULL);
	if (err)
		goto out;
	if (reused) {
		n = walk_flows(skel, false);
		if (n < 0) {
			err = n;
			fprintf(stderr, "conntrack: map 'flows': %s\n", strerror(-err));
			goto out;
		}
		fprintf(stderr, "conntrack: reusing the map pinned at %s: %ld closed connections "
			"recorded before\n", pin, n);
		walk_flows(skel, true);
	} else {
		err = conntrack_flows_pin(skel, pin);
		if (err) {
			fprintf(stderr, "conntrack: cannot pin the flows map at '%s': %s\n", pin,
				strerror(-err));
			goto out;
		}
		pinned = true;
		fprintf(stderr, "conntrack: pinned a new map of closed connections at %s\n", pin);
	}

	err = bpfgen_loop__add_skeleton(loop, skel->skeleton);
	if (err)
		goto out;
	if (!conntrack_track_attach(skel, cg_fd)) {
		err = -errno;
		fprintf(stderr, "conntrack: cannot attach to cgroup '%s': %s\n", cgroup, strerror(errno));
		goto out;
	}
	rb = conntrack_events_ring(skel, on_event, &st);
	log = conntrack__log_new(skel, NULL);
	if (!rb || !log) {
		err = -errno;
		fprintf(stderr, "conntrack: cannot open the event and log rings: %s\n", strerror(errno));
		goto out;
	}
	err = bpfgen_loop__add_ring(loop, rb, "events");
	if (!err)
		err = bpfgen_loop__add_log(loop, log);
	if (!err && interval_ms)
		err = bpfgen_loop__add_timer(loop, interval_ms, print_live, &st);
	if (err)
		goto out;
	fprintf(stderr, "conntrack: attached to cgroup %s; Ctrl-C to stop\n", cgroup);

	/* until Ctrl-C or SIGTERM; then the link is detached and the rings drained */
	err = bpfgen_loop__run(loop);
	if (err) {
		fprintf(stderr, "conntrack: event loop: %s\n", strerror(-err));
		goto out;
	}
	fprintf(stderr, "conntrack: %lu opened, %lu closed while attached\n", st.opened, st.closed);
	n = walk_flows(skel, false);
	if (n >= 0)
		fprintf(stderr, "conntrack: %ld closed connections in %s\n", n, pin);
	if (unpin) {
		err = conntrack_flows_unpin(skel, pin);
		if (err)
			fprintf(stderr, "conntrack: cannot unpin '%s': %s\n", pin, strerror(-err));
		else
			fprintf(stderr, "conntrack: unpinned %s\n", pin);
	} else {
		fprintf(stderr, "conntrack: kept pinned at %s for the next run (--unpin removes it)\n", pin);
	}
	pinned = false;
out:
	/* a run that failed after pinning a new map leaves nothing behind */
	if (pinned && conntrack_flows_unpin(skel, pin))
		fprintf(stderr, "conntrack: cannot unpin '%s': remove it by hand\n", pin);
	bpfgen_loop__free(loop);
	conntrack__ring_free(rb);
	bpfgen_log__free(log);
	conntrack__destroy(skel);
	if (cg_fd >= 0)
		close(cg_fd);
	return err ? 1 : 0;
}
