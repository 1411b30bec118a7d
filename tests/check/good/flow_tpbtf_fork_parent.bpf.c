// bpfgen-test: tp_btf sched_process_fork counting children per parent process; the task arguments are BTF pointers, so direct dereference is allowed (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8192);
	__type(key, __u32);
	__type(value, __u64);
} forks_per_parent SEC(".maps");

SEC("tp_btf/sched_process_fork")
int BPF_PROG(tpbtf_fork, struct task_struct *parent, struct task_struct *child)
{
	__u64 one = 1, *cnt;
	__u32 ptgid;

	/* a new thread, not a new process */
	if (child->tgid != child->pid)
		return 0;

	ptgid = parent->tgid;
	cnt = bpf_map_lookup_elem(&forks_per_parent, &ptgid);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		(void)bpf_map_update_elem(&forks_per_parent, &ptgid, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
