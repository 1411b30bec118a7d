// bpfgen-test: fentry, fexit and lsm with typed BTF arguments and a cgroup storage (vmlinux.h)
// kernel: skip "this kernel refuses fentry, fexit and lsm programs (EPERM)"
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(unlinks, __u32, __u64, 1024);
BPFGEN_CGRP_STORAGE(cgroup_unlinks, __u64);

BPFGEN_FENTRY(unlink_entry, "vfs_unlink", struct mnt_idmap *idmap, struct inode *dir, struct dentry *dentry)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 ino = dir->i_ino, *n;
	struct task_struct *task = bpf_get_current_task_btf();

	n = cgroup_unlinks_get(task->cgroups->dfl_cgrp, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (n)
		*n += 1;

	if (unlinks_update(&pid, &ino, BPF_ANY))
		return 0;
	return 0;
}

BPFGEN_FEXIT(read_exit, "vfs_read", struct file *file, char *buf, size_t count, loff_t *pos, ssize_t ret)
{
	return ret < 0;
}

BPFGEN_LSM(deny_exec_tmp, "bprm_check_security", struct linux_binprm *bprm)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;

	if (unlinks_lookup(&pid))
		return -1; /* -EPERM */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
