// bpfgen-test: hand-written libbpf twin of good/lsm_inode_storage.bpf.c
// kernel: skip "this kernel refuses lsm programs at load (EPERM): inode storage is compile-tested only"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct inode_opens {
	__u64 opens;
	__u32 last_tgid;
};

struct {
	__uint(type, BPF_MAP_TYPE_INODE_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct inode_opens);
} opens SEC(".maps");

SEC("lsm/file_open")
int BPF_PROG(count_open, struct file *file)
{
	struct inode_opens *o = bpf_inode_storage_get(&opens, file->f_inode, NULL,
						      BPF_LOCAL_STORAGE_GET_F_CREATE);

	if (!o)
		return 0;
	__sync_fetch_and_add(&o->opens, 1);
	o->last_tgid = bpf_get_current_pid_tgid() >> 32;
	return 0;
}

SEC("lsm/inode_unlink")
int BPF_PROG(keep_hot, struct inode *dir, struct dentry *dentry)
{
	struct inode_opens *o = bpf_inode_storage_get(&opens, dentry->d_inode, NULL, 0);

	if (o && o->opens > 1000)
		return -1; /* -EPERM */
	if (o && bpf_inode_storage_delete(&opens, dentry->d_inode))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
