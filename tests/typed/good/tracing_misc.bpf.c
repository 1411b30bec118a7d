// bpfgen-test: raw tracepoint with typed args, uprobe/uretprobe on readline, perf_event sampling, task storage (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct task_stats {
	__u64 switches;
};

BPFGEN_TASK_STORAGE(task_stats, struct task_stats);
BPFGEN_PERCPU_HASH(samples, __u64, __u64, 10240);
BPFGEN_LRU_HASH(lines, __u32, __u64, 1024);

BPFGEN_RAW_TRACEPOINT(on_switch, "sched_switch", bool preempt, struct task_struct *prev)
{
	struct task_stats *st = task_stats_get(bpf_get_current_task_btf(), NULL,
					       BPF_LOCAL_STORAGE_GET_F_CREATE);

	if (st)
		st->switches++;
	return 0;
}

BPFGEN_UPROBE(readline_enter, "")
{
	return 0;
}

BPFGEN_URETPROBE(readline_exit, "", const char *line)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 one = 1;

	if (!line)
		return 0;
	if (lines_update(&pid, &one, BPF_ANY))
		return 0;
	return 0;
}

BPFGEN_PERF_EVENT(sample_ip)
{
	__u64 ip = bpfgen_perf_event_addr(ctx), one = 1, *n;

	n = samples_lookup(&ip);
	if (n)
		*n += 1;
	else if (samples_update(&ip, &one, BPF_NOEXIST))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
