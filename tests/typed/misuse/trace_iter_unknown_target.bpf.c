// bpfgen-test: iterator over target 'tasks', which the kernel does not have (it is 'task') (vmlinux.h)
// class: tracing-args
// kernel: run
// kernel-run: iter . count_tasks "tasks: "
// expect: struct bpf_iter__tasks
#include "vmlinux.h"
#include <bpf/bpf_tracing.h>
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(total, __u64, 1);

#ifdef BPFGEN_TEST_BAD
BPFGEN_ITER(count_tasks, tasks, struct task_struct *task) // BAD
#else
BPFGEN_ITER(count_tasks, task, struct task_struct *task)
#endif
{
	__u32 zero = 0;
	__u64 *n = total_lookup(&zero);

	if (!n)
		return 0;
	if (task) {
		*n += 1;
		return 0;
	}
	BPF_SEQ_PRINTF(bpfgen_iter_seq(ctx), "tasks: %llu\n", *n);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
