// bpfgen-test: a user ring buffer callback returns 1 to stop, as the raw helper's callbacks do, instead of a drain action (vmlinux.h)
// class: return-kind
// kernel: loads
// expect: bpfgen_drain_action
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct rule {
	__u32 port;
	__u32 allow;
};

BPFGEN_USER_RINGBUF(rule_updates, struct rule, 4096);
BPFGEN_HASH(rules, __u32, __u32, 1024);

struct apply_state {
	__u32 applied;
};

BPFGEN_USER_RINGBUF_CALLBACK(rule_updates, apply_rule, struct apply_state)
{
	if (rules_update(&e->port, &e->allow, BPF_ANY))
#ifdef BPFGEN_TEST_BAD
		return 1; // BAD
#else
		return BPFGEN_DRAIN_STOP;
#endif
	ctx->applied++;
	return BPFGEN_DRAIN_NEXT;
}

BPFGEN_RAW_TRACEPOINT(apply, "sys_enter")
{
	struct apply_state st = {};

	if (bpfgen_user_ringbuf_drain(rule_updates, apply_rule, &st, 0) < 0)
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
