// bpfgen-test: raw tracepoint declared over struct pt_regs * (copied from a kprobe): PT_REGS_PARM2 reads offset 104, past the 12 u64 raw_tp arguments
// kernel: refuses "invalid bpf_context access off=104 size=8"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 32768);
	__type(key, __u32);	/* pid */
	__type(value, __u64);	/* fork timestamp */
} born SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 128 * 1024);
} lifetimes SEC(".maps");

struct lifetime {
	__u32 pid;
	__u64 ns;
};

SEC("raw_tracepoint/sched_process_fork")
int handle_fork(struct pt_regs *ctx) // expect: error ctx-type
{
	/* TP_PROTO(struct task_struct *parent, struct task_struct *child) */
	struct task_struct *child = (struct task_struct *)PT_REGS_PARM2(ctx);
	__u32 pid = BPF_CORE_READ(child, pid);
	__u64 now = bpf_ktime_get_ns();

	bpf_map_update_elem(&born, &pid, &now, BPF_ANY);
	return 0;
}

SEC("raw_tp/sched_process_exit")
int BPF_PROG(handle_exit, struct task_struct *p)
{
	__u32 pid = BPF_CORE_READ(p, pid);
	struct lifetime *e;
	__u64 *ts;

	ts = bpf_map_lookup_elem(&born, &pid);
	if (!ts)
		return 0;
	e = bpf_ringbuf_reserve(&lifetimes, sizeof(*e), 0);
	if (e) {
		e->pid = pid;
		e->ns = bpf_ktime_get_ns() - *ts;
		bpf_ringbuf_submit(e, 0);
	}
	bpf_map_delete_elem(&born, &pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
