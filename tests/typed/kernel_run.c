// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * kernel_run MODE ARGS...: runs a typed-layer program of tests/typed in the
 * running kernel and checks what it did, for the program types the generic
 * loader (tests/kernel/loader.c) can only load:
 *
 *   flow OBJ PROG PKT ACTION [FIELD=N...]    BPF_PROG_TEST_RUN on packet PKT
 *       (tcp4, udp4, icmp4, arp): the return value is ACTION and each flow
 *       key FIELD (nhoff, thoff, ip_proto, n_proto, sport, dport; host
 *       order) is N
 *   syscall OBJ PROG RET IN_HEX OUT_HEX      BPF_PROG_TEST_RUN with IN as
 *       the context: the program returns RET and leaves OUT in it
 *   reuseport OBJ PROG                       a UDP reuseport group of two
 *       sockets with PROG attached: a datagram "pass" arrives, "drop" does not
 *   netfilter OBJ PROG                       a netfilter link on IPv4
 *       LOCAL_OUT: a datagram sent to 127.0.0.1 runs PROG, and after the link
 *       is closed another one does not
 *   iter OBJ PROG TEXT                       the iterator's output contains TEXT,
 *       where "%PID%" is this process's pid (a task iterator sees it)
 *   freplace TOBJ TPROG FUNC OBJ PROG BEFORE AFTER   TPROG (XDP) test-runs to
 *       BEFORE; with PROG replacing its function FUNC, to AFTER; and to
 *       BEFORE again once the link is gone
 *   struct_ops OBJ MAP                       registers struct_ops MAP (a TCP
 *       congestion control), runs a TCP connection over loopback with it
 *       and unregisters it
 *
 * The programs that count their runs do so in an array map named "runs".
 * Exit: 0 pass, 1 fail, 77 skipped (the reason is printed), 2 usage.
 */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <linux/bpf.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#define SKIP 77

/* Linux 6.4, newer than the uapi headers libbpf 1.1 builds with */
#define PROG_TYPE_NETFILTER 32
#define ATTACH_NETFILTER 45
#define NFPROTO_IPV4 2
#define NF_INET_LOCAL_OUT 3

static int print_fn(enum libbpf_print_level level, const char *fmt, va_list args)
{
	if (level == LIBBPF_DEBUG)
		return 0;
	return vfprintf(stderr, fmt, args);
}

static int fail(const char *fmt, ...)
{
	va_list ap;

	printf("FAIL: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	return 1;
}

/*
 * Opens OBJ. libbpf 1.1 does not know SEC("netfilter"): such programs get
 * their type here, as a newer libbpf would give them.
 */
static struct bpf_object *open_obj(const char *path)
{
	struct bpf_object *obj = bpf_object__open_file(path, NULL);
	struct bpf_program *prog;

	if (!obj) {
		fail("open '%s': %s", path, strerror(errno));
		return NULL;
	}
	bpf_object__for_each_program(prog, obj) {
		if (bpf_program__type(prog) == BPF_PROG_TYPE_UNSPEC &&
		    !strcmp(bpf_program__section_name(prog), "netfilter")) {
			bpf_program__set_type(prog, PROG_TYPE_NETFILTER);
			bpf_program__set_expected_attach_type(prog, ATTACH_NETFILTER);
		}
	}
	return obj;
}

static struct bpf_object *load_obj(const char *path)
{
	struct bpf_object *obj = open_obj(path);
	int err;

	if (!obj)
		return NULL;
	err = bpf_object__load(obj);
	if (err) {
		fail("load '%s': %s", path, strerror(-err));
		bpf_object__close(obj);
		return NULL;
	}
	return obj;
}

static int prog_fd(struct bpf_object *obj, const char *name)
{
	struct bpf_program *prog = bpf_object__find_program_by_name(obj, name);

	if (!prog) {
		fail("no program '%s'", name);
		return -ENOENT;
	}
	return bpf_program__fd(prog);
}

/* runs[0] of OBJ, or -1 */
static long long runs(struct bpf_object *obj)
{
	struct bpf_map *map = bpf_object__find_map_by_name(obj, "runs");
	__u32 zero = 0;
	__u64 n;

	if (!map || bpf_map_lookup_elem(bpf_map__fd(map), &zero, &n))
		return -1;
	return (long long)n;
}

/* ---- flow ---------------------------------------------------------------- */

/* Ethernet + IPv4 (10.0.0.1 -> 10.0.0.2) + 20 bytes of transport; or an ARP. */
static int build_packet(const char *kind, unsigned char *pkt, size_t size)
{
	unsigned char *ip = pkt + 14, *l4 = ip + 20;
	int proto, sport = 0, dport = 0;

	memset(pkt, 0, size);
	if (!strcmp(kind, "arp")) {
		pkt[12] = 0x08, pkt[13] = 0x06;
		return 14 + 28;
	}
	if (!strcmp(kind, "tcp4"))
		proto = IPPROTO_TCP, sport = 1234, dport = 80;
	else if (!strcmp(kind, "udp4"))
		proto = IPPROTO_UDP, sport = 5353, dport = 53;
	else if (!strcmp(kind, "icmp4"))
		proto = IPPROTO_ICMP;
	else
		return -EINVAL;
	pkt[12] = 0x08, pkt[13] = 0x00;
	ip[0] = 0x45;
	ip[3] = 40;	/* total length */
	ip[8] = 64;	/* ttl */
	ip[9] = proto;
	ip[12] = 10, ip[15] = 1;
	ip[16] = 10, ip[19] = 2;
	l4[0] = sport >> 8, l4[1] = sport & 0xff;
	l4[2] = dport >> 8, l4[3] = dport & 0xff;
	return 14 + 40;
}

static long flow_field(const struct bpf_flow_keys *k, const char *name)
{
	if (!strcmp(name, "nhoff"))
		return k->nhoff;
	if (!strcmp(name, "thoff"))
		return k->thoff;
	if (!strcmp(name, "ip_proto"))
		return k->ip_proto;
	if (!strcmp(name, "n_proto"))
		return ntohs(k->n_proto);
	if (!strcmp(name, "sport"))
		return ntohs(k->sport);
	if (!strcmp(name, "dport"))
		return ntohs(k->dport);
	return -1;
}

static int run_flow(int argc, char **argv)
{
	unsigned char pkt[128];
	struct bpf_flow_keys keys;
	struct bpf_object *obj;
	int fd, len, i, err = 1;

	if (argc < 4)
		return 2;
	len = build_packet(argv[2], pkt, sizeof(pkt));
	if (len < 0)
		return fail("unknown packet '%s'", argv[2]);
	obj = load_obj(argv[0]);
	if (!obj)
		return 1;
	fd = prog_fd(obj, argv[1]);
	if (fd >= 0) {
		LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = pkt, .data_size_in = len,
			    .data_out = &keys, .data_size_out = sizeof(keys));

		memset(&keys, 0, sizeof(keys));
		if (bpf_prog_test_run_opts(fd, &opts)) {
			fail("%s: test run: %s", argv[1], strerror(errno));
			goto out;
		}
		if ((int)opts.retval != atoi(argv[3])) {
			fail("%s on %s: returned %d, expected %s", argv[1], argv[2], (int)opts.retval,
			     argv[3]);
			goto out;
		}
		for (i = 4; i < argc; i++) {
			char name[32];
			long want;

			if (sscanf(argv[i], "%31[a-z_]=%ld", name, &want) != 2) {
				fail("bad check '%s'", argv[i]);
				goto out;
			}
			if (flow_field(&keys, name) != want) {
				fail("%s on %s: flow key %s is %ld, expected %ld", argv[1], argv[2], name,
				     flow_field(&keys, name), want);
				goto out;
			}
		}
		printf("PASS: %s on %s: returned %d", argv[1], argv[2], (int)opts.retval);
		for (i = 4; i < argc; i++)
			printf(", %s", argv[i]);
		printf("\n");
		err = 0;
	}
out:
	bpf_object__close(obj);
	return err;
}

/* ---- syscall ------------------------------------------------------------- */

static int unhex(const char *s, unsigned char *buf, size_t size)
{
	size_t i, n = strlen(s);

	if (n % 2 || n / 2 > size)
		return -EINVAL;
	for (i = 0; i < n / 2; i++) {
		unsigned v;

		if (sscanf(s + 2 * i, "%2x", &v) != 1)
			return -EINVAL;
		buf[i] = v;
	}
	return n / 2;
}

static int run_syscall(int argc, char **argv)
{
	unsigned char in[512], want[512];
	struct bpf_object *obj;
	int fd, n, nw, err = 1;

	if (argc != 5)
		return 2;
	n = unhex(argv[3], in, sizeof(in));
	nw = unhex(argv[4], want, sizeof(want));
	if (n <= 0 || nw != n)
		return fail("IN and OUT must be hex strings of the same length");
	obj = load_obj(argv[0]);
	if (!obj)
		return 1;
	fd = prog_fd(obj, argv[1]);
	if (fd >= 0) {
		/* the kernel writes the context back into ctx_in */
		LIBBPF_OPTS(bpf_test_run_opts, opts, .ctx_in = in, .ctx_size_in = n);

		if (bpf_prog_test_run_opts(fd, &opts)) {
			fail("%s: test run: %s", argv[1], strerror(errno));
			goto out;
		}
		if ((int)opts.retval != atoi(argv[2])) {
			fail("%s: returned %d, expected %s", argv[1], (int)opts.retval, argv[2]);
			goto out;
		}
		if (memcmp(in, want, n)) {
			fail("%s: the context after the run is not the expected one", argv[1]);
			goto out;
		}
		printf("PASS: %s: returned %d, wrote the expected %d bytes\n", argv[1],
		       (int)opts.retval, n);
		err = 0;
	}
out:
	bpf_object__close(obj);
	return err;
}

/* ---- reuseport ----------------------------------------------------------- */

static int udp_socket(struct sockaddr_in *addr, bool reuse)
{
	int one = 1, fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	socklen_t len = sizeof(*addr);

	if (fd < 0)
		return -errno;
	if ((reuse && setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one))) ||
	    bind(fd, (struct sockaddr *)addr, sizeof(*addr)) ||
	    getsockname(fd, (struct sockaddr *)addr, &len)) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

/* Sends MSG to ADDR; 1 if one of the two sockets received it within 300 ms. */
static int delivered(int client, const struct sockaddr_in *addr, const int srv[2], const char *msg)
{
	struct pollfd p[2] = { { .fd = srv[0], .events = POLLIN }, { .fd = srv[1], .events = POLLIN } };
	char buf[64];
	int i, n;

	if (sendto(client, msg, strlen(msg), 0, (const struct sockaddr *)addr, sizeof(*addr)) < 0)
		return -errno;
	n = poll(p, 2, 300);
	if (n < 0)
		return -errno;
	for (i = 0; i < 2; i++)
		if (p[i].revents & POLLIN)
			recv(srv[i], buf, sizeof(buf), MSG_DONTWAIT);
	return n > 0;
}

static int run_reuseport(int argc, char **argv)
{
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sockaddr_in any = addr;
	int srv[2] = { -1, -1 }, client = -1, fd, pass, drop, err = 1;
	struct bpf_object *obj;

	if (argc != 2)
		return 2;
	obj = load_obj(argv[0]);
	if (!obj)
		return 1;
	fd = prog_fd(obj, argv[1]);
	if (fd < 0)
		goto out;
	srv[0] = udp_socket(&addr, true);
	srv[1] = srv[0] >= 0 ? udp_socket(&addr, true) : -1;
	any.sin_port = 0;
	client = udp_socket(&any, false);
	if (srv[0] < 0 || srv[1] < 0 || client < 0) {
		fail("udp sockets: %s", strerror(errno));
		goto out;
	}
	if (setsockopt(srv[0], SOL_SOCKET, SO_ATTACH_REUSEPORT_EBPF, &fd, sizeof(fd))) {
		fail("SO_ATTACH_REUSEPORT_EBPF: %s", strerror(errno));
		goto out;
	}
	pass = delivered(client, &addr, srv, "pass");
	drop = delivered(client, &addr, srv, "drop");
	if (pass != 1 || drop != 0) {
		fail("%s: 'pass' %s, 'drop' %s", argv[1], pass == 1 ? "arrived" : "did not arrive",
		     drop ? "arrived" : "did not arrive");
		goto out;
	}
	if (runs(obj) < 2) {
		fail("%s: ran %lld times for 2 datagrams", argv[1], runs(obj));
		goto out;
	}
	printf("PASS: %s: 'pass' arrived, 'drop' was dropped, %lld runs\n", argv[1], runs(obj));
	err = 0;
out:
	if (client >= 0)
		close(client);
	if (srv[0] >= 0)
		close(srv[0]);
	if (srv[1] >= 0)
		close(srv[1]);
	bpf_object__close(obj);
	return err;
}

/* ---- netfilter ----------------------------------------------------------- */

/* A netfilter link (Linux 6.4): libbpf 1.1 has no attach function for it. */
static int nf_link(int fd, unsigned pf, unsigned hook, int priority)
{
	union bpf_attr attr;
	__u32 *nf = (__u32 *)((char *)&attr.link_create + 16);

	memset(&attr, 0, sizeof(attr));
	attr.link_create.prog_fd = fd;
	attr.link_create.attach_type = ATTACH_NETFILTER;
	nf[0] = pf;
	nf[1] = hook;
	nf[2] = (__u32)priority;
	fd = syscall(__NR_bpf, BPF_LINK_CREATE, &attr, sizeof(attr));
	return fd < 0 ? -errno : fd;
}

static int send_udp_lo(void)
{
	struct sockaddr_in dst = { .sin_family = AF_INET, .sin_port = htons(9),
				   .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), err = 0;

	if (s < 0)
		return -errno;
	if (sendto(s, "hi", 2, 0, (struct sockaddr *)&dst, sizeof(dst)) < 0)
		err = -errno;
	close(s);
	return err;
}

static int run_netfilter(int argc, char **argv)
{
	struct bpf_object *obj;
	long long before, during, after;
	int fd, link = -1, err = 1;

	if (argc != 2)
		return 2;
	obj = load_obj(argv[0]);
	if (!obj)
		return 1;
	fd = prog_fd(obj, argv[1]);
	if (fd < 0)
		goto out;
	link = nf_link(fd, NFPROTO_IPV4, NF_INET_LOCAL_OUT, -100);
	if (link < 0) {
		fail("%s: netfilter link on ipv4 local_out: %s", argv[1], strerror(-link));
		goto out;
	}
	before = runs(obj);
	if (send_udp_lo()) {
		fail("send to 127.0.0.1: %s", strerror(errno));
		goto out;
	}
	during = runs(obj);
	close(link);
	link = -1;
	send_udp_lo();
	after = runs(obj);
	if (before < 0 || during <= before || after != during) {
		fail("%s: runs %lld before the datagram, %lld after it, %lld after the detach",
		     argv[1], before, during, after);
		goto out;
	}
	printf("PASS: %s: ran on local_out (%lld runs), not after the link closed\n", argv[1], during);
	err = 0;
out:
	if (link >= 0)
		close(link);
	bpf_object__close(obj);
	return err;
}

/* ---- iter ---------------------------------------------------------------- */

static int run_iter(int argc, char **argv)
{
	struct bpf_link *link = NULL;
	struct bpf_object *obj;
	struct bpf_program *prog;
	size_t len = 0, cap = 1 << 16;
	char *buf = NULL, want[256], *pid;
	int it = -1, err = 1;
	ssize_t n;

	if (argc != 3)
		return 2;
	snprintf(want, sizeof(want), "%s", argv[2]);
	pid = strstr(want, "%PID%");
	if (pid)
		snprintf(pid, sizeof(want) - (pid - want), "%d%s", (int)getpid(),
			 strstr(argv[2], "%PID%") + 5);
	obj = load_obj(argv[0]);
	if (!obj)
		return 1;
	prog = bpf_object__find_program_by_name(obj, argv[1]);
	if (!prog) {
		fail("no program '%s'", argv[1]);
		goto out;
	}
	link = bpf_program__attach_iter(prog, NULL);
	if (!link) {
		fail("%s: attach: %s", argv[1], strerror(errno));
		goto out;
	}
	it = bpf_iter_create(bpf_link__fd(link));
	buf = malloc(cap);
	if (it < 0 || !buf) {
		fail("%s: iterator: %s", argv[1], strerror(errno));
		goto out;
	}
	while ((n = read(it, buf + len, cap - len - 1)) > 0) {
		len += n;
		if (cap - len < 4096) {
			char *p = realloc(buf, cap *= 2);

			if (!p)
				goto out;
			buf = p;
		}
	}
	if (n < 0) {
		fail("%s: read: %s", argv[1], strerror(errno));
		goto out;
	}
	buf[len] = '\0';
	if (!strstr(buf, want)) {
		fail("%s: the output (%zu bytes) has no '%s'", argv[1], len, want);
		goto out;
	}
	printf("PASS: %s: %zu bytes, with '%s'\n", argv[1], len, want);
	err = 0;
out:
	free(buf);
	if (it >= 0)
		close(it);
	bpf_link__destroy(link);
	bpf_object__close(obj);
	return err;
}

/* ---- freplace ------------------------------------------------------------- */

/* XDP test run of FD on a small IPv4 packet: its return value, or -errno. */
static int xdp_run(int fd)
{
	unsigned char pkt[128];
	int len = build_packet("udp4", pkt, sizeof(pkt));
	LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = pkt, .data_size_in = len);

	if (bpf_prog_test_run_opts(fd, &opts))
		return -errno;
	return opts.retval;
}

static int run_freplace(int argc, char **argv)
{
	struct bpf_object *target = NULL, *ext = NULL;
	struct bpf_link *link = NULL;
	struct bpf_program *prog;
	int tfd, before, during, after, err = 1;

	if (argc != 7)
		return 2;
	target = load_obj(argv[0]);
	if (!target)
		return 1;
	tfd = prog_fd(target, argv[1]);
	if (tfd < 0)
		goto out;
	before = xdp_run(tfd);
	ext = open_obj(argv[3]);
	if (!ext)
		goto out;
	prog = bpf_object__find_program_by_name(ext, argv[4]);
	if (!prog) {
		fail("no program '%s'", argv[4]);
		goto out;
	}
	err = bpf_program__set_attach_target(prog, tfd, argv[2]);
	if (!err)
		err = bpf_object__load(ext);
	if (err) {
		if (err == -EPERM || err == -ENOTSUP || err == -524 /* ENOTSUPP */) {
			printf("SKIP: %s: this kernel refuses the extension program: %s (%d)\n",
			       argv[4], strerror(-err), err);
			err = SKIP;
			goto out;
		}
		fail("%s: load as a replacement of %s: %s", argv[4], argv[2], strerror(-err));
		err = 1;
		goto out;
	}
	err = 1;
	link = bpf_program__attach_freplace(prog, tfd, argv[2]);
	if (!link) {
		int e = errno;

		if (e == EPERM || e == ENOTSUP || e == 524) {
			printf("SKIP: %s: loaded, but this kernel cannot attach the replacement: %s (%d)\n",
			       argv[4], strerror(e), -e);
			err = SKIP;
			goto out;
		}
		fail("%s: attach to %s: %s", argv[4], argv[2], strerror(e));
		goto out;
	}
	during = xdp_run(tfd);
	bpf_link__destroy(link);
	link = NULL;
	after = xdp_run(tfd);
	if (before != atoi(argv[5]) || during != atoi(argv[6]) || after != before) {
		fail("%s: returned %d, %d with %s replaced, %d after the detach; expected %s, %s, %s",
		     argv[1], before, during, argv[4], after, argv[5], argv[6], argv[5]);
		goto out;
	}
	printf("PASS: %s returns %d, %d with %s replacing %s, %d again after the detach\n",
	       argv[1], before, during, argv[4], argv[2], after);
	err = 0;
out:
	bpf_link__destroy(link);
	bpf_object__close(ext);
	bpf_object__close(target);
	return err;
}

/* ---- struct_ops ------------------------------------------------------------ */

/* A TCP connection over loopback with congestion control CC, 64 KiB sent. */
static int tcp_with_cc(const char *cc)
{
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(addr);
	static char buf[65536];
	int lst = -1, cli = -1, acc = -1, err = 0;
	size_t got = 0;
	ssize_t n;

	lst = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	cli = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (lst < 0 || cli < 0 || bind(lst, (struct sockaddr *)&addr, sizeof(addr)) ||
	    listen(lst, 1) || getsockname(lst, (struct sockaddr *)&addr, &len)) {
		err = -errno;
		goto out;
	}
	if (setsockopt(cli, IPPROTO_TCP, TCP_CONGESTION, cc, strlen(cc)) ||
	    connect(cli, (struct sockaddr *)&addr, sizeof(addr))) {
		err = -errno;
		goto out;
	}
	acc = accept(lst, NULL, NULL);
	if (acc < 0 || send(cli, buf, sizeof(buf), 0) < 0) {
		err = -errno;
		goto out;
	}
	while (got < sizeof(buf) && (n = recv(acc, buf, sizeof(buf), 0)) > 0)
		got += n;
out:
	if (acc >= 0)
		close(acc);
	if (cli >= 0)
		close(cli);
	if (lst >= 0)
		close(lst);
	return err;
}

static int run_struct_ops(int argc, char **argv)
{
	struct bpf_link *link = NULL;
	struct bpf_object *obj;
	struct bpf_map *map;
	int err = 1, e;

	if (argc != 2)
		return 2;
	obj = open_obj(argv[0]);
	if (!obj)
		return 1;
	e = bpf_object__load(obj);
	if (e) {
		if (e == -EPERM || e == -ENOTSUP || e == -524) {
			printf("SKIP: this kernel refuses the struct_ops programs: %s (%d)\n",
			       strerror(-e), e);
			err = SKIP;
		} else {
			fail("load '%s': %s", argv[0], strerror(-e));
		}
		goto out;
	}
	map = bpf_object__find_map_by_name(obj, argv[1]);
	if (!map) {
		fail("no struct_ops map '%s'", argv[1]);
		goto out;
	}
	link = bpf_map__attach_struct_ops(map);
	if (!link) {
		e = errno;
		if (e == EPERM || e == ENOTSUP || e == 524) {
			printf("SKIP: %s: loaded, but this kernel cannot register it: %s (%d)\n",
			       argv[1], strerror(e), -e);
			err = SKIP;
		} else {
			fail("%s: register: %s", argv[1], strerror(e));
		}
		goto out;
	}
	e = tcp_with_cc(argv[1]);
	if (e) {
		fail("a TCP connection with congestion control '%s': %s", argv[1], strerror(-e));
		goto out;
	}
	if (runs(obj) <= 0) {
		fail("%s: registered and used by a connection, but its programs did not run", argv[1]);
		goto out;
	}
	printf("PASS: %s: registered, ran %lld times for one TCP connection\n", argv[1], runs(obj));
	err = 0;
out:
	bpf_link__destroy(link);
	bpf_object__close(obj);
	return err;
}

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} modes[] = {
	{ "flow", run_flow },
	{ "syscall", run_syscall },
	{ "reuseport", run_reuseport },
	{ "netfilter", run_netfilter },
	{ "iter", run_iter },
	{ "freplace", run_freplace },
	{ "struct_ops", run_struct_ops },
};

int main(int argc, char **argv)
{
	size_t i;
	int rc;

	libbpf_set_print(print_fn);
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 0; argc > 1 && i < sizeof(modes) / sizeof(modes[0]); i++) {
		if (strcmp(argv[1], modes[i].name))
			continue;
		rc = modes[i].run(argc - 2, argv + 2);
		if (rc == 2)
			break;
		return rc;
	}
	fprintf(stderr, "usage: %s flow|syscall|reuseport|netfilter|iter|freplace|struct_ops ARGS...\n",
		argv[0]);
	return 2;
}
