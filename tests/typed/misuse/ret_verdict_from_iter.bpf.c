// bpfgen-test: iterator returns BPFGEN_VERDICT_PASS from its int body (vmlinux.h)
// class: return-kind
// kernel: loads
// expect: returning 'bpfgen_verdict'
#include "vmlinux.h"
#include <bpf/bpf_tracing.h>
#include <bpfgen/bpf.h>

BPFGEN_ITER(dump_pids, task, struct task_struct *task)
{
	if (!task)
		return 0;
	BPF_SEQ_PRINTF(bpfgen_iter_seq(ctx), "%d\n", task->tgid);
#ifdef BPFGEN_TEST_BAD
	return BPFGEN_VERDICT_PASS; // BAD
#else
	return 0;
#endif
}

char LICENSE[] SEC("license") = "GPL";
