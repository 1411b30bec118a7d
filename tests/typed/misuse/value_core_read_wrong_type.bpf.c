// bpfgen-test: a CO-RE read of the parent's tgid (pid_t) through real_parent into a __u64 (vmlinux.h)
// class: value-type
// kernel: loads
// expect: BPFGEN_CORE_READ: the destination's type is not the field's
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(parent_of, __u32, __u32, 4096);

BPFGEN_TRACEPOINT(on_exec, "sched", "sched_process_exec", struct trace_event_raw_sched_process_exec)
{
	struct task_struct *task = bpfgen_current_task();
	__u32 tgid = bpfgen_current_tgid();
#ifdef BPFGEN_TEST_BAD
	__u64 ppid;

	if (BPFGEN_CORE_READ(&ppid, task, real_parent, tgid)) // BAD
		return 0;
#else
	pid_t ppid;

	if (BPFGEN_CORE_READ(&ppid, task, real_parent, tgid))
		return 0;
#endif
	if (parent_of_update(&tgid, &(__u32){ ppid }, BPF_ANY))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
