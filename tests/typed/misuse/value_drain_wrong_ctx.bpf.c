// bpfgen-test: a drain callback declared over a struct totals context is given a __u64 counter as context (vmlinux.h)
// class: value-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct level_sample {
	__u64 value;
};

struct totals {
	__u64 sum;
	__u64 count;
};

BPFGEN_USER_RINGBUF(samples, struct level_sample, 8192);

BPFGEN_USER_RINGBUF_CALLBACK(samples, add_sample, struct totals)
{
	ctx->sum += e->value;
	ctx->count++;
	return BPFGEN_DRAIN_NEXT;
}

BPFGEN_RAW_TRACEPOINT(drain, "sys_enter")
{
	struct totals t = {};
	__u64 sum = 0;
	long n;

	(void)sum;
#ifdef BPFGEN_TEST_BAD
	n = bpfgen_user_ringbuf_drain(samples, add_sample, &sum, 0); // BAD
#else
	n = bpfgen_user_ringbuf_drain(samples, add_sample, &t, 0);
#endif
	return n < 0;
}

char LICENSE[] SEC("license") = "GPL";
