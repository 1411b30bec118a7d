// bpfgen-test: a kprobe hands the stack-id accessor the raw pt_regs pointer instead of its typed context (vmlinux.h)
// class: ctx-misuse
// kernel: loads
// expect: bpfgen_trace_ctx
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_STACK_TRACE(sched_stacks, 1024);
BPFGEN_HASH(count_by_stack, __s32, __u64, 1024);

BPFGEN_KPROBE(on_wake, "try_to_wake_up")
{
	struct pt_regs *regs = bpfgen_kprobe_raw(ctx);
	__u64 one = 1, *n;
	__s32 id;

	(void)regs;
#ifdef BPFGEN_TEST_BAD
	id = sched_stacks_get_stackid(regs, 0); // BAD
#else
	id = sched_stacks_get_stackid(ctx, 0);
#endif
	if (id < 0)
		return 0;
	n = count_by_stack_lookup(&id);
	if (n)
		__sync_fetch_and_add(n, 1);
	else if (count_by_stack_update(&id, &one, BPF_NOEXIST))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
