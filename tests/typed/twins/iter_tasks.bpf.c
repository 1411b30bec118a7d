// bpfgen-test: hand-written libbpf twin of good/iter_tasks.bpf.c
// kernel: run
// kernel-run: iter . dump_tasks "pid %PID% comm "
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("iter/task")
int dump_tasks(struct bpf_iter__task *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	struct task_struct *task = ctx->task;

	if (!task)
		return 0;
	if (ctx->meta->seq_num == 0)
		BPF_SEQ_PRINTF(seq, "tasks:\n");
	BPF_SEQ_PRINTF(seq, "pid %d comm %s\n", task->pid, task->comm);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
