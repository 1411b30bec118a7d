// bpfgen-test: kprobe calling bpf_probe_read_kernel twice under the SPDX id "GPL-2.0" (the kernel wants "GPL" or "GPL v2")
// kernel: refuses "cannot call GPL-restricted function from non-GPL compatible program"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct read_key {
	__u64 ino;
	__u32 pid;
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, struct read_key);
	__type(value, __u64);
} read_bytes SEC(".maps");

SEC("kprobe/vfs_read")
int trace_vfs_read(struct pt_regs *ctx)
{
	struct file *file = (struct file *)PT_REGS_PARM1(ctx);
	__u64 count = PT_REGS_PARM3(ctx);
	struct read_key key = {};
	struct inode *inode = NULL;
	__u64 *total;

	key.pid = bpf_get_current_pid_tgid() >> 32;
	bpf_probe_read_kernel(&inode, sizeof(inode), &file->f_inode); // expect: error license-gpl
	if (!inode)
		return 0;
	bpf_probe_read_kernel(&key.ino, sizeof(key.ino), &inode->i_ino); // expect: error license-gpl

	total = bpf_map_lookup_elem(&read_bytes, &key);
	if (total)
		__sync_fetch_and_add(total, count);
	else
		bpf_map_update_elem(&read_bytes, &key, &count, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL-2.0";
