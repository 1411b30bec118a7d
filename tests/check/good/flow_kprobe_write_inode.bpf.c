// bpfgen-test: kprobe on vfs_write counting written bytes per inode; the struct file * from PT_REGS_PARM1 is followed with bpf_probe_read_kernel (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, __u64);
	__type(value, __u64);
} bytes_per_inode SEC(".maps");

SEC("kprobe/vfs_write")
int trace_vfs_write(struct pt_regs *ctx)
{
	struct file *file = (struct file *)PT_REGS_PARM1(ctx);
	__u64 count = (__u64)PT_REGS_PARM3(ctx);
	struct inode *inode = NULL;
	__u64 ino = 0, *total;

	if (bpf_probe_read_kernel(&inode, sizeof(inode), &file->f_inode) || !inode)
		return 0;
	if (bpf_probe_read_kernel(&ino, sizeof(ino), &inode->i_ino))
		return 0;

	total = bpf_map_lookup_elem(&bytes_per_inode, &ino);
	if (total)
		__sync_fetch_and_add(total, count);
	else
		(void)bpf_map_update_elem(&bytes_per_inode, &ino, &count, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
