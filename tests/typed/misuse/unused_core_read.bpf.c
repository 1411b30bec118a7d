// bpfgen-test: a CO-RE read of a task's start time whose -errno is ignored, leaving the zeroed value as if it were read (vmlinux.h)
// class: unused-result
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(start_ns, __u32, __u64, 4096);

BPFGEN_KPROBE(on_exit, "do_exit")
{
	struct task_struct *task = bpfgen_current_task();
	__u32 tgid = bpfgen_current_tgid();
	__u64 start = 0;

#ifdef BPFGEN_TEST_BAD
	BPFGEN_CORE_READ(&start, task, start_time); // BAD
#else
	if (BPFGEN_CORE_READ(&start, task, start_time))
		return 0;
#endif
	if (start_ns_update(&tgid, &start, BPF_ANY))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
