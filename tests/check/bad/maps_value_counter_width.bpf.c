// bpfgen-test: raw_syscalls/sys_enter syscall counter inserting a __u32 one into a hash of __u64 counters (4 bytes given, 8 read: the neighbouring stack slot lands in the high half)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} syscall_counts SEC(".maps");

const volatile pid_t targ_tgid = 0;

SEC("tracepoint/raw_syscalls/sys_enter")
int count_syscalls(struct trace_event_raw_sys_enter *ctx)
{
	pid_t tgid = bpf_get_current_pid_tgid() >> 32;
	__u32 nr = (__u32)ctx->id;
	__u32 one = 1;
	__u64 *cnt;

	if (targ_tgid && tgid != targ_tgid)
		return 0;

	cnt = bpf_map_lookup_elem(&syscall_counts, &nr);
	if (cnt) {
		__sync_fetch_and_add(cnt, 1);
		return 0;
	}
	if (bpf_map_update_elem(&syscall_counts, &nr, &one, BPF_NOEXIST)) { // expect: error map-value
		/* another CPU inserted it first */
		cnt = bpf_map_lookup_elem(&syscall_counts, &nr);
		if (cnt)
			__sync_fetch_and_add(cnt, 1);
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
