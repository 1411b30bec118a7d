// bpfgen-test: kprobe on do_exit reading the exiting task's parent through bpf_get_current_task_btf(), a BTF pointer that may be dereferenced directly even in a kprobe (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, __u32);
	__type(value, __u32);
} exit_parent SEC(".maps");

SEC("kprobe/do_exit")
int BPF_KPROBE(exit_with_parent, long code)
{
	struct task_struct *task = bpf_get_current_task_btf();
	__u32 tgid, ppid;

	if (task->pid != task->tgid)
		return 0;
	tgid = task->tgid;
	ppid = task->real_parent->tgid;
	(void)bpf_map_update_elem(&exit_parent, &tgid, &ppid, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
