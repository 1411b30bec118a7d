// SPDX-License-Identifier: GPL-2.0
/*
 * firewall: drops IPv4 packets from listed sources on one interface with XDP.
 *
 *   firewall -i IFACE [-S] ADDR[:PORT]...
 *
 * ADDR alone drops every packet from ADDR; ADDR:PORT drops the UDP and TCP
 * packets from ADDR to destination port PORT. Each drop is printed as it
 * happens; Ctrl-C or SIGTERM detaches the program and prints the per-rule
 * counters.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/if_link.h>
#include <bpf/libbpf.h>
#include <bpfgen/runtime.h>

#include "firewall.h"
#include "firewall.bpfgen.h"

struct fw_rule {
	const char *text;	/* as given on the command line */
	struct fw_key key;
};

struct fw_state {
	struct fw_rule *rules;
	int nr_rules;
	__s64 realtime_offset_ns;	/* CLOCK_REALTIME - CLOCK_MONOTONIC */
	unsigned long events;
};

static void usage(FILE *f)
{
	fprintf(f, "usage: firewall -i IFACE [-S] ADDR[:PORT]...\n"
		"  -i IFACE   attach to this interface\n"
		"  -S         attach in generic (skb) mode instead of the driver's mode\n"
		"  ADDR       drop every IPv4 packet from ADDR\n"
		"  ADDR:PORT  drop UDP and TCP packets from ADDR to destination port PORT\n");
}

/* Parses "A.B.C.D" or "A.B.C.D:PORT" into a key; returns 0 or -EINVAL. */
static int parse_rule(const char *text, struct fw_key *key)
{
	char addr[INET_ADDRSTRLEN];
	const char *colon = strchr(text, ':');
	size_t n = colon ? (size_t)(colon - text) : strlen(text);
	struct in_addr in;

	memset(key, 0, sizeof(*key));
	if (n == 0 || n >= sizeof(addr))
		return -EINVAL;
	memcpy(addr, text, n);
	addr[n] = '\0';
	if (inet_pton(AF_INET, addr, &in) != 1)
		return -EINVAL;
	key->saddr = in.s_addr;
	if (colon) {
		char *end;
		long port;

		errno = 0;
		port = strtol(colon + 1, &end, 10);
		if (errno || end == colon + 1 || *end || port < 1 || port > 65535)
			return -EINVAL;
		key->dport = htons((__u16)port);
	}
	return 0;
}

static const char *proto_name(__u8 protocol, char *buf, size_t size)
{
	switch (protocol) {
	case IPPROTO_ICMP: return "icmp";
	case IPPROTO_TCP: return "tcp";
	case IPPROTO_UDP: return "udp";
	}
	snprintf(buf, size, "proto %u", protocol);
	return buf;
}

static int on_event(void *ctx, const struct fw_event *e)
{
	struct fw_state *st = ctx;
	char addr[INET_ADDRSTRLEN], proto[16], when[32];
	__s64 ns;
	time_t secs;
	struct tm tm;

	ns = (__s64)e->ts_ns + st->realtime_offset_ns;
	secs = ns / 1000000000;
	localtime_r(&secs, &tm);
	strftime(when, sizeof(when), "%H:%M:%S", &tm);
	inet_ntop(AF_INET, &e->saddr, addr, sizeof(addr));
	printf("%s.%06lld drop %s", when, (long long)(ns % 1000000000) / 1000,
	       proto_name(e->protocol, proto, sizeof(proto)));
	printf(" from %s", addr);
	if (e->dport)
		printf(" to port %u", ntohs(e->dport));
	printf(" len %u rule %u", e->len, e->rule);
	if (e->rule < (__u32)st->nr_rules)
		printf(" (%s)", st->rules[e->rule].text);
	printf("\n");
	st->events++;
	return 0;
}

static __s64 realtime_offset_ns(void)
{
	struct timespec rt, mono;

	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	return (rt.tv_sec - mono.tv_sec) * 1000000000LL + (rt.tv_nsec - mono.tv_nsec);
}

/* Prints every rule's counters; returns 0 or the first lookup's -errno. */
static int print_counters(struct firewall *skel, const struct fw_state *st)
{
	unsigned long long total = 0;
	int i, err, first_err = 0;

	printf("per-rule counters:\n");
	for (i = 0; i < st->nr_rules; i++) {
		struct fw_counter c;
		__u32 idx = i;

		err = firewall_counters_lookup(skel, &idx, &c);
		if (err) {
			fprintf(stderr, "firewall: map 'counters': lookup of rule %d: %s\n", i,
				strerror(-err));
			if (!first_err)
				first_err = err;
			continue;
		}
		printf("  rule %d %-21s %llu packets %llu bytes\n", i, st->rules[i].text,
		       (unsigned long long)c.packets, (unsigned long long)c.bytes);
		total += c.packets;
	}
	/* The counters are exact; events are lost when the ring buffer is full. */
	if (!first_err && total > st->events)
		printf("%llu drops not reported as events (ring buffer full)\n", total - st->events);
	return first_err;
}

int main(int argc, char **argv)
{
	struct fw_state st = { 0 };
	struct firewall *skel = NULL;
	struct ring_buffer *ring = NULL;
	struct bpfgen_loop *loop = NULL;
	const char *ifname = NULL;
	int ifindex, opt, i;
	__u32 xdp_flags = 0;
	bool attached = false;
	int err;

	while ((opt = getopt(argc, argv, "i:Sh")) != -1) {
		switch (opt) {
		case 'i':
			ifname = optarg;
			break;
		case 'S':
			xdp_flags = XDP_FLAGS_SKB_MODE;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (!ifname || optind == argc) {
		usage(stderr);
		return 2;
	}
	st.nr_rules = argc - optind;
	if (st.nr_rules > FW_MAX_RULES) {
		fprintf(stderr, "firewall: %d rules, at most %d\n", st.nr_rules, FW_MAX_RULES);
		return 2;
	}
	st.rules = calloc(st.nr_rules, sizeof(*st.rules));
	if (!st.rules)
		return 1;
	for (i = 0; i < st.nr_rules; i++) {
		st.rules[i].text = argv[optind + i];
		if (parse_rule(st.rules[i].text, &st.rules[i].key)) {
			fprintf(stderr, "firewall: bad rule '%s': expected ADDR or ADDR:PORT\n",
				st.rules[i].text);
			free(st.rules);
			return 2;
		}
	}
	ifindex = if_nametoindex(ifname);
	if (!ifindex) {
		fprintf(stderr, "firewall: interface '%s': %s\n", ifname, strerror(errno));
		free(st.rules);
		return 1;
	}

	/* Output goes to pipes and files in the demo: one line at a time. */
	setvbuf(stdout, NULL, _IOLBF, 0);

	/* first: from here SIGINT and SIGTERM stop the loop, even during load */
	loop = bpfgen_loop__new(NULL);
	if (!loop) {
		err = -errno;
		fprintf(stderr, "firewall: cannot create the event loop: %s\n", strerror(errno));
		goto out;
	}
	skel = firewall__open();
	if (!skel) {
		err = -errno;
		fprintf(stderr, "firewall: failed to open the BPF object: %s\n", strerror(errno));
		goto out;
	}
	/* a verifier refusal is printed at its source line, with an explanation */
	err = bpfgen_skel__load(skel->skeleton, NULL, NULL);
	if (err)
		goto out;
	for (i = 0; i < st.nr_rules; i++) {
		__u32 idx = i;

		err = firewall_rules_update(skel, &st.rules[i].key, &idx, BPF_NOEXIST);
		if (err) {
			fprintf(stderr, "firewall: rule %d '%s': %s\n", i, st.rules[i].text,
				err == -EEXIST ? "a duplicate of an earlier rule" : strerror(-err));
			goto out;
		}
	}

	ring = firewall_events_ring(skel, on_event, &st);
	if (!ring) {
		err = -errno;
		fprintf(stderr, "firewall: ring buffer 'events': %s\n", strerror(errno));
		goto out;
	}
	err = bpfgen_loop__add_ring(loop, ring, "events");
	if (err)
		goto out;

	/* Never replace a program someone else attached. */
	err = firewall_filter_attach(skel, ifindex, xdp_flags | XDP_FLAGS_UPDATE_IF_NOEXIST);
	if (err) {
		fprintf(stderr, "firewall: attach to '%s': %s\n", ifname,
			err == -EBUSY || err == -EEXIST ? "it already has an XDP program" :
			strerror(-err));
		goto out;
	}
	attached = true;
	st.realtime_offset_ns = realtime_offset_ns();
	printf("attached to %s (ifindex %d, %s mode), %d rule%s; Ctrl-C to stop\n", ifname,
	       ifindex, xdp_flags & XDP_FLAGS_SKB_MODE ? "skb" : "native", st.nr_rules,
	       st.nr_rules == 1 ? "" : "s");
	for (i = 0; i < st.nr_rules; i++)
		printf("  rule %d: drop %s\n", i, st.rules[i].text);

	/* until Ctrl-C or SIGTERM */
	err = bpfgen_loop__run(loop);
	if (err) {
		fprintf(stderr, "firewall: event loop: %s\n", strerror(-err));
		goto out;
	}

	/* Detach first, then read what is left, so no drop goes unreported. */
	err = firewall_filter_detach(skel, ifindex, xdp_flags);
	attached = false;
	if (err) {
		fprintf(stderr, "firewall: detach from '%s': %s\n", ifname, strerror(-err));
		goto out;
	}
	printf("detached from %s\n", ifname);
	ring_buffer__consume(ring);
	printf("%lu drop events\n", st.events);
	err = print_counters(skel, &st);
out:
	if (attached && firewall_filter_detach(skel, ifindex, xdp_flags))
		fprintf(stderr, "firewall: detach from '%s' failed: 'ip link set dev %s xdp off' "
			"removes the program\n", ifname, ifname);
	bpfgen_loop__free(loop);
	firewall__ring_free(ring);
	firewall__destroy(skel);
	free(st.rules);
	return err ? 1 : 0;
}
