// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * ct_traffic: the TCP connections conntrack's test opens, with byte counts
 * it knows in advance (Debian 12's base system has neither socat nor nc).
 *
 *	ct_traffic serve ADDR PORT COUNT
 *	ct_traffic connect ADDR PORT REQUEST REPLY HOLD_MS
 *
 * A client sends an 8-byte header (the request and reply sizes, network
 * order) and REQUEST bytes, reads REPLY bytes, waits HOLD_MS and closes
 * first. The server answers COUNT connections one after the other: it
 * reads the header and the request, writes the reply, and closes once the
 * client has. So the client's side goes ESTABLISHED > FIN_WAIT1 > FIN_WAIT2
 * > CLOSE and the server's ESTABLISHED > CLOSE_WAIT > LAST_ACK > CLOSE.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int parse_addr(const char *text, unsigned int port, struct sockaddr_storage *ss,
		      socklen_t *len)
{
	struct sockaddr_in *in = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, text, &in->sin_addr) == 1) {
		in->sin_family = AF_INET;
		in->sin_port = htons(port);
		*len = sizeof(*in);
		return 0;
	}
	if (inet_pton(AF_INET6, text, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons(port);
		*len = sizeof(*in6);
		return 0;
	}
	return -EINVAL;
}

static int xfer(int fd, char *buf, size_t n, int writing)
{
	while (n) {
		ssize_t r = writing ? write(fd, buf, n) : read(fd, buf, n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return r ? -errno : -EPIPE;
		buf += r;
		n -= r;
	}
	return 0;
}

/* Bytes written or read N at a time, from a buffer of this size. */
#define CHUNK 65536
static char chunk[CHUNK];

static int xfer_len(int fd, unsigned long len, int writing)
{
	int err;

	while (len) {
		size_t n = len < CHUNK ? len : CHUNK;

		err = xfer(fd, chunk, n, writing);
		if (err)
			return err;
		len -= n;
	}
	return 0;
}

static int serve(const struct sockaddr_storage *ss, socklen_t len, int count)
{
	int one = 1, lfd, fd, i, err = 0;
	uint32_t hdr[2];

	lfd = socket(ss->ss_family, SOCK_STREAM, 0);
	if (lfd < 0)
		return -errno;
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(lfd, (const struct sockaddr *)ss, len) || listen(lfd, 16)) {
		err = -errno;
		goto out;
	}
	printf("listening\n");
	fflush(stdout);
	for (i = 0; i < count; i++) {
		fd = accept(lfd, NULL, NULL);
		if (fd < 0) {
			err = -errno;
			goto out;
		}
		err = xfer(fd, (char *)hdr, sizeof(hdr), 0);
		if (!err)
			err = xfer_len(fd, ntohl(hdr[0]), 0);
		if (!err)
			err = xfer_len(fd, ntohl(hdr[1]), 1);
		/* the client closes first: wait for its FIN */
		while (!err && read(fd, chunk, sizeof(chunk)) > 0)
			;
		close(fd);
		if (err)
			goto out;
	}
	printf("served %d\n", count);
out:
	close(lfd);
	return err;
}

static int client(const struct sockaddr_storage *ss, socklen_t len, unsigned long request,
		  unsigned long reply, long hold_ms)
{
	struct sockaddr_storage local;
	socklen_t llen = sizeof(local);
	char addr[INET6_ADDRSTRLEN];
	uint32_t hdr[2] = { htonl(request), htonl(reply) };
	struct timespec ts = { hold_ms / 1000, (hold_ms % 1000) * 1000000 };
	unsigned int port;
	int fd, err = 0;

	fd = socket(ss->ss_family, SOCK_STREAM, 0);
	if (fd < 0)
		return -errno;
	if (connect(fd, (const struct sockaddr *)ss, len) ||
	    getsockname(fd, (struct sockaddr *)&local, &llen)) {
		err = -errno;
		goto out;
	}
	if (local.ss_family == AF_INET6) {
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&local)->sin6_addr, addr, sizeof(addr));
		port = ntohs(((struct sockaddr_in6 *)&local)->sin6_port);
	} else {
		inet_ntop(AF_INET, &((struct sockaddr_in *)&local)->sin_addr, addr, sizeof(addr));
		port = ntohs(((struct sockaddr_in *)&local)->sin_port);
	}
	printf("connected from %s port %u\n", addr, port);
	fflush(stdout);
	err = xfer(fd, (char *)hdr, sizeof(hdr), 1);
	if (!err)
		err = xfer_len(fd, request, 1);
	if (!err)
		err = xfer_len(fd, reply, 0);
	if (err)
		goto out;
	nanosleep(&ts, NULL);
	printf("sent %lu received %lu\n", request + sizeof(hdr), reply);
out:
	close(fd);
	return err;
}

int main(int argc, char **argv)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int err;

	if (argc == 5 && !strcmp(argv[1], "serve")) {
		if (parse_addr(argv[2], atoi(argv[3]), &ss, &len))
			goto usage;
		err = serve(&ss, len, atoi(argv[4]));
	} else if (argc == 7 && !strcmp(argv[1], "connect")) {
		if (parse_addr(argv[2], atoi(argv[3]), &ss, &len))
			goto usage;
		err = client(&ss, len, strtoul(argv[4], NULL, 10), strtoul(argv[5], NULL, 10),
			     atol(argv[6]));
	} else {
		goto usage;
	}
	if (err)
		fprintf(stderr, "ct_traffic %s: %s\n", argv[1], strerror(-err));
	return err ? 1 : 0;
usage:
	fprintf(stderr, "usage: ct_traffic serve ADDR PORT COUNT\n"
		"       ct_traffic connect ADDR PORT REQUEST REPLY HOLD_MS\n");
	return 2;
}
