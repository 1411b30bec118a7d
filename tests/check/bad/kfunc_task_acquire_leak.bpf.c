// bpfgen-test: tp_btf program that holds the parent of each new task with bpf_task_acquire() while it reads its credentials, but returns early for kernel threads without bpf_task_release(): the verifier refuses a reference still held at exit (vmlinux.h)
// kernel: refuses "Unreleased reference"
// kernel 6.1: refuses "'bpf_task_acquire': not found in kernel or module BTFs"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym;
extern void bpf_task_release(struct task_struct *p) __ksym;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} forks_by_uid SEC(".maps");

SEC("tp_btf/task_newtask")
int BPF_PROG(count_forks, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *parent;
	__u64 one = 1, *n;
	__u32 uid;

	parent = bpf_task_acquire(task->real_parent);	// expect: error kfunc-release
	if (!parent)
		return 0;
	if (parent->flags & 0x00200000 /* PF_KTHREAD */)
		return 0;
	uid = parent->cred->uid.val;
	bpf_task_release(parent);

	n = bpf_map_lookup_elem(&forks_by_uid, &uid);
	if (n)
		__sync_fetch_and_add(n, 1);
	else
		bpf_map_update_elem(&forks_by_uid, &uid, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
