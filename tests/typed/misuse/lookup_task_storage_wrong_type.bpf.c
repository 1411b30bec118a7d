// bpfgen-test: tp_btf sched_process_fork counts children in task storage, kept as a __u64 * (vmlinux.h)
// class: lookup-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct task_info {
	__u32 children;
	__u32 flags;
};

BPFGEN_TASK_STORAGE(task_info, struct task_info);

BPFGEN_TP_BTF(on_fork, "sched_process_fork", struct task_struct *parent, struct task_struct *child)
{
#ifdef BPFGEN_TEST_BAD
	__u64 *info = task_info_get(parent, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE); // BAD
#else
	struct task_info *info = task_info_get(parent, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE);
#endif

	if (!info)
		return 0;
#ifdef BPFGEN_TEST_BAD
	__sync_fetch_and_add(info, 1);
#else
	__sync_fetch_and_add(&info->children, 1);
#endif
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
