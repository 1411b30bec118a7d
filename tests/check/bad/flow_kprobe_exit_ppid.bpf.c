// bpfgen-test: kprobe on do_exit recording the exit code and parent pid of exiting processes: the task from bpf_get_current_task() is dereferenced directly (vmlinux.h)
// kernel: refuses "invalid mem access 'scalar'"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct exit_info {
	__u32 ppid;
	__s32 code;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, __u32);
	__type(value, struct exit_info);
} exits SEC(".maps");

__u64 update_failures = 0;

SEC("kprobe/do_exit")
int BPF_KPROBE(trace_do_exit, long code)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	__u64 id = bpf_get_current_pid_tgid();
	struct exit_info info = {};
	__u32 tgid = id >> 32;

	/* only the thread group leader's exit ends the process */
	if ((__u32)id != tgid)
		return 0;

	info.ppid = task->real_parent->tgid; // expect: warning kernel-deref
	info.code = (code >> 8) & 0xff;
	if (bpf_map_update_elem(&exits, &tgid, &info, BPF_ANY))
		__sync_fetch_and_add(&update_failures, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
