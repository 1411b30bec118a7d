// bpfgen-test: LSM program on bprm_check_security refusing exec of files from a denied inode list (vmlinux.h)
// kernel: skip "fentry/fexit/lsm programs are refused at load by this kernel"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define EPERM 1

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u64);	/* inode number */
	__type(value, __u8);
} denied_exec SEC(".maps");

SEC("lsm/bprm_check_security")
int BPF_PROG(check_exec, struct linux_binprm *bprm, int ret)
{
	__u64 ino;

	if (ret)
		return ret;
	ino = bprm->file->f_inode->i_ino;
	if (bpf_map_lookup_elem(&denied_exec, &ino))
		return -EPERM;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
