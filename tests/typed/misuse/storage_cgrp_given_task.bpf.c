// bpfgen-test: tp_btf cgroup_mkdir counts events per cgroup but hands cgrp storage the current task_struct * (vmlinux.h)
// class: storage-object
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct cg_forks {
	__u64 forks;
};

BPFGEN_CGRP_STORAGE(cg_forks, struct cg_forks);

BPFGEN_TP_BTF(on_mkdir_cg, "cgroup_mkdir", struct cgroup *cgrp, const char *path)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct cg_forks *f;

	(void)task;
#ifdef BPFGEN_TEST_BAD
	f = cg_forks_get(task, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE); // BAD
#else
	f = cg_forks_get(cgrp, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE);
#endif
	if (f)
		__sync_fetch_and_add(&f->forks, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
