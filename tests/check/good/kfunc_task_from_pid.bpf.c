// bpfgen-test: tp_btf program on task_newtask taking a reference to the thread group leader with the bpf_task_from_pid() kfunc and releasing it (vmlinux.h)
// kernel: loads
// kernel 6.1: refuses "'bpf_task_from_pid': not found in kernel or module BTFs"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym;
extern void bpf_task_release(struct task_struct *p) __ksym;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} threads SEC(".maps");

SEC("tp_btf/task_newtask")
int BPF_PROG(count_threads, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *leader;
	__u64 one = 1, *cnt;
	__u32 tgid;

	leader = bpf_task_from_pid(task->tgid);
	if (!leader)
		return 0;
	tgid = leader->tgid;
	bpf_task_release(leader);

	cnt = bpf_map_lookup_elem(&threads, &tgid);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&threads, &tgid, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
