// bpfgen-test: kprobe/kretprobe pair measuring vfs_fsync_range latency: the start timestamp is dereferenced before its NULL check (vmlinux.h)
// kernel: refuses "invalid mem access 'map_value_or_null'"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define MAX_SLOTS 64

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);
	__type(value, __u64);
} start SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, MAX_SLOTS);
	__type(key, __u32);
	__type(value, __u64);
} hist_ms SEC(".maps");

__u64 start_dropped = 0;

SEC("kprobe/vfs_fsync_range")
int BPF_KPROBE(fsync_entry)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	__u64 ts = bpf_ktime_get_ns();

	if (bpf_map_update_elem(&start, &tid, &ts, BPF_ANY))
		__sync_fetch_and_add(&start_dropped, 1);
	return 0;
}

SEC("kretprobe/vfs_fsync_range")
int BPF_KRETPROBE(fsync_exit, int ret)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	__u64 *tsp, *cnt, delta;
	__u32 slot;

	tsp = bpf_map_lookup_elem(&start, &tid);
	delta = bpf_ktime_get_ns() - *tsp; // expect: error null-deref
	if (!tsp)
		return 0;
	(void)bpf_map_delete_elem(&start, &tid);

	slot = delta / 1000000;
	if (slot >= MAX_SLOTS)
		slot = MAX_SLOTS - 1;
	cnt = bpf_map_lookup_elem(&hist_ms, &slot);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
