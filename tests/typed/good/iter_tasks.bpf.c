// bpfgen-test: iter/task: one line per task with its pid and command (vmlinux.h)
// kernel: run
// kernel-run: iter . dump_tasks "pid %PID% comm "
#include "vmlinux.h"
#include <bpf/bpf_tracing.h>
#include <bpfgen/bpf.h>

BPFGEN_ITER(dump_tasks, task, struct task_struct *task)
{
	struct seq_file *seq = bpfgen_iter_seq(ctx);

	if (!task)
		return 0;	/* the end of the iteration */
	if (bpfgen_iter_seq_num(ctx) == 0)
		BPF_SEQ_PRINTF(seq, "tasks:\n");
	BPF_SEQ_PRINTF(seq, "pid %d comm %s\n", task->pid, task->comm);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
