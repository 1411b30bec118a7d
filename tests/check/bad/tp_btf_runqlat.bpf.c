// bpfgen-test: tp_btf programs under the SPDX id "GPL-2.0-only": bpf_probe_read_kernel_str is GPL-only (and so is reading BTF pointers like p->pid, which the kernel refuses first)
// kernel: refuses "from non-GPL compatible program"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define TASK_COMM_LEN 16

struct slow_event {
	__u32 pid;
	__u64 delta_us;
	char task[TASK_COMM_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);
	__type(value, __u64);
} wakeup_ts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} slow SEC(".maps");

const volatile __u64 min_us = 10000;

static __always_inline int trace_enqueue(__u32 pid)
{
	__u64 ts = bpf_ktime_get_ns();

	if (pid)
		bpf_map_update_elem(&wakeup_ts, &pid, &ts, BPF_ANY);
	return 0;
}

SEC("tp_btf/sched_wakeup")
int BPF_PROG(handle_sched_wakeup, struct task_struct *p)
{
	return trace_enqueue(p->pid);
}

SEC("tp_btf/sched_wakeup_new")
int handle_sched_wakeup_new(__u64 *ctx)
{
	struct task_struct *p = (struct task_struct *)ctx[0];

	return trace_enqueue(p->pid);
}

SEC("tp_btf/sched_switch")
int BPF_PROG(handle_sched_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	__u32 pid = next->pid;
	struct slow_event *e;
	__u64 *tsp, delta_us;

	tsp = bpf_map_lookup_elem(&wakeup_ts, &pid);
	if (!tsp)
		return 0;
	delta_us = (bpf_ktime_get_ns() - *tsp) / 1000;
	bpf_map_delete_elem(&wakeup_ts, &pid);
	if (delta_us < min_us)
		return 0;

	e = bpf_ringbuf_reserve(&slow, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = pid;
	e->delta_us = delta_us;
	bpf_probe_read_kernel_str(e->task, sizeof(e->task), next->comm); // expect: error license-gpl
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL-2.0-only";
