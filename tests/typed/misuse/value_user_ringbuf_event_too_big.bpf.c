// bpfgen-test: a user ring buffer of 512-byte records, which the typed drain cannot copy onto the 512-byte BPF stack (vmlinux.h)
// class: value-type
// kernel: loads
// expect: BPFGEN_USER_RINGBUF: the event type
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct path_rule {
	__u32 allow;
#ifdef BPFGEN_TEST_BAD
	char path[508];
#else
	char path[124];
#endif
};

#ifdef BPFGEN_TEST_BAD
BPFGEN_USER_RINGBUF(path_rules, struct path_rule, 64 * 1024); // BAD
#else
BPFGEN_USER_RINGBUF(path_rules, struct path_rule, 64 * 1024);
#endif

struct count {
	__u32 allowed;
};

BPFGEN_USER_RINGBUF_CALLBACK(path_rules, count_rule, struct count)
{
	ctx->allowed += e->allow;
	return BPFGEN_DRAIN_NEXT;
}

BPFGEN_RAW_TRACEPOINT(load_rules, "sys_enter")
{
	struct count c = {};

	return bpfgen_user_ringbuf_drain(path_rules, count_rule, &c, 0) > 0 && c.allowed;
}

char LICENSE[] SEC("license") = "GPL";
