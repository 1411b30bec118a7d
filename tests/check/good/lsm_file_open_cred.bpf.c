// bpfgen-test: LSM program on file_open with the hook's one argument and the previous program's return value (vmlinux.h)
// kernel: skip "fentry/fexit/lsm programs are refused at load by this kernel"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define EACCES 13

const volatile __u32 locked_uid = 0;

SEC("lsm/file_open")
int BPF_PROG(restrict_open, struct file *file, int ret)
{
	if (ret)
		return ret;
	if (locked_uid && file->f_cred->fsuid.val == locked_uid)
		return -EACCES;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
