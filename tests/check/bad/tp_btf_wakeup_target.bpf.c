// bpfgen-test: runqlat-style tp_btf pair whose wakeup tracepoint is misspelled (sched_wakup): libbpf finds no btf_trace_sched_wakup in the kernel BTF (vmlinux.h)
// kernel: refuses "failed to find kernel BTF type ID of 'sched_wakup'"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);
	__type(value, __u64);
} start SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 32);
	__type(key, __u32);
	__type(value, __u64);
} hist SEC(".maps");

SEC("tp_btf/sched_wakup") // expect: error btf-target
int BPF_PROG(on_wakeup, struct task_struct *p)
{
	__u32 pid = p->pid;
	__u64 ts = bpf_ktime_get_ns();

	bpf_map_update_elem(&start, &pid, &ts, BPF_ANY);
	return 0;
}

SEC("tp_btf/sched_switch")
int BPF_PROG(on_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	__u32 pid = next->pid, slot = 0;
	__u64 *tsp, delta, *cnt;

	tsp = bpf_map_lookup_elem(&start, &pid);
	if (!tsp)
		return 0;
	delta = (bpf_ktime_get_ns() - *tsp) / 1000;
	bpf_map_delete_elem(&start, &pid);
	while (delta > 1 && slot < 31) {
		delta >>= 1;
		slot++;
	}
	cnt = bpf_map_lookup_elem(&hist, &slot);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
