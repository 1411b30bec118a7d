// bpfgen-test: raw_tp sched_process_exec reading a field of a map value through a helper function that computes its address, the lookup result unchecked (vmlinux.h)
// kernel: refuses "pointer arithmetic on map_value_or_null prohibited"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct exec_seen {
	__u64 first_ns;
	__u64 count;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, struct exec_seen);
} seen SEC(".maps");

static __always_inline __u64 count_of(struct exec_seen *e)
{
	__u64 n = 0;

	bpf_probe_read_kernel(&n, sizeof(n), &e->count);
	return n;
}

SEC("raw_tp/sched_process_exec")
int rawtp_exec_stdin(struct bpf_raw_tracepoint_args *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	struct exec_seen *e = bpf_map_lookup_elem(&seen, &tgid);

	if (count_of(e) > 16)	// expect: error null-deref
		bpf_printk("exec storm from %u", tgid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
