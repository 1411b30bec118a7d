// SPDX-License-Identifier: GPL-2.0
/*
 * The BPF side of test_loop_kernel.c and bench/loop.sh: two tracepoints of
 * the test process (getpgid to a ring buffer and bpfgen/log.h's log ring,
 * getppid to a perf buffer: syscalls that neither libc nor valgrind make on
 * their own), an XDP program that writes one record per run (for BPF_PROG_TEST_RUN and for
 * a link that supports BPF_LINK_DETACH), and a HASH map that holds 4
 * entries. Every failed reserve or output is counted, so that userspace can
 * check delivered + failed == triggered.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpfgen/log.h>

struct loop_event {
	__u32 tgid;
	__u32 seq;
	__u64 ts_ns;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	/* one page: small enough for the test to fill; the bench sets more */
	__uint(max_entries, 4096);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} perf_events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} small SEC(".maps");

__u32 target_tgid;
/* the test attaches on_xdp to lo only to detach it: lo's own traffic must
 * not write records then */
__u32 xdp_on;
__u64 ring_sent, ring_failed;
__u64 perf_sent, perf_failed;

static __always_inline int to_ring(__u32 tgid)
{
	struct loop_event *e;

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e) {
		__sync_fetch_and_add(&ring_failed, 1);
		return 0;
	}
	e->tgid = tgid;
	e->seq = __sync_fetch_and_add(&ring_sent, 1);
	e->ts_ns = bpf_ktime_get_ns();
	bpf_ringbuf_submit(e, 0);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_getpgid")
int on_getpgid(void *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;

	if (tgid != target_tgid)
		return 0;
	/* one log record per ring record: the loop serves the log ring too */
	bpfgen_info(ctx, "getpgid by %u", tgid);
	return to_ring(tgid);
}

SEC("tracepoint/syscalls/sys_enter_getppid")
int on_getppid(void *ctx)
{
	struct loop_event e = {};

	e.tgid = bpf_get_current_pid_tgid() >> 32;
	if (e.tgid != target_tgid)
		return 0;
	e.seq = perf_sent;
	e.ts_ns = bpf_ktime_get_ns();
	if (bpf_perf_event_output(ctx, &perf_events, BPF_F_CURRENT_CPU, &e, sizeof(e)))
		__sync_fetch_and_add(&perf_failed, 1);
	else
		__sync_fetch_and_add(&perf_sent, 1);
	return 0;
}

SEC("xdp")
int on_xdp(struct xdp_md *ctx)
{
	if (xdp_on)
		to_ring(0);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
