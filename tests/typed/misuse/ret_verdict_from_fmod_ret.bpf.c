// bpfgen-test: fmod_ret returns BPFGEN_VERDICT_DROP to deny, where the caller receives the number (an -errno) (vmlinux.h)
// class: return-kind
// kernel: skip "this kernel refuses fmod_ret programs (EPERM): no trampolines"
// expect: returning 'bpfgen_verdict'
#include "vmlinux.h"
#include <bpfgen/bpf.h>

#define EPERM 1

BPFGEN_ARRAY(deny, __u32, 1);

BPFGEN_FMOD_RET(maybe_deny, "bpf_modify_return_test", int a, int *b, int ret)
{
	__u32 zero = 0, *on = deny_lookup(&zero);

	if (on && *on)
#ifdef BPFGEN_TEST_BAD
		return BPFGEN_VERDICT_DROP; // BAD
#else
		return -EPERM;
#endif
	return ret;
}

char LICENSE[] SEC("license") = "GPL";
