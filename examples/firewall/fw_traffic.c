// SPDX-License-Identifier: GPL-2.0
/*
 * fw_traffic: the traffic the firewall demo and test send, from a chosen
 * source address (Debian 12's base system has neither ping nor socat).
 *
 *   fw_traffic ping SRC DST COUNT        ICMP echo, 1 s per reply; exit 0 when all came back
 *   fw_traffic udp SRC DST PORT COUNT    send COUNT datagrams
 *   fw_traffic recv ADDR PORT SECONDS    print how many datagrams arrived in SECONDS
 *   fw_traffic tcp SRC DST PORT          one SYN: prints "refused" (the host answered with
 *                                        a reset), "connected" or "no answer" after 0.5 s
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int die(const char *what)
{
	fprintf(stderr, "fw_traffic: %s: %s\n", what, strerror(errno));
	return 2;
}

static int bound_socket(int type, int proto, const char *addr, int port)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(port) };
	int fd = socket(AF_INET, type, proto);

	if (fd < 0)
		return -1;
	if (inet_pton(AF_INET, addr, &sa.sin_addr) != 1) {
		errno = EINVAL;
		close(fd);
		return -1;
	}
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		close(fd);
		return -1;
	}
	return fd;
}

static void set_timeout(int fd, int secs)
{
	struct timeval tv = { .tv_sec = secs };

	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
}

static unsigned short checksum(const void *buf, size_t len)
{
	const unsigned short *p = buf;
	unsigned long sum = 0;

	for (; len > 1; len -= 2)
		sum += *p++;
	if (len)
		sum += *(const unsigned char *)p;
	sum = (sum >> 16) + (sum & 0xffff);
	sum += sum >> 16;
	return ~sum;
}

static int do_ping(const char *src, const char *dst, int count)
{
	struct sockaddr_in to = { .sin_family = AF_INET };
	unsigned short id = getpid() & 0xffff;
	int fd = bound_socket(SOCK_RAW, IPPROTO_ICMP, src, 0);
	int seq, replies = 0;

	if (fd < 0 || inet_pton(AF_INET, dst, &to.sin_addr) != 1)
		return die("ping socket");
	set_timeout(fd, 1);
	for (seq = 1; seq <= count; seq++) {
		/* ping's default size: 8 bytes of header, 56 of payload */
		struct {
			struct icmphdr hdr;
			char payload[56];
		} req = { .hdr.type = ICMP_ECHO };
		char buf[1500];
		time_t deadline = time(NULL) + 1;

		req.hdr.un.echo.id = htons(id);
		req.hdr.un.echo.sequence = htons(seq);
		req.hdr.checksum = checksum(&req, sizeof(req));
		if (sendto(fd, &req, sizeof(req), 0, (struct sockaddr *)&to, sizeof(to)) < 0)
			return die("ping send");
		/* A raw socket sees every ICMP packet: wait for the reply to this one. */
		while (time(NULL) <= deadline) {
			ssize_t n = recv(fd, buf, sizeof(buf), 0);
			struct iphdr *ip = (struct iphdr *)buf;
			struct icmphdr *rep;

			if (n < 0)
				break;
			if (n < (ssize_t)(ip->ihl * 4 + sizeof(*rep)))
				continue;
			rep = (struct icmphdr *)(buf + ip->ihl * 4);
			if (rep->type == ICMP_ECHOREPLY && rep->un.echo.id == htons(id) &&
			    rep->un.echo.sequence == htons(seq)) {
				replies++;
				break;
			}
		}
	}
	printf("ping %s -> %s: %d/%d replies\n", src, dst, replies, count);
	close(fd);
	return replies == count ? 0 : 1;
}

static int do_udp(const char *src, const char *dst, int port, int count)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(port) };
	int fd = bound_socket(SOCK_DGRAM, 0, src, 0);
	int i;

	if (fd < 0 || inet_pton(AF_INET, dst, &to.sin_addr) != 1)
		return die("udp socket");
	for (i = 0; i < count; i++) {
		if (sendto(fd, "bpfgen", 6, 0, (struct sockaddr *)&to, sizeof(to)) < 0)
			return die("udp send");
	}
	printf("udp %s -> %s:%d: %d datagrams sent\n", src, dst, port, count);
	close(fd);
	return 0;
}

static int do_tcp(const char *src, const char *dst, int port)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(port) };
	int fd = bound_socket(SOCK_STREAM | SOCK_NONBLOCK, 0, src, 0);
	struct pollfd pfd;
	const char *what;
	socklen_t len = sizeof(int);
	int err = 0;

	if (fd < 0 || inet_pton(AF_INET, dst, &to.sin_addr) != 1)
		return die("tcp socket");
	if (connect(fd, (struct sockaddr *)&to, sizeof(to)) && errno != EINPROGRESS)
		return die("tcp connect");
	/* 0.5 s is less than the first SYN retransmission (1 s): exactly one SYN goes out. */
	pfd = (struct pollfd){ .fd = fd, .events = POLLOUT };
	if (poll(&pfd, 1, 500) == 1) {
		getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
		what = !err ? "connected" : err == ECONNREFUSED ? "refused" : strerror(err);
	} else {
		what = "no answer";
	}
	printf("tcp %s -> %s:%d: %s\n", src, dst, port, what);
	close(fd);
	return 0;
}

static int do_recv(const char *addr, int port, int secs)
{
	int fd = bound_socket(SOCK_DGRAM, 0, addr, port);
	time_t deadline = time(NULL) + secs;
	int count = 0;
	char buf[64];

	if (fd < 0)
		return die("udp bind");
	printf("listening on %s:%d\n", addr, port);
	fflush(stdout);
	set_timeout(fd, 1);
	while (time(NULL) < deadline) {
		if (recv(fd, buf, sizeof(buf), 0) >= 0)
			count++;
	}
	printf("received %d datagrams on %s:%d\n", count, addr, port);
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "ping"))
		return do_ping(argv[2], argv[3], atoi(argv[4]));
	if (argc == 6 && !strcmp(argv[1], "udp"))
		return do_udp(argv[2], argv[3], atoi(argv[4]), atoi(argv[5]));
	if (argc == 5 && !strcmp(argv[1], "tcp"))
		return do_tcp(argv[2], argv[3], atoi(argv[4]));
	if (argc == 5 && !strcmp(argv[1], "recv"))
		return do_recv(argv[2], atoi(argv[3]), atoi(argv[4]));
	fprintf(stderr, "usage: fw_traffic ping SRC DST COUNT | udp SRC DST PORT COUNT | "
		"recv ADDR PORT SECONDS | tcp SRC DST PORT\n");
	return 2;
}
