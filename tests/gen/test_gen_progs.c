// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The header bpfgen gen writes for progs.bpf.c, on the real kernel (root;
 * the tests skip otherwise): a netfilter link that sees a datagram and stops
 * at detach, a reuseport group that drops what the program drops until
 * detach, an iterator read into a buffer (and refused into one too small),
 * a struct_ops congestion control that sockets can choose only while it
 * is attached and that sees the sk storage userspace gave their socket,
 * and sk storage read and written by socket fd.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <criterion/criterion.h>

#include "gen_progs.bpfgen.h"

enum { RUN_NF, RUN_REUSEPORT, RUN_ITER, RUN_CC, RUN_XDP };

#define NFPROTO_IPV4 2
#define NF_INET_LOCAL_OUT 3

static struct gen_progs *skel;

static void load(void)
{
	if (geteuid() != 0)
		cr_skip_test("loading BPF programs needs root");
	skel = gen_progs__open();
	cr_assert_not_null(skel, "open: %s", strerror(errno));
	cr_assert_eq(gen_progs_nf_count_prepare(skel), 0);
	skel->rodata->iter_tgid = getpid();
	cr_assert_eq(gen_progs__load(skel), 0, "load failed");
}

static void fini(void)
{
	gen_progs__destroy(skel);
	skel = NULL;
}

TestSuite(gen_progs, .init = load, .fini = fini);

static __u64 runs(__u32 what)
{
	__u64 n = 0;

	cr_assert_eq(gen_progs_runs_lookup(skel, &what, &n), 0);
	return n;
}

static int udp_socket(struct sockaddr_in *addr, int reuse)
{
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), one = 1;
	socklen_t len = sizeof(*addr);

	cr_assert_geq(s, 0);
	if (reuse)
		cr_assert_eq(setsockopt(s, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one)), 0);
	cr_assert_eq(bind(s, (struct sockaddr *)addr, sizeof(*addr)), 0, "bind: %s", strerror(errno));
	cr_assert_eq(getsockname(s, (struct sockaddr *)addr, &len), 0);
	return s;
}

static void send_to(int s, const struct sockaddr_in *dst, const char *payload)
{
	cr_assert_eq(sendto(s, payload, strlen(payload), 0, (const struct sockaddr *)dst, sizeof(*dst)),
		     (ssize_t)strlen(payload), "sendto: %s", strerror(errno));
}

/* how many datagrams wait on the sockets, each drained */
static int received(const int *socks, int n)
{
	char buf[64];
	int i, got = 0;

	usleep(20000);
	for (i = 0; i < n; i++)
		while (recv(socks[i], buf, sizeof(buf), MSG_DONTWAIT) > 0)
			got++;
	return got;
}

Test(gen_progs, netfilter_link_sees_a_datagram_until_detach)
{
	struct sockaddr_in lo = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int s = udp_socket(&lo, 0);
	__u64 before, during, after;

	cr_assert_not_null(gen_progs_nf_count_attach(skel, NFPROTO_IPV4, NF_INET_LOCAL_OUT, -100),
			   "attach: %s", strerror(errno));
	cr_assert_null(gen_progs_nf_count_attach(skel, NFPROTO_IPV4, NF_INET_LOCAL_OUT, -100));
	cr_assert_eq(errno, EBUSY);
	before = runs(RUN_NF);
	send_to(s, &lo, "hi");
	during = runs(RUN_NF);
	cr_assert_gt(during, before, "the hook did not run for a datagram sent while attached");
	cr_assert_eq(gen_progs_nf_count_detach(skel), 0);
	cr_assert_null(skel->links.nf_count);
	send_to(s, &lo, "hi");
	after = runs(RUN_NF);
	cr_assert_eq(after, during, "the hook ran after detach");
	close(s);
}

Test(gen_progs, reuseport_group_drops_what_the_program_drops)
{
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sockaddr_in any = addr;
	int srv[2], cli;

	srv[0] = udp_socket(&addr, 1);
	srv[1] = udp_socket(&addr, 1);
	any.sin_port = 0;
	cli = udp_socket(&any, 0);

	cr_assert_eq(gen_progs_reuseport_filter_attach(skel, srv[0]), 0);
	send_to(cli, &addr, "drop me");
	send_to(cli, &addr, "keep me");
	cr_assert_eq(received(srv, 2), 1, "the group kept other than the one datagram the program passes");
	cr_assert_geq(runs(RUN_REUSEPORT), 2);

	cr_assert_eq(gen_progs_reuseport_filter_detach(skel, srv[1]), 0);
	send_to(cli, &addr, "drop me");
	cr_assert_eq(received(srv, 2), 1, "the program still drops after detach");
	close(cli);
	close(srv[0]);
	close(srv[1]);
}

Test(gen_progs, iter_reads_into_a_buffer_and_refuses_a_small_one)
{
	static char buf[65536];
	char want[64], small[4];
	ssize_t n;
	int fd;

	cr_assert_eq(gen_progs_dump_tasks_read(skel, buf, sizeof(buf)), -ENOENT);
	cr_assert_not_null(gen_progs_dump_tasks_attach(skel), "attach: %s", strerror(errno));
	n = gen_progs_dump_tasks_read(skel, buf, sizeof(buf));
	cr_assert_gt(n, 0, "read: %zd", n);
	cr_assert_eq((size_t)n, strlen(buf));
	snprintf(want, sizeof(want), "pid %d comm test_gen_progs\n", (int)getpid());
	cr_assert_not_null(strstr(buf, want), "no '%s' in:\n%s", want, buf);
	cr_assert_gt(runs(RUN_ITER), 0);

	cr_assert_eq(gen_progs_dump_tasks_read(skel, small, sizeof(small)), -ENOSPC);
	cr_assert_eq(strlen(small), 3);
	cr_assert_eq(strncmp(small, buf, 3), 0);

	fd = gen_progs_dump_tasks_open(skel);
	cr_assert_geq(fd, 0);
	cr_assert_eq(read(fd, small, 3), 3);
	close(fd);

	gen_progs_dump_tasks_detach(skel);
	cr_assert_eq(gen_progs_dump_tasks_read(skel, buf, sizeof(buf)), -ENOENT);
}

/*
 * A TCP connection over loopback with congestion control CC, some data
 * through it; with TAG, the client's socket is tagged in sk storage before
 * it connects, and TAG is what the storage holds after the transfer.
 */
static int tcp_with_cc(const char *cc, struct sock_tag *tag)
{
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(addr);
	static char buf[65536];
	int lst, cli, acc, err = 0;
	size_t got = 0;
	ssize_t n;

	lst = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	cli = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	cr_assert(lst >= 0 && cli >= 0);
	cr_assert_eq(bind(lst, (struct sockaddr *)&addr, sizeof(addr)), 0);
	cr_assert_eq(listen(lst, 1), 0);
	cr_assert_eq(getsockname(lst, (struct sockaddr *)&addr, &len), 0);
	if (setsockopt(cli, IPPROTO_TCP, TCP_CONGESTION, cc, strlen(cc))) {
		err = -errno;
		goto out;
	}
	if (tag)
		cr_assert_eq(gen_progs_sock_tags_update(skel, cli, tag, BPF_NOEXIST), 0);
	cr_assert_eq(connect(cli, (struct sockaddr *)&addr, sizeof(addr)), 0);
	acc = accept(lst, NULL, NULL);
	cr_assert_geq(acc, 0);
	cr_assert_eq(send(cli, buf, sizeof(buf), 0), (ssize_t)sizeof(buf));
	while (got < sizeof(buf) && (n = recv(acc, buf, sizeof(buf), 0)) > 0)
		got += n;
	if (tag)
		cr_assert_eq(gen_progs_sock_tags_lookup(skel, cli, tag), 0);
	close(acc);
out:
	close(cli);
	close(lst);
	return err;
}

Test(gen_progs, struct_ops_is_chosen_while_attached_only)
{
	struct bpf_link *link = gen_progs_gen_cc_attach(skel);

	struct sock_tag tag = { .tag = 42 };

	cr_assert_not_null(link, "attach: %s", strerror(errno));
	cr_assert_eq(tcp_with_cc("bpfgen_gen_cc", &tag), 0);
	cr_assert_gt(runs(RUN_CC), 0, "a connection chose the congestion control, which did not run");
	/* the BPF side found userspace's value on the socket and marked it */
	cr_assert_eq(tag.tag, 42);
	cr_assert_eq(tag.flags, 1, "the congestion control did not see the socket's tag");
	cr_assert_eq(gen_progs_gen_cc_detach(link), 0);
	cr_assert_eq(tcp_with_cc("bpfgen_gen_cc", NULL), -ENOENT, "still registered after detach");
}

Test(gen_progs, sk_storage_by_socket_fd)
{
	struct sock_tag in = { .tag = 7, .since_ns = 123 }, out = { 0 };
	int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), other, dupd, pipefd[2];

	other = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	cr_assert(s >= 0 && other >= 0);
	cr_assert_eq(gen_progs_sock_tags_lookup(skel, s, &out), -ENOENT);
	cr_assert_eq(gen_progs_sock_tags_update(skel, s, &in, BPF_NOEXIST), 0);
	cr_assert_eq(gen_progs_sock_tags_update(skel, s, &in, BPF_NOEXIST), -EEXIST);
	cr_assert_eq(gen_progs_sock_tags_lookup(skel, s, &out), 0);
	cr_assert_eq(out.tag, 7);
	cr_assert_eq(out.since_ns, 123);
	/* the value is the socket's, not the fd's */
	dupd = dup(s);
	memset(&out, 0, sizeof(out));
	cr_assert_eq(gen_progs_sock_tags_lookup(skel, dupd, &out), 0);
	cr_assert_eq(out.tag, 7);
	cr_assert_eq(gen_progs_sock_tags_lookup(skel, other, &out), -ENOENT);
	cr_assert_eq(pipe(pipefd), 0);
	cr_assert_eq(gen_progs_sock_tags_lookup(skel, pipefd[0], &out), -ENOTSOCK);
	cr_assert_eq(gen_progs_sock_tags_delete(skel, dupd), 0);
	cr_assert_eq(gen_progs_sock_tags_lookup(skel, s, &out), -ENOENT);
	cr_assert_eq(gen_progs_sock_tags_delete(skel, s), -ENOENT);
	close(pipefd[0]);
	close(pipefd[1]);
	close(dupd);
	close(other);
	close(s);
}
