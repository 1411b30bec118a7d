// bpfgen-test: hand-written libbpf twin of good/tp_btf_fork.bpf.c
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct fork_event {
	__u32 parent_pid;
	__u32 child_pid;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} children SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} forks SEC(".maps");

SEC("tp_btf/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct *parent, struct task_struct *child)
{
	struct fork_event ev = { .parent_pid = parent->tgid, .child_pid = child->pid };
	__u64 one = 1, *n;

	n = bpf_map_lookup_elem(&children, &ev.parent_pid);
	if (n)
		__sync_fetch_and_add(n, 1);
	else if (bpf_map_update_elem(&children, &ev.parent_pid, &one, BPF_ANY))
		return 0;
	if (bpf_ringbuf_output(&forks, &ev, sizeof(ev), 0))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
