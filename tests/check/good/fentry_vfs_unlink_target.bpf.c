// bpfgen-test: fentry on vfs_unlink counting unlinks per uid, target written as in the kernel's BTF (vmlinux.h)
// kernel: skip "fentry/fexit/lsm programs are refused at load by this kernel"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} unlinks SEC(".maps");

SEC("fentry/vfs_unlink")
int BPF_PROG(trace_unlink, struct mnt_idmap *idmap, struct inode *dir, struct dentry *dentry)
{
	__u32 uid = bpf_get_current_uid_gid();
	__u64 one = 1, *cnt;

	cnt = bpf_map_lookup_elem(&unlinks, &uid);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&unlinks, &uid, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
