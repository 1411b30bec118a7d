// bpfgen-test: fentry on do_unlinkat declared with a third parameter the function does not have (vmlinux.h)
// class: tracing-args
// kernel: skip "fentry programs are refused at load (EPERM) on this kernel"
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(unlinks, __u64, 1);

#ifdef BPFGEN_TEST_BAD
BPFGEN_FENTRY(fentry_unlink, "do_unlinkat", int dfd, struct filename *name, int flags) // BAD
#else
BPFGEN_FENTRY(fentry_unlink, "do_unlinkat", int dfd, struct filename *name)
#endif
{
	__u32 zero = 0;
	__u64 *n = unlinks_lookup(&zero);

	if (n)
		__sync_fetch_and_add(n, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
