// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * The header bpfgen gen writes for maps.bpf.c, used on the real kernel: typed
 * map access (plain, array and per-CPU), typed test runs of the XDP and tc
 * programs, and their attach/detach on the loopback device of a private
 * network namespace. Loading needs root: without it the tests skip.
 */
#include <net/if.h>
#include <sched.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <criterion/criterion.h>

#include "gen_maps.bpfgen.h"

static struct gen_maps *skel;

static void load(__u16 drop_ethertype)
{
	if (geteuid() != 0)
		cr_skip_test("loading BPF programs needs root");
	skel = gen_maps__open();
	cr_assert_not_null(skel, "open: %s", strerror(errno));
	skel->rodata->drop_ethertype = drop_ethertype;
	cr_assert_eq(gen_maps__load(skel), 0, "load failed");
}

static void fini(void)
{
	gen_maps__destroy(skel);
	skel = NULL;
}

TestSuite(gen_maps, .fini = fini);

/* an Ethernet frame of LEN bytes (at least 14) with ETHERTYPE */
static void frame(unsigned char *buf, size_t len, __u16 ethertype)
{
	memset(buf, 0, len);
	memset(buf, 0xff, 6);
	buf[6] = 0x02;
	buf[12] = ethertype >> 8;
	buf[13] = ethertype & 0xff;
	for (size_t i = 14; i < len; i++)
		buf[i] = (unsigned char)i;
}

Test(gen_maps, hash_update_lookup_delete)
{
	struct flow_key key = { .saddr = 0x0a000001, .daddr = 0x0a000002, .sport = 1234, .dport = 80, .proto = 6 };
	struct flow_stats val = { .packets = 3, .bytes = 180, .seen = { 10, 20 } }, got;
	struct flow_key next;

	load(0x88b5);
	cr_assert_eq(gen_maps_flows_next_key(skel, NULL, &next), -ENOENT, "empty map has no first key");
	cr_assert_eq(gen_maps_flows_update(skel, &key, &val, BPF_NOEXIST), 0);
	cr_assert_eq(gen_maps_flows_update(skel, &key, &val, BPF_NOEXIST), -EEXIST);
	memset(&got, 0, sizeof(got));
	cr_assert_eq(gen_maps_flows_lookup(skel, &key, &got), 0);
	cr_assert_eq(memcmp(&got, &val, sizeof(val)), 0, "the value read back differs");
	cr_assert_eq(gen_maps_flows_next_key(skel, NULL, &next), 0);
	cr_assert_eq(memcmp(&next, &key, sizeof(key)), 0, "first key differs");
	cr_assert_eq(gen_maps_flows_next_key(skel, &next, &next), -ENOENT, "one key only");
	cr_assert_eq(gen_maps_flows_delete(skel, &key), 0);
	cr_assert_eq(gen_maps_flows_lookup(skel, &key, &got), -ENOENT);
	cr_assert_eq(gen_maps_flows_delete(skel, &key), -ENOENT);
}

Test(gen_maps, array_update_lookup)
{
	__u32 idx = 3, bad = 4;
	__u64 v = 77, got = 0;

	load(0x88b5);
	cr_assert_eq(gen_maps_verdicts_update(skel, &idx, &v, BPF_ANY), 0);
	cr_assert_eq(gen_maps_verdicts_lookup(skel, &idx, &got), 0);
	cr_assert_eq(got, 77);
	cr_assert_eq(gen_maps_verdicts_lookup(skel, &bad, &got), -ENOENT, "index past max_entries");
}

Test(gen_maps, percpu_hash_one_value_per_cpu)
{
	int ncpus = libbpf_num_possible_cpus(), i;
	__u16 key = 0x0800;
	__u64 *vals, *got;

	load(0x88b5);
	cr_assert_gt(ncpus, 0);
	vals = calloc(ncpus, sizeof(*vals));
	got = calloc(ncpus, sizeof(*got));
	for (i = 0; i < ncpus; i++)
		vals[i] = 100 + i;
	cr_assert_eq(gen_maps_ethertypes_update(skel, &key, vals, ncpus, BPF_ANY), 0);
	cr_assert_eq(gen_maps_ethertypes_lookup(skel, &key, got, ncpus), 0);
	for (i = 0; i < ncpus; i++)
		cr_assert_eq(got[i], 100 + (__u64)i, "cpu %d", i);
	cr_assert_eq(gen_maps_ethertypes_delete(skel, &key), 0);
	cr_assert_eq(gen_maps_ethertypes_lookup(skel, &key, got, ncpus), -ENOENT);
	free(vals);
	free(got);
}

/* struct proto_slot is 4 bytes: the kernel's per-CPU slots are 8 apart */
Test(gen_maps, percpu_array_of_small_struct)
{
	int ncpus = libbpf_num_possible_cpus(), i;
	struct proto_slot *vals, *got;
	__u32 key = 17;

	load(0x88b5);
	vals = calloc(ncpus, sizeof(*vals));
	got = calloc(ncpus, sizeof(*got));
	for (i = 0; i < ncpus; i++)
		vals[i].hits = 1000 + i;
	cr_assert_eq(gen_maps_proto_hits_update(skel, &key, vals, ncpus, BPF_ANY), 0);
	cr_assert_eq(gen_maps_proto_hits_lookup(skel, &key, got, ncpus), 0);
	for (i = 0; i < ncpus; i++)
		cr_assert_eq(got[i].hits, 1000 + (__u32)i, "cpu %d", i);
	free(vals);
	free(got);
}

/* the caller says how many values its array holds: any other count than the CPUs' is refused */
Test(gen_maps, percpu_count_is_checked)
{
	int ncpus = libbpf_num_possible_cpus(), i;
	struct proto_slot *vals, *got;
	size_t n = 0;
	__u32 key = 5;

	load(0x88b5);
	vals = calloc(ncpus + 1, sizeof(*vals));
	for (i = 0; i < ncpus; i++)
		vals[i].hits = 7 * i;
	cr_assert_eq(gen_maps_proto_hits_update(skel, &key, vals, ncpus + 1, BPF_ANY), -EINVAL);
	cr_assert_eq(gen_maps_proto_hits_lookup(skel, &key, vals, ncpus - 1 > 0 ? ncpus - 1 : 0), -EINVAL);
	cr_assert_eq(gen_maps_proto_hits_update(skel, &key, vals, ncpus, BPF_ANY), 0);
	got = gen_maps_proto_hits_lookup_alloc(skel, &key, &n);
	cr_assert_not_null(got, "lookup_alloc: %s", strerror(errno));
	cr_assert_eq(n, (size_t)ncpus);
	for (i = 0; i < ncpus; i++)
		cr_assert_eq(got[i].hits, 7 * (__u32)i, "cpu %d", i);
	free(got);
	free(vals);
}

Test(gen_maps, xdp_test_run_returns_the_action)
{
	unsigned char pkt[64], out[128];
	enum bpfgen_xdp_action action = BPFGEN_XDP_ABORTED;
	__u32 out_len = sizeof(out), duration = 0, idx = BPFGEN_XDP_DROP;
	__u64 drops = 0;

	load(0x88b5);
	frame(pkt, sizeof(pkt), ETH_P_IP);
	cr_assert_eq(gen_maps_xdp_filter_test_run(skel, pkt, sizeof(pkt), out, &out_len, &action, &duration), 0);
	cr_assert_eq(action, BPFGEN_XDP_PASS);
	cr_assert_eq(out_len, sizeof(pkt));
	cr_assert_eq(memcmp(out, pkt, sizeof(pkt)), 0, "XDP_PASS leaves the packet as it was");

	frame(pkt, sizeof(pkt), 0x88b5);
	cr_assert_eq(gen_maps_xdp_filter_test_run(skel, pkt, sizeof(pkt), NULL, NULL, &action, NULL), 0);
	cr_assert_eq(action, BPFGEN_XDP_DROP);
	cr_assert_eq(gen_maps_verdicts_lookup(skel, &idx, &drops), 0);
	cr_assert_eq(drops, 1, "the program counted its drop");
}

Test(gen_maps, rodata_config_is_typed)
{
	unsigned char pkt[64];
	enum bpfgen_xdp_action action = BPFGEN_XDP_PASS;

	load(ETH_P_IP);
	frame(pkt, sizeof(pkt), ETH_P_IP);
	cr_assert_eq(gen_maps_xdp_filter_test_run(skel, pkt, sizeof(pkt), NULL, NULL, &action, NULL), 0);
	cr_assert_eq(action, BPFGEN_XDP_DROP);
}

Test(gen_maps, tc_test_run_returns_the_action)
{
	static unsigned char pkt[1600];
	enum bpfgen_tc_action action = BPFGEN_TC_UNSPEC;

	load(0x88b5);
	frame(pkt, 100, ETH_P_IP);
	cr_assert_eq(gen_maps_tc_count_test_run(skel, pkt, 100, NULL, NULL, &action, NULL), 0);
	cr_assert_eq(action, BPFGEN_TC_OK);
	frame(pkt, sizeof(pkt), ETH_P_IP);
	cr_assert_eq(gen_maps_tc_count_test_run(skel, pkt, sizeof(pkt), NULL, NULL, &action, NULL), 0);
	cr_assert_eq(action, BPFGEN_TC_SHOT);
}

Test(gen_maps, xdp_and_tc_attach_detach)
{
	int lo;

	load(0x88b5);
	/* Criterion runs each test in its own process: this namespace is ours */
	cr_assert_eq(unshare(CLONE_NEWNET), 0, "unshare: %s", strerror(errno));
	lo = if_nametoindex("lo");
	cr_assert_gt(lo, 0);

	cr_assert_eq(gen_maps_xdp_filter_attach(skel, lo, XDP_FLAGS_SKB_MODE), 0);
	cr_assert_not_null(skel->links.xdp_filter, "XDP attaches through a link");
	cr_assert_geq(bpf_link__fd(skel->links.xdp_filter), 0, "a kernel link, not netlink");
	cr_assert_eq(gen_maps_xdp_filter_attach(skel, lo, XDP_FLAGS_SKB_MODE), -EBUSY);
	cr_assert_eq(gen_maps_xdp_filter_detach(skel, lo, XDP_FLAGS_SKB_MODE), 0);
	cr_assert_null(skel->links.xdp_filter);

	cr_assert_eq(gen_maps_tc_count_attach(skel, lo, BPF_TC_INGRESS), 0);
	cr_assert_geq(bpf_link__fd(skel->links.tc_count), 0, "a TCX link on this kernel");
	cr_assert_eq(gen_maps_tc_count_attach(skel, lo, BPF_TC_INGRESS), -EBUSY, "attached already");
	cr_assert_eq(gen_maps_tc_count_detach(skel, lo, BPF_TC_INGRESS), 0);
	cr_assert_eq(gen_maps_tc_count_detach(skel, lo, BPF_TC_INGRESS), 0, "nothing left to detach");
}
