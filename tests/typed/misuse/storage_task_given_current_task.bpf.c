// bpfgen-test: tp_btf hands task storage bpf_get_current_task(), an untyped integer, not the BTF task pointer (vmlinux.h)
// class: storage-object
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct wake_count {
	__u64 wakeups;
};

BPFGEN_TASK_STORAGE(wake_count, struct wake_count);

BPFGEN_TP_BTF(on_wakeup_new, "sched_wakeup_new", struct task_struct *p)
{
	struct wake_count *w;

#ifdef BPFGEN_TEST_BAD
	w = wake_count_get(bpf_get_current_task(), NULL, BPF_LOCAL_STORAGE_GET_F_CREATE); // BAD
#else
	w = wake_count_get(bpf_get_current_task_btf(), NULL, BPF_LOCAL_STORAGE_GET_F_CREATE);
#endif
	if (w)
		__sync_fetch_and_add(&w->wakeups, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
