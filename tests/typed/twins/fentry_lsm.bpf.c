// bpfgen-test: hand-written libbpf twin of good/fentry_lsm.bpf.c
// kernel: skip "this kernel refuses fentry, fexit and lsm programs (EPERM)"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} unlinks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CGRP_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} cgroup_unlinks SEC(".maps");

SEC("fentry/vfs_unlink")
int BPF_PROG(unlink_entry, struct mnt_idmap *idmap, struct inode *dir, struct dentry *dentry)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 ino = dir->i_ino, *n;
	struct task_struct *task = bpf_get_current_task_btf();

	n = bpf_cgrp_storage_get(&cgroup_unlinks, task->cgroups->dfl_cgrp, NULL,
				 BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (n)
		*n += 1;

	if (bpf_map_update_elem(&unlinks, &pid, &ino, BPF_ANY))
		return 0;
	return 0;
}

SEC("fexit/vfs_read")
int BPF_PROG(read_exit, struct file *file, char *buf, size_t count, loff_t *pos, ssize_t ret)
{
	return ret < 0;
}

SEC("lsm/bprm_check_security")
int BPF_PROG(deny_exec_tmp, struct linux_binprm *bprm)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;

	if (bpf_map_lookup_elem(&unlinks, &pid))
		return -1; /* -EPERM */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
