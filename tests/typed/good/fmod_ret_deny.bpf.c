// bpfgen-test: fmod_ret: bpf_modify_return_test returns -EPERM for a listed pid, else runs (vmlinux.h)
// kernel: skip "this kernel refuses fmod_ret programs (EPERM): no trampolines"
#include "vmlinux.h"
#include <bpfgen/bpf.h>

#define EPERM 1

BPFGEN_HASH(denied, __u32, __u8, 64);

BPFGEN_FMOD_RET(deny_listed, "bpf_modify_return_test", int a, int *b, int ret)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;

	if (ret)
		return ret;	/* an earlier program decided */
	if (denied_lookup(&pid))
		return -EPERM;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
