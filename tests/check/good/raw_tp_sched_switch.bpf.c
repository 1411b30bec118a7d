// bpfgen-test: raw tracepoint sched_switch over struct bpf_raw_tracepoint_args *, task fields read with BPF_CORE_READ (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16384);
	__type(key, __u32);	/* pid */
	__type(value, __u64);	/* times scheduled in */
} sched_in SEC(".maps");

SEC("raw_tp/sched_switch")
int raw_sched_switch(struct bpf_raw_tracepoint_args *ctx)
{
	/* TP_PROTO(bool preempt, struct task_struct *prev, struct task_struct *next, ...) */
	struct task_struct *next = (struct task_struct *)ctx->args[2];
	__u64 one = 1, *cnt;
	__u32 pid;

	pid = BPF_CORE_READ(next, pid);
	if (!pid)
		return 0;

	cnt = bpf_map_lookup_elem(&sched_in, &pid);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&sched_in, &pid, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
