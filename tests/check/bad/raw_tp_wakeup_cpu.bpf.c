// bpfgen-test: raw_tp/sched_wakeup reads ctx->args[1] for a target CPU, but sched_wakeup passes one argument (the task): the kernel loads it and refuses to attach it
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 128);
	__type(key, __u32);	/* target cpu */
	__type(value, __u64);	/* wakeups */
} wakeups SEC(".maps");

SEC("raw_tp/sched_wakeup")
int count_wakeups(struct bpf_raw_tracepoint_args *ctx)
{
	struct task_struct *p = (struct task_struct *)ctx->args[0];
	__u32 cpu = ctx->args[1]; // expect: error btf-args
	__u64 *n;

	if (!BPF_CORE_READ(p, pid))
		return 0;
	n = bpf_map_lookup_elem(&wakeups, &cpu);
	if (n)
		*n += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
