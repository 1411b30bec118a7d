// bpfgen-test: a raw tracepoint records the user stack of each openat and ignores the id (or -errno) it returns (vmlinux.h)
// class: unused-result
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_STACK_TRACE(open_stacks, 512);
BPFGEN_ARRAY(last_open_stack, __s64, 1);

BPFGEN_RAW_TRACEPOINT(on_sys_enter, "sys_enter", struct pt_regs *regs, long nr)
{
	__u32 zero = 0;
	__s64 *last;

	if (nr != 257) /* openat */
		return 0;
#ifdef BPFGEN_TEST_BAD
	open_stacks_get_stackid(ctx, BPF_F_USER_STACK); // BAD
#else
	long id = open_stacks_get_stackid(ctx, BPF_F_USER_STACK);

	last = last_open_stack_lookup(&zero);
	if (last)
		*last = id;
#endif
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
