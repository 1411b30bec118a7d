// bpfgen-test: hand-written libbpf twin of good/tracing_misc.bpf.c
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct task_stats {
	__u64 switches;
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct task_stats);
} task_stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 10240);
	__type(key, __u64);
	__type(value, __u64);
} samples SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} lines SEC(".maps");

SEC("raw_tp/sched_switch")
int on_switch(struct bpf_raw_tracepoint_args *ctx)
{
	struct task_stats *st = bpf_task_storage_get(&task_stats, bpf_get_current_task_btf(), NULL,
						     BPF_LOCAL_STORAGE_GET_F_CREATE);

	if (st)
		st->switches++;
	return 0;
}

SEC("uprobe/")
int readline_enter(struct pt_regs *ctx)
{
	return 0;
}

SEC("uretprobe/")
int BPF_KRETPROBE(readline_exit, const char *line)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 one = 1;

	if (!line)
		return 0;
	if (bpf_map_update_elem(&lines, &pid, &one, BPF_ANY))
		return 0;
	return 0;
}

SEC("perf_event")
int sample_ip(struct bpf_perf_event_data *ctx)
{
	__u64 ip = ctx->addr, one = 1, *n;

	n = bpf_map_lookup_elem(&samples, &ip);
	if (n)
		*n += 1;
	else if (bpf_map_update_elem(&samples, &ip, &one, BPF_NOEXIST))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
