// bpfgen-test: lsm file_open keeps per-inode state but hands inode storage the current task (vmlinux.h)
// class: storage-object
// kernel: skip "this kernel refuses lsm programs at load (EPERM)"
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_INODE_STORAGE(inode_opens, __u64);

BPFGEN_LSM(count_opens, "file_open", struct file *file)
{
	struct task_struct *task = bpfgen_current_task();
	__u64 *n;

	(void)task;
#ifdef BPFGEN_TEST_BAD
	n = inode_opens_get(task, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE); // BAD
#else
	n = inode_opens_get(file->f_inode, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE);
#endif
	if (n)
		__sync_fetch_and_add(n, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
