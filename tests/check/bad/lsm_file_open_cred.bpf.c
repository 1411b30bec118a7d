// bpfgen-test: LSM program on file_open declared with the hook's old signature (file, cred): the previous program's return value is read from a slot that does not exist
// kernel: skip "fentry/fexit/lsm programs are refused at load by this kernel"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define EACCES 13

const volatile __u32 locked_uid = 0;

SEC("lsm/file_open")
int BPF_PROG(restrict_open, struct file *file, const struct cred *cred, int ret) // expect: error btf-args
{
	if (ret)
		return ret;
	if (locked_uid && cred->fsuid.val == locked_uid)
		return -EACCES;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
