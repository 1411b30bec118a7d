// bpfgen-test: hand-written libbpf twin of good/fmod_ret_deny.bpf.c
// kernel: skip "this kernel refuses fmod_ret programs (EPERM): no trampolines"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define EPERM 1

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u8);
} denied SEC(".maps");

SEC("fmod_ret/bpf_modify_return_test")
int BPF_PROG(deny_listed, int a, int *b, int ret)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;

	if (ret)
		return ret;
	if (bpf_map_lookup_elem(&denied, &pid))
		return -EPERM;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
