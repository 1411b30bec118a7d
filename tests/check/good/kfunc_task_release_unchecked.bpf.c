// bpfgen-test: tp_btf program that looks up the thread group leader with bpf_task_from_pid(), which returns NULL when the pid is gone, and releases it inside the test that found it (vmlinux.h)
// kernel: loads
// kernel 6.1: refuses "'bpf_task_from_pid': not found in kernel or module BTFs"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym;
extern void bpf_task_release(struct task_struct *p) __ksym;

__u64 leader_prio_sum;

SEC("tp_btf/task_newtask")
int BPF_PROG(sum_leader_prio, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *leader;
	int prio = 0;

	leader = bpf_task_from_pid(task->tgid);
	if (leader) {
		prio = leader->prio;
		bpf_task_release(leader);
	}
	__sync_fetch_and_add(&leader_prio_sum, prio);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
