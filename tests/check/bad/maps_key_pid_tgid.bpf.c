// bpfgen-test: fsync latency: the kretprobe looks up and deletes the __u32-keyed start map with a pointer to the __u64 pid_tgid (the kernel reads its low half)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define MAX_SLOTS 32

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
} hist SEC(".maps");

const volatile __u32 targ_tgid = 0;

SEC("kprobe/vfs_fsync_range")
int BPF_KPROBE(fsync_entry)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tid = (__u32)pid_tgid;
	__u64 ts = bpf_ktime_get_ns();

	if (targ_tgid && (pid_tgid >> 32) != targ_tgid)
		return 0;
	(void)bpf_map_update_elem(&start, &tid, &ts, BPF_ANY);
	return 0;
}

SEC("kretprobe/vfs_fsync_range")
int BPF_KRETPROBE(fsync_return, int ret)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u64 *tsp, delta_us, *slot;
	__u32 idx = 0;

	tsp = bpf_map_lookup_elem(&start, &pid_tgid); // expect: warning map-key
	if (!tsp)
		return 0;
	delta_us = (bpf_ktime_get_ns() - *tsp) / 1000;
	(void)bpf_map_delete_elem(&start, &pid_tgid); // expect: warning map-key

	while (delta_us > 1 && idx < MAX_SLOTS - 1) {
		delta_us >>= 1;
		idx++;
	}
	slot = bpf_map_lookup_elem(&hist, &idx);
	if (slot)
		__sync_fetch_and_add(slot, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
