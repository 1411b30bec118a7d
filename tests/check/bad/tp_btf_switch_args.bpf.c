// bpfgen-test: tp_btf/sched_switch declared with the btf_trace_sched_switch typedef's hidden void *__data first: five BPF_PROG() arguments for four, every name one off
// kernel: refuses "func 'sched_switch' doesn't have 5-th argument"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} switches SEC(".maps");

SEC("tp_btf/sched_switch")
int BPF_PROG(count_switch, void *data, bool preempt, struct task_struct *prev, // expect: error btf-args
	     struct task_struct *next, unsigned int prev_state)
{
	__u32 key = prev_state & 0xf;
	__u64 *cnt;

	if (!preempt || !next->pid)
		return 0;
	cnt = bpf_map_lookup_elem(&switches, &key);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
