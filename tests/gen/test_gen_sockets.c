// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The header bpfgen gen writes for sockets.bpf.c, used on the real kernel: an
 * LPM trie, a per-CPU map of arrays, a map keyed by a typedef, the socket
 * filter's typed test run and socket attach, the cgroup program's attach to a
 * cgroup of its own, and the raw tracepoint's attach by section. Loading needs root:
 * without it the tests skip.
 */
#include <fcntl.h>
#include <mntent.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <netinet/in.h>
#include <criterion/criterion.h>

#include "gen_sockets.bpfgen.h"

static struct gen_sockets *skel;

static void init(void)
{
	if (geteuid() != 0)
		cr_skip_test("loading BPF programs needs root");
	skel = gen_sockets__open_and_load();
	cr_assert_not_null(skel, "open and load: %s", strerror(errno));
}

static void fini(void)
{
	gen_sockets__destroy(skel);
	skel = NULL;
}

TestSuite(gen_sockets, .init = init, .fini = fini);

Test(gen_sockets, lpm_trie_longest_prefix)
{
	struct lpm_v4_key net = { .prefixlen = 8, .addr = { 10, 0, 0, 0 } };
	struct lpm_v4_key host = { .prefixlen = 32, .addr = { 10, 1, 2, 3 } };
	__u32 val = 8, got = 0;

	cr_assert_eq(gen_sockets_allow_v4_update(skel, &net, &val, BPF_ANY), 0);
	cr_assert_eq(gen_sockets_allow_v4_lookup(skel, &host, &got), 0, "10.1.2.3 is in 10/8");
	cr_assert_eq(got, 8);
	cr_assert_eq(gen_sockets_allow_v4_delete(skel, &net), 0);
	cr_assert_eq(gen_sockets_allow_v4_lookup(skel, &host, &got), -ENOENT);
}

/* 12-byte values: per CPU the kernel keeps them 16 bytes apart */
Test(gen_sockets, percpu_array_values)
{
	int ncpus = libbpf_num_possible_cpus(), i;
	gen_sockets_labels_value_t *vals = calloc(ncpus, sizeof(*vals));
	gen_sockets_labels_value_t *got = calloc(ncpus, sizeof(*got));
	__u32 key = 5;

	for (i = 0; i < ncpus; i++)
		snprintf(vals[i], sizeof(vals[i]), "cpu%d", i % 10000);
	cr_assert_eq(gen_sockets_labels_update(skel, &key, vals, ncpus, BPF_ANY), 0);
	cr_assert_eq(gen_sockets_labels_lookup(skel, &key, got, ncpus), 0);
	for (i = 0; i < ncpus; i++)
		cr_assert_str_eq(got[i], vals[i]);
	cr_assert_eq(gen_sockets_labels_delete(skel, &key), 0);
	cr_assert_eq(gen_sockets_labels_lookup(skel, &key, got, ncpus), -ENOENT);
	free(vals);
	free(got);
}

Test(gen_sockets, typedef_key)
{
	port_key_t key = { .ifindex = 1, .port = 53 }, next;
	__s64 val = -5, got = 0;

	cr_assert_eq(gen_sockets_ports_update(skel, &key, &val, BPF_ANY), 0);
	cr_assert_eq(gen_sockets_ports_lookup(skel, &key, &got), 0);
	cr_assert_eq(got, -5);
	cr_assert_eq(gen_sockets_ports_next_key(skel, NULL, &next), 0);
	cr_assert_eq(next.port, 53);
	cr_assert_eq(gen_sockets_ports_delete(skel, &key), 0);
	cr_assert_eq(gen_sockets_ports_lookup(skel, &key, &got), -ENOENT);
}

Test(gen_sockets, socket_filter_test_run_and_attach)
{
	unsigned char pkt[100] = { [12] = 0x08 };
	__u32 kept = 0;
	int sock;

	cr_assert_eq(gen_sockets_trim_test_run(skel, pkt, sizeof(pkt), NULL, NULL, &kept, NULL), 0);
	cr_assert_eq(kept, 64);
	/* a socket filter sees the packet after its Ethernet header */
	cr_assert_eq(gen_sockets_trim_test_run(skel, pkt, 40, NULL, NULL, &kept, NULL), 0);
	cr_assert_eq(kept, 40 - 14);

	sock = socket(AF_INET, SOCK_DGRAM, 0);
	cr_assert_geq(sock, 0);
	cr_assert_eq(gen_sockets_trim_attach(skel, sock), 0);
	cr_assert_eq(gen_sockets_trim_detach(skel, sock), 0);
	cr_assert_eq(gen_sockets_trim_detach(skel, sock), -ENOENT, "already detached");
	close(sock);
}

/* the cgroup v2 mount point, or NULL */
static char *cgroup2_root(void)
{
	FILE *f = setmntent("/proc/self/mounts", "r");
	struct mntent *m;
	char *root = NULL;

	while (f && (m = getmntent(f)))
		if (!strcmp(m->mnt_type, "cgroup2")) {
			root = strdup(m->mnt_dir);
			break;
		}
	if (f)
		endmntent(f);
	return root;
}

Test(gen_sockets, cgroup_attach_detach)
{
	char *root = cgroup2_root(), dir[512];
	int fd;

	if (!root)
		cr_skip_test("no cgroup v2 mount");
	snprintf(dir, sizeof(dir), "%s/bpfgen-gen-test-%d", root, (int)getpid());
	free(root);
	cr_assert_eq(mkdir(dir, 0755), 0, "mkdir %s: %s", dir, strerror(errno));
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	cr_assert_geq(fd, 0);
	cr_expect_not_null(gen_sockets_cg_allow_attach(skel, fd), "attach: %s", strerror(errno));
	cr_expect_not_null(skel->links.cg_allow);
	cr_expect_eq(gen_sockets_cg_allow_detach(skel), 0);
	close(fd);
	cr_assert_eq(rmdir(dir), 0, "rmdir %s: %s", dir, strerror(errno));
}

Test(gen_sockets, raw_tracepoint_attach_by_section)
{
	cr_assert_not_null(gen_sockets_on_exit_raw_attach(skel), "attach: %s", strerror(errno));
	cr_assert_eq(gen_sockets_on_exit_raw_detach(skel), 0);
	cr_assert_null(skel->links.on_exit_raw);
}
