// bpfgen-test: LSM program in section "lsm.sleepable/file_open" (libbpf spells the sleepable variant "lsm.s/")
// kernel: refuses "missing BPF prog type, check ELF section name 'lsm.sleepable/file_open'"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define EPERM		1
#define FMODE_WRITE	0x2

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u64);	/* inode number */
	__type(value, __u8);
} protected_inodes SEC(".maps");

SEC("lsm.sleepable/file_open") // expect: error section-name
int BPF_PROG(protect_file_open, struct file *file, int ret)
{
	__u64 ino;

	if (ret != 0)
		return ret;
	if (!(file->f_mode & FMODE_WRITE))
		return 0;

	ino = file->f_inode->i_ino;
	if (bpf_map_lookup_elem(&protected_inodes, &ino))
		return -EPERM;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
