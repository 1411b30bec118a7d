// bpfgen-test: fexit whose target has two letters swapped (vfs_raed): libbpf finds no such function in the kernel BTF before the kernel sees the program (vmlinux.h)
// kernel: refuses "failed to find kernel BTF type ID of 'vfs_raed'"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} bytes_read SEC(".maps");

SEC("fexit/vfs_raed") // expect: error btf-target
int BPF_PROG(vfs_read_exit, struct file *file, char *buf, size_t count, loff_t *pos, ssize_t ret)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 *total, n;

	if (ret <= 0)
		return 0;
	n = ret;
	total = bpf_map_lookup_elem(&bytes_read, &tgid);
	if (total)
		__sync_fetch_and_add(total, n);
	else
		bpf_map_update_elem(&bytes_read, &tgid, &n, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
