// bpfgen-test: raw_tp sched_process_fork counting children per parent process: the parent task cast from ctx->args[0] is dereferenced directly (vmlinux.h)
// kernel: refuses "invalid mem access 'scalar'"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8192);
	__type(key, __u32);
	__type(value, __u64);
} forks_per_parent SEC(".maps");

SEC("raw_tp/sched_process_fork")
int rawtp_fork(struct bpf_raw_tracepoint_args *ctx)
{
	struct task_struct *parent = (struct task_struct *)ctx->args[0];
	struct task_struct *child = (struct task_struct *)ctx->args[1];
	__u64 one = 1, *cnt;
	__u32 ptgid;

	/* a new thread, not a new process */
	if (BPF_CORE_READ(child, tgid) != BPF_CORE_READ(child, pid))
		return 0;

	ptgid = parent->tgid; // expect: warning kernel-deref
	cnt = bpf_map_lookup_elem(&forks_per_parent, &ptgid);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		(void)bpf_map_update_elem(&forks_per_parent, &ptgid, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
