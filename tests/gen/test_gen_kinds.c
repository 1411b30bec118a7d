// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The header bpfgen gen writes for kinds.bpf.c, on the real kernel (root;
 * the tests skip otherwise): queue, stack and bloom filter values, the
 * devmap/cpumap/xskmap/sockmap/sockhash/program-array setters, the test runs
 * of cgroup_skb, flow dissector, raw_tp, syscall and sk_lookup programs, a
 * uprobe on a function of this binary, pinning and reuse of maps and links,
 * and what XDP and tc attach leave behind (links; netlink and clsact only as
 * the legacy hooks, the qdisc removed again when bpfgen created it).
 */
#include <errno.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/vfs.h>
#include <linux/if_ether.h>
#include <linux/magic.h>
#include <criterion/criterion.h>

#include "gen_kinds.bpfgen.h"

static struct gen_kinds *skel;

static void load(void)
{
	if (geteuid() != 0)
		cr_skip_test("loading BPF programs needs root");
	skel = gen_kinds__open();
	cr_assert_not_null(skel, "open: %s", strerror(errno));
	cr_assert_eq(gen_kinds__load(skel), 0, "load failed");
}

static void fini(void)
{
	gen_kinds__destroy(skel);
	skel = NULL;
}

TestSuite(gen_kinds, .fini = fini);

/* a private network namespace (each test is a process of its own); lo's index */
static int private_lo(void)
{
	int lo;

	cr_assert_eq(unshare(CLONE_NEWNET), 0, "unshare: %s", strerror(errno));
	lo = if_nametoindex("lo");
	cr_assert_gt(lo, 0);
	return lo;
}

static void frame(unsigned char *buf, size_t len, __u16 ethertype)
{
	memset(buf, 0, len);
	memset(buf, 0xff, 6);
	buf[6] = 0x02;
	buf[12] = ethertype >> 8;
	buf[13] = ethertype & 0xff;
	if (ethertype == ETH_P_IP && len >= 34) {
		buf[14] = 0x45;
		buf[16] = (len - 14) >> 8;
		buf[17] = (len - 14) & 0xff;
		buf[22] = 64;
		buf[23] = 17;
	}
}

Test(gen_kinds, queue_is_fifo)
{
	__u32 v, i;

	load();
	cr_assert_eq(gen_kinds_lens_pop(skel, &v), -ENOENT, "empty");
	for (i = 1; i <= 4; i++)
		cr_assert_eq(gen_kinds_lens_push(skel, &i, 0), 0);
	i = 5;
	cr_assert_eq(gen_kinds_lens_push(skel, &i, 0), -E2BIG, "full");
	cr_assert_eq(gen_kinds_lens_push(skel, &i, BPF_EXIST), 0, "BPF_EXIST drops the oldest");
	cr_assert_eq(gen_kinds_lens_peek(skel, &v), 0);
	cr_assert_eq(v, 2);
	for (i = 2; i <= 5; i++) {
		cr_assert_eq(gen_kinds_lens_pop(skel, &v), 0);
		cr_assert_eq(v, i);
	}
	cr_assert_eq(gen_kinds_lens_peek(skel, &v), -ENOENT);
}

Test(gen_kinds, stack_is_lifo)
{
	__u64 v, i;

	load();
	for (i = 10; i < 13; i++)
		cr_assert_eq(gen_kinds_stk_push(skel, &i, 0), 0);
	cr_assert_eq(gen_kinds_stk_peek(skel, &v), 0);
	cr_assert_eq(v, 12);
	for (i = 13; i-- > 10;) {
		cr_assert_eq(gen_kinds_stk_pop(skel, &v), 0);
		cr_assert_eq(v, i);
	}
	cr_assert_eq(gen_kinds_stk_pop(skel, &v), -ENOENT);
}

/* userspace adds a length; the tc program drops packets of that length */
Test(gen_kinds, bloom_add_contains_and_the_program_sees_it)
{
	static unsigned char pkt[200];
	enum bpfgen_tc_action action = BPFGEN_TC_UNSPEC;
	__u32 len = 100;

	load();
	cr_assert_eq(gen_kinds_seen_contains(skel, &len), 0, "empty filter");
	cr_assert_eq(gen_kinds_seen_add(skel, &len), 0);
	cr_assert_eq(gen_kinds_seen_contains(skel, &len), 1);
	frame(pkt, 100, ETH_P_IP);
	cr_assert_eq(gen_kinds_tc_bloom_test_run(skel, pkt, 100, NULL, NULL, &action, NULL), 0);
	cr_assert_eq(action, BPFGEN_TC_SHOT);
	frame(pkt, 64, ETH_P_IP);
	cr_assert_eq(gen_kinds_tc_bloom_test_run(skel, pkt, 64, NULL, NULL, &action, NULL), 0);
	cr_assert_eq(action, BPFGEN_TC_OK);
}

/* the XDP program pushes each packet's length, then tail-calls jmp[0] */
Test(gen_kinds, prog_array_set_delete_steer_the_tail_call)
{
	unsigned char pkt[60];
	enum bpfgen_xdp_action action = BPFGEN_XDP_ABORTED;
	__u32 len = 0;

	load();
	frame(pkt, sizeof(pkt), ETH_P_IP);
	cr_assert_eq(gen_kinds_xdp_len_test_run(skel, pkt, sizeof(pkt), NULL, NULL, &action, NULL), 0);
	cr_assert_eq(action, BPFGEN_XDP_PASS, "no program in jmp[0]");
	cr_assert_eq(gen_kinds_lens_pop(skel, &len), 0, "the program pushed the length");
	cr_assert_eq(len, sizeof(pkt));

	cr_assert_eq(gen_kinds_jmp_set(skel, 0, skel->progs.xdp_drop), 0);
	cr_assert_eq(gen_kinds_xdp_len_test_run(skel, pkt, sizeof(pkt), NULL, NULL, &action, NULL), 0);
	cr_assert_eq(action, BPFGEN_XDP_DROP, "tail call into xdp_drop");
	cr_assert_eq(gen_kinds_jmp_delete(skel, 0), 0);
	cr_assert_eq(gen_kinds_xdp_len_test_run(skel, pkt, sizeof(pkt), NULL, NULL, &action, NULL), 0);
	cr_assert_eq(action, BPFGEN_XDP_PASS);
	cr_assert_eq(gen_kinds_jmp_set(skel, 2, skel->progs.xdp_drop), -E2BIG, "index past max_entries");
}

Test(gen_kinds, devmap_and_cpumap_set_delete)
{
	int lo;

	load();
	lo = private_lo();
	cr_assert_eq(gen_kinds_devs_set(skel, 1, lo), 0);
	cr_assert_eq(gen_kinds_devs_set(skel, 1, -1), -EINVAL, "a negative ifindex is refused before the kernel");
	cr_assert_eq(gen_kinds_devs_set(skel, 2, 999999), -EINVAL, "no such interface");
	cr_assert_eq(gen_kinds_devs_delete(skel, 1), 0);
	cr_assert_eq(gen_kinds_cpus_set(skel, 0, 192), 0, "a CPU queue of 192 entries");
	cr_assert_eq(gen_kinds_cpus_delete(skel, 0), 0);
}

Test(gen_kinds, sockmap_and_sockhash_take_socket_fds)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sock_key key = { .id = 7, .port = 80 };
	int s = socket(AF_INET, SOCK_DGRAM, 0);

	load();
	private_lo();
	cr_assert_geq(s, 0);
	cr_assert_eq(bind(s, (struct sockaddr *)&a, sizeof(a)), 0, "bind: %s", strerror(errno));
	cr_assert_eq(gen_kinds_socks_set(skel, 0, s), 0);
	cr_assert_eq(gen_kinds_socks_delete(skel, 0), 0);
	cr_assert_lt(gen_kinds_socks_delete(skel, 0), 0, "already deleted");
	cr_assert_eq(gen_kinds_sockh_set(skel, &key, s), 0);
	cr_assert_eq(gen_kinds_sockh_delete(skel, &key), 0);
	cr_assert_eq(gen_kinds_sockh_delete(skel, &key), -ENOENT);
	close(s);
}

/* an AF_XDP socket needs a umem and a bound queue: a plain socket is refused by the kernel */
Test(gen_kinds, xskmap_refuses_what_is_not_an_xsk)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0);

	load();
	cr_assert_lt(gen_kinds_xsks_set(skel, 0, s), 0);
	cr_assert_eq(gen_kinds_xsks_set(skel, 0, -5), -EINVAL);
	close(s);
}

Test(gen_kinds, cgroup_skb_test_run)
{
	static unsigned char pkt[1200];
	enum bpfgen_sk_action action = BPFGEN_SK_DROP;

	load();
	frame(pkt, 100, ETH_P_IP);
	cr_assert_eq(gen_kinds_cg_small_test_run(skel, pkt, 100, NULL, NULL, &action, NULL), 0);
	cr_assert_eq(action, BPFGEN_SK_PASS);
	frame(pkt, sizeof(pkt), ETH_P_IP);
	cr_assert_eq(gen_kinds_cg_small_test_run(skel, pkt, sizeof(pkt), NULL, NULL, &action, NULL), 0);
	cr_assert_eq(action, BPFGEN_SK_DROP);
}

Test(gen_kinds, flow_dissector_test_run_gives_the_keys)
{
	unsigned char pkt[64];
	struct bpf_flow_keys keys;
	enum bpfgen_flow_action action = BPFGEN_FLOW_DROP;

	load();
	frame(pkt, sizeof(pkt), ETH_P_IP);
	memset(&keys, 0, sizeof(keys));
	cr_assert_eq(gen_kinds_dissect_test_run(skel, pkt, sizeof(pkt), &keys, &action, NULL), 0);
	cr_assert_eq(action, BPFGEN_FLOW_OK);
	cr_assert_eq(keys.nhoff, ETH_HLEN);
	cr_assert_eq(keys.thoff, ETH_HLEN + 20);
	cr_assert_eq(keys.n_proto, htons(ETH_P_IP));
	frame(pkt, sizeof(pkt), ETH_P_ARP);
	cr_assert_eq(gen_kinds_dissect_test_run(skel, pkt, sizeof(pkt), &keys, &action, NULL), 0);
	cr_assert_eq(action, BPFGEN_FLOW_DROP);
}

Test(gen_kinds, raw_tp_test_run_passes_the_arguments)
{
	__u64 args[2] = { 41, 0 };
	int ret = 0;

	load();
	cr_assert_eq(gen_kinds_raw_args_test_run(skel, args, 2, &ret), 0);
	cr_assert_eq(ret, 42);
	cr_assert_eq(gen_kinds_raw_args_test_run(skel, args, 13, &ret), -E2BIG);
}

Test(gen_kinds, syscall_test_run_writes_the_args_back)
{
	struct sum_args args = { .a = 2, .b = 3 };
	int ret = -1;

	load();
	cr_assert_eq(gen_kinds_sum_test_run(skel, &args, &ret), 0);
	cr_assert_eq(args.sum, 5);
	cr_assert_eq(ret, 0);
	args.a = 9;
	cr_assert_eq(gen_kinds_sum_test_run(skel, &args, &ret), 0);
	cr_assert_eq(args.sum, 12);
	cr_assert_eq(ret, 1);
}

Test(gen_kinds, sk_lookup_test_run)
{
	struct bpf_sk_lookup in;
	enum bpfgen_sk_action action = BPFGEN_SK_PASS;
	__u64 cookie = 1;
	int err;

	/* sk and the reserved bytes are garbage: the wrapper passes named fields only */
	memset(&in, 0xa5, sizeof(in));
	in.family = AF_INET;
	in.protocol = IPPROTO_TCP;
	in.remote_ip4 = htonl(INADDR_LOOPBACK);
	memset(in.remote_ip6, 0, sizeof(in.remote_ip6));
	in.remote_port = htons(40000);
	in.local_ip4 = htonl(INADDR_LOOPBACK);
	memset(in.local_ip6, 0, sizeof(in.local_ip6));
	in.local_port = 7777;
	in.ingress_ifindex = 0;

	load();
	err = gen_kinds_lookup_test_run(skel, &in, &action, &cookie);
	cr_assert_eq(err, 0, "test run: %d (%s)", err, strerror(-err));
	cr_assert_eq(action, BPFGEN_SK_DROP);
	cr_assert_eq(cookie, 0, "no socket selected");
	in.local_port = 80;
	err = gen_kinds_lookup_test_run(skel, &in, &action, NULL);
	cr_assert_eq(err, 0, "test run: %d (%s)", err, strerror(-err));
	cr_assert_eq(action, BPFGEN_SK_PASS);
}

/* what the uprobe counts: never inlined, never optimised away */
__attribute__((noinline, used)) int kinds_target(int x)
{
	__asm__ volatile("" : "+r"(x));
	return x + 1;
}

static __u64 hits(void)
{
	__u32 k = 0;
	__u64 v = 0;

	cr_assert_eq(gen_kinds_hits_lookup(skel, &k, &v), 0);
	return v;
}

Test(gen_kinds, uprobe_on_a_symbol_of_this_binary)
{
	int i;

	load();
	cr_assert_null(gen_kinds_count_calls_attach(skel, getpid(), "/proc/self/exe", ""));
	cr_assert_eq(errno, EINVAL, "an empty symbol");
	cr_assert_not_null(gen_kinds_count_calls_attach(skel, getpid(), "/proc/self/exe", "kinds_target"),
			   "attach: %s", strerror(errno));
	cr_assert_null(gen_kinds_count_calls_attach(skel, getpid(), "/proc/self/exe", "kinds_target"));
	cr_assert_eq(errno, EBUSY);
	for (i = 0; i < 3; i++)
		cr_assert_eq(kinds_target(i), i + 1);
	cr_assert_eq(hits(), 3);
	cr_assert_eq(gen_kinds_count_calls_detach(skel), 0);
	kinds_target(9);
	cr_assert_eq(hits(), 3, "detached: no more counts");
}

/*
 * A pin path on bpffs. A fresh machine has no bpffs at /sys/fs/bpf until
 * something mounts it (systemd does, a container or CI machine may not):
 * mount it as `mount -t bpf bpf /sys/fs/bpf` would.
 */
static void bpffs_path(char *buf, size_t sz, const char *what)
{
	struct statfs st;

	if (statfs("/sys/fs/bpf", &st) || st.f_type != BPF_FS_MAGIC)
		cr_assert_eq(mount("bpf", "/sys/fs/bpf", "bpf", 0, NULL), 0,
			     "/sys/fs/bpf is not bpffs and mounting it failed: %s", strerror(errno));
	snprintf(buf, sz, "/sys/fs/bpf/bpfgen_test_%d_%s", (int)getpid(), what);
}

/* a map pinned by one skeleton keeps its contents for the next one */
Test(gen_kinds, map_pin_and_reuse_across_skeletons)
{
	struct gen_kinds *again;
	char path[128], tmpl[256], other[300];
	__u32 k = 0;
	__u64 v = 1234, got = 0;

	load();
	bpffs_path(path, sizeof(path), "hits");
	cr_assert_eq(gen_kinds_hits_update(skel, &k, &v, BPF_ANY), 0);
	cr_assert_eq(gen_kinds_hits_pin(skel, path), 0);

	again = gen_kinds__open();
	cr_assert_not_null(again);
	cr_assert_eq(gen_kinds_hits_reuse(again, path), 0);
	cr_assert_eq(gen_kinds__load(again), 0);
	cr_assert_eq(gen_kinds_hits_lookup(again, &k, &got), 0);
	cr_assert_eq(got, 1234, "the pinned map's contents");
	gen_kinds__destroy(again);

	/* another kind of map under the same path is refused */
	again = gen_kinds__open();
	cr_assert_eq(gen_kinds_stk_reuse(again, path), -EINVAL);
	gen_kinds__destroy(again);

	cr_assert_eq(gen_kinds_hits_unpin(skel, path), 0);
	again = gen_kinds__open();
	cr_assert_eq(gen_kinds_hits_reuse(again, path), -ENOENT, "unpinned");
	gen_kinds__destroy(again);

	/* not bpffs: a clear error, not libbpf's */
	snprintf(tmpl, sizeof(tmpl), "%s/bpfgen_pin_XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : P_tmpdir);
	cr_assert_not_null(mkdtemp(tmpl));
	snprintf(other, sizeof(other), "%s/hits", tmpl);
	cr_assert_eq(gen_kinds_hits_pin(skel, other), -ENOTSUP);
	cr_assert_eq(access(other, F_OK), -1, "nothing created");
	rmdir(tmpl);
	cr_assert_eq(gen_kinds_hits_pin(skel, "/sys/fs/bpf/no/such/dir/hits"), -ENOENT);
}

static __u32 xdp_prog_id(int ifindex)
{
	__u32 id = 0;

	cr_assert_eq(bpf_xdp_query_id(ifindex, 0, &id), 0);
	return id;
}

/* a pinned link keeps the program attached without its process's link */
Test(gen_kinds, link_pin_keeps_the_program_attached)
{
	char path[128];
	int lo;

	load();
	lo = private_lo();
	bpffs_path(path, sizeof(path), "xdp_link");
	cr_assert_eq(gen_kinds_xdp_len_link_pin(skel, path), -ENOENT, "not attached yet");
	cr_assert_eq(gen_kinds_xdp_len_attach(skel, lo, 0), 0);
	cr_assert_eq(gen_kinds_xdp_len_link_pin(skel, path), 0);
	cr_assert_eq(gen_kinds_xdp_len_detach(skel, lo, 0), 0);
	cr_assert_neq(xdp_prog_id(lo), 0, "the pin holds it");

	cr_assert_eq(gen_kinds_xdp_len_link_reuse(skel, path), 0);
	cr_assert_not_null(skel->links.xdp_len);
	cr_assert_eq(gen_kinds_xdp_len_link_reuse(skel, path), -EBUSY);
	cr_assert_eq(gen_kinds_xdp_len_link_unpin(skel), 0);
	cr_assert_eq(access(path, F_OK), -1, "unpinned");
	cr_assert_eq(gen_kinds_xdp_len_detach(skel, lo, 0), 0);
	cr_assert_eq(xdp_prog_id(lo), 0, "detached");
}

/* `tc qdisc show dev lo` has a clsact qdisc */
static bool has_clsact(void)
{
	char line[256];
	bool found = false;
	FILE *p = popen("tc qdisc show dev lo 2>&1", "r");

	cr_assert_not_null(p);
	while (fgets(line, sizeof(line), p))
		if (strstr(line, "clsact"))
			found = true;
	pclose(p);
	return found;
}

Test(gen_kinds, tc_attaches_through_tcx_and_leaves_nothing)
{
	struct bpfgen_loop *loop;
	int lo;

	load();
	lo = private_lo();
	cr_assert_eq(gen_kinds_tc_bloom_attach(skel, lo, BPF_TC_EGRESS), 0);
	cr_assert_geq(bpf_link__fd(skel->links.tc_bloom), 0, "a TCX link");
	cr_assert_not(has_clsact(), "TCX needs no qdisc");
	/* the loop detaches it: one link, not 0 */
	loop = bpfgen_loop__new(&(struct bpfgen_loop_opts){ .sz = sizeof(struct bpfgen_loop_opts),
							    .no_signals = true });
	cr_assert_not_null(loop);
	cr_assert_eq(bpfgen_loop__add_skeleton(loop, skel->skeleton), 0);
	cr_assert_eq(bpfgen_loop__detach(loop), 1);
	cr_assert_null(skel->links.tc_bloom);
	bpfgen_loop__free(loop);
}

Test(gen_kinds, tc_clsact_fallback_removes_the_qdisc_it_created)
{
	struct bpf_link *in, *eg;
	int lo;

	load();
	lo = private_lo();
	cr_assert_not(has_clsact());
	in = bpfgen_tc_attach(skel->progs.tc_bloom, lo, BPF_TC_INGRESS, 1, BPFGEN_ATTACH_LEGACY);
	cr_assert_not_null(in, "clsact attach: %s", strerror(errno));
	cr_assert_lt(bpf_link__fd(in), 0, "no kernel link");
	eg = bpfgen_tc_attach(skel->progs.tc_bloom, lo, BPF_TC_EGRESS, 1, BPFGEN_ATTACH_LEGACY);
	cr_assert_not_null(eg);
	cr_assert(has_clsact());
	cr_assert_eq(bpfgen_link__pin(in, "/sys/fs/bpf/bpfgen_never"), -EOPNOTSUPP);
	cr_assert_eq(bpf_link__destroy(in), 0);
	cr_assert(has_clsact(), "the egress filter still needs it");
	cr_assert_eq(bpf_link__destroy(eg), 0);
	cr_assert_not(has_clsact(), "bpfgen created it: bpfgen removes it");
}

Test(gen_kinds, tc_clsact_fallback_keeps_a_qdisc_it_found)
{
	LIBBPF_OPTS(bpf_tc_hook, hook, .attach_point = BPF_TC_INGRESS);
	struct bpf_link *in;

	load();
	hook.ifindex = private_lo();
	cr_assert_eq(bpf_tc_hook_create(&hook), 0);
	in = bpfgen_tc_attach(skel->progs.tc_bloom, hook.ifindex, BPF_TC_INGRESS, 1, BPFGEN_ATTACH_LEGACY);
	cr_assert_not_null(in);
	cr_assert_eq(bpf_link__destroy(in), 0);
	cr_assert(has_clsact(), "someone else's qdisc stays");
}

Test(gen_kinds, xdp_netlink_fallback_detaches_its_program)
{
	struct bpf_link *l;
	int lo;

	load();
	lo = private_lo();
	l = bpfgen_xdp_attach(skel->progs.xdp_len, lo, XDP_FLAGS_SKB_MODE, BPFGEN_ATTACH_LEGACY);
	cr_assert_not_null(l, "netlink attach: %s", strerror(errno));
	cr_assert_lt(bpf_link__fd(l), 0);
	cr_assert_neq(xdp_prog_id(lo), 0);
	cr_assert_eq(gen_kinds_xdp_drop_attach(skel, lo, 0), -EBUSY, "a link never replaces a program");
	cr_assert_eq(bpf_link__destroy(l), 0);
	cr_assert_eq(xdp_prog_id(lo), 0);
}
