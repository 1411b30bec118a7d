// bpfgen-test: tp_btf sched_process_exit deletes task storage given the exiting pid (an int) instead of the task (vmlinux.h)
// class: storage-object
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct task_acct {
	__u64 start_ns;
};

BPFGEN_TASK_STORAGE(task_acct, struct task_acct);
BPFGEN_ARRAY(exits_seen, __u64, 1);

BPFGEN_TP_BTF(on_task_exit, "sched_process_exit", struct task_struct *p)
{
	int pid = p->pid;
	__u32 zero = 0;
	__u64 *n = exits_seen_lookup(&zero);
	struct task_acct *a;

	if (n)
		__sync_fetch_and_add(n, 1);
#ifdef BPFGEN_TEST_BAD
	a = task_acct_get(pid, NULL, 0); // BAD
#else
	a = task_acct_get(p, NULL, 0);
#endif
	if (!a || !pid)
		return 0;
	a->start_ns = 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
