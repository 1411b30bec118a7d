// bpfgen-test: fmod_ret hands its context to bpfgen_fentry_raw(), the accessor of another program type (vmlinux.h)
// class: ctx-misuse
// kernel: skip "this kernel refuses fmod_ret programs (EPERM): no trampolines"
// expect: 'bpfgen_fmod_ret_ctx'
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_FMOD_RET(peek_args, "bpf_modify_return_test", int a, int *b, int ret)
{
#ifdef BPFGEN_TEST_BAD
	unsigned long long *raw = bpfgen_fentry_raw(ctx); // BAD
#else
	unsigned long long *raw = bpfgen_fmod_ret_raw(ctx);
#endif

	return raw[0] == 42 ? -1 : ret;
}

char LICENSE[] SEC("license") = "GPL";
