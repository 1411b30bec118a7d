// bpfgen-test: two user ring buffers with different events; the callback declared for one drains the other (vmlinux.h)
// class: value-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct add_cmd {
	__u32 key;
	__u64 delta;
};

struct reset_cmd {
	__u32 key;
};

BPFGEN_USER_RINGBUF(adds, struct add_cmd, 4096);
BPFGEN_USER_RINGBUF(resets, struct reset_cmd, 4096);
BPFGEN_HASH(counters, __u32, __u64, 256);

struct drain_stats {
	__u32 n;
};

BPFGEN_USER_RINGBUF_CALLBACK(adds, on_add, struct drain_stats)
{
	__u64 *v = counters_lookup(&e->key);

	if (v)
		__sync_fetch_and_add(v, e->delta);
	ctx->n++;
	return BPFGEN_DRAIN_NEXT;
}

BPFGEN_RAW_TRACEPOINT(apply, "sys_enter")
{
	struct drain_stats st = {};
	long n;

#ifdef BPFGEN_TEST_BAD
	n = bpfgen_user_ringbuf_drain(resets, on_add, &st, 0); // BAD
#else
	n = bpfgen_user_ringbuf_drain(adds, on_add, &st, 0);
#endif
	return n < 0;
}

char LICENSE[] SEC("license") = "GPL";
