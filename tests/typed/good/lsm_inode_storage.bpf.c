// bpfgen-test: lsm file_open and inode_unlink with inode storage: opens counted per inode, unlinks of hot inodes denied (vmlinux.h)
// kernel: skip "this kernel refuses lsm programs at load (EPERM): inode storage is compile-tested only"
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct inode_opens {
	__u64 opens;
	__u32 last_tgid;
};

BPFGEN_INODE_STORAGE(opens, struct inode_opens);

BPFGEN_LSM(count_open, "file_open", struct file *file)
{
	struct inode_opens *o = opens_get(file->f_inode, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE);

	if (!o)
		return 0;
	__sync_fetch_and_add(&o->opens, 1);
	o->last_tgid = bpfgen_current_tgid();
	return 0;
}

BPFGEN_LSM(keep_hot, "inode_unlink", struct inode *dir, struct dentry *dentry)
{
	struct inode_opens *o = opens_get(dentry->d_inode, NULL, 0);

	if (o && o->opens > 1000)
		return -1; /* -EPERM */
	if (o && opens_delete(dentry->d_inode))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
