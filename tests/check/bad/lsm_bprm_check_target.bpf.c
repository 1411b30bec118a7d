// bpfgen-test: LSM program whose hook is misspelled (bprm_check_securty): libbpf finds no bpf_lsm_bprm_check_securty in the kernel BTF before the kernel sees the program (vmlinux.h)
// kernel: refuses "failed to find kernel BTF type ID of 'bprm_check_securty'"
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

SEC("lsm/bprm_check_securty") // expect: error btf-target
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
