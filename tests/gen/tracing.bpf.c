// SPDX-License-Identifier: GPL-2.0
/*
 * bpfgen gen input: the map kinds a tracing program uses beyond key/value
 * maps, written with the typed layer: a stack-trace map, an array and a hash
 * of maps, and a user ring buffer, all driven by one raw tracepoint that
 * only acts on one syscall (target_nr) of the test's own process
 * (target_tgid): the test's bpf() calls must not count.
 */
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

struct cmd {
	__u32 op;
	__u32 arg;
	__u64 cookie;
};

struct drained {
	__u64 samples;
	__u64 sum;
	__u64 last_cookie;
};

struct hit {
	__u64 count;
	__u64 last_ns;
};

const volatile __u32 target_tgid;
const volatile long target_nr = -1;

BPFGEN_STACK_TRACE(stacks, 64);
BPFGEN_ARRAY(last_stack, __s64, 2);	/* 0: kernel stack id, 1: user stack id */

BPFGEN_HASH(counters, __u32, __u64, 16);	/* the inner map of by_slot */
BPFGEN_ARRAY_OF_MAPS(by_slot, counters, 4);
BPFGEN_ARRAY(hits, struct hit, 2);	/* the inner map of by_cookie */
BPFGEN_HASH_OF_MAPS(by_cookie, __u64, hits, 8);

BPFGEN_USER_RINGBUF(cmds, struct cmd, 4096);
BPFGEN_ARRAY(totals, struct drained, 1);

BPFGEN_USER_RINGBUF_CALLBACK(cmds, take_cmd, struct drained)
{
	ctx->samples++;
	ctx->sum += e->arg;
	ctx->last_cookie = e->cookie;
	return e->op == 0 ? BPFGEN_DRAIN_STOP : BPFGEN_DRAIN_NEXT;
}

BPFGEN_RAW_TRACEPOINT(on_enter, "sys_enter", struct pt_regs *regs, long nr)
{
	__u32 zero = 0, one = 1, key = 1;
	__u64 cookie = 42, *count;
	struct drained d = {}, *t;
	by_slot_inner *slot;
	by_cookie_inner *per_cookie;
	__s64 *last;
	long n;

	if (nr != target_nr || bpfgen_current_tgid() != target_tgid)
		return 0;

	last = last_stack_lookup(&zero);
	if (last)
		*last = stacks_get_stackid(ctx, 0);
	last = last_stack_lookup(&one);
	if (last)
		*last = stacks_get_stackid(ctx, BPF_F_USER_STACK);

	/* slot 0's counter 1 and cookie 42's hit 1, when userspace put maps there */
	slot = by_slot_lookup(&zero);
	if (slot) {
		count = by_slot_inner_lookup(slot, &key);
		if (count)
			__sync_fetch_and_add(count, 1);
	}
	per_cookie = by_cookie_lookup(&cookie);
	if (per_cookie) {
		struct hit *h = by_cookie_inner_lookup(per_cookie, &one);

		if (h) {
			__sync_fetch_and_add(&h->count, 1);
			h->last_ns = bpf_ktime_get_ns();
		}
	}

	n = bpfgen_user_ringbuf_drain(cmds, take_cmd, &d, 0);
	t = totals_lookup(&zero);
	if (n > 0 && t) {
		__sync_fetch_and_add(&t->samples, d.samples);
		__sync_fetch_and_add(&t->sum, d.sum);
		t->last_cookie = d.last_cookie;
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
