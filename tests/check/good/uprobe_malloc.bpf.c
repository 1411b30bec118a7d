// bpfgen-test: uprobe/uretprobe pair on libc malloc written with BPF_UPROBE/BPF_URETPROBE (shimmed for libbpf < 1.3), "?"-prefixed sections (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

/* libbpf 1.3 added BPF_UPROBE/BPF_URETPROBE; older headers only have the kprobe forms. */
#ifndef BPF_UPROBE
#define BPF_UPROBE BPF_KPROBE
#endif
#ifndef BPF_URETPROBE
#define BPF_URETPROBE BPF_KRETPROBE
#endif

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);	/* tid */
	__type(value, __u64);	/* requested size */
} sizes SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, __u64);	/* address */
	__type(value, __u64);	/* size */
} allocs SEC(".maps");

SEC("?uprobe/libc.so.6:malloc")
int BPF_UPROBE(malloc_enter, size_t size)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	__u64 sz = size;

	bpf_map_update_elem(&sizes, &tid, &sz, BPF_ANY);
	return 0;
}

SEC("?uretprobe/libc.so.6:malloc")
int BPF_URETPROBE(malloc_exit, void *address)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	__u64 addr = (__u64)address;
	__u64 *sz;

	sz = bpf_map_lookup_elem(&sizes, &tid);
	if (!sz)
		return 0;
	if (addr)
		bpf_map_update_elem(&allocs, &addr, sz, BPF_ANY);
	bpf_map_delete_elem(&sizes, &tid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
