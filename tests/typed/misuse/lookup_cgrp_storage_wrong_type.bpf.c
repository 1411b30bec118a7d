// bpfgen-test: tp_btf cgroup_mkdir numbers new cgroups in cgroup storage, kept as an int * (vmlinux.h)
// class: lookup-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct cg_info {
	__u64 created_ns;
	__u64 seq;
};

BPFGEN_CGRP_STORAGE(cg_info, struct cg_info);
BPFGEN_ARRAY(cg_seq, __u64, 1);

BPFGEN_TP_BTF(on_mkdir, "cgroup_mkdir", struct cgroup *cgrp, const char *path)
{
	__u32 zero = 0;
	__u64 *seq = cg_seq_lookup(&zero);
#ifdef BPFGEN_TEST_BAD
	int *info = cg_info_get(cgrp, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE); // BAD
#else
	struct cg_info *info = cg_info_get(cgrp, NULL, BPF_LOCAL_STORAGE_GET_F_CREATE);
#endif

	if (!info || !seq)
		return 0;
#ifdef BPFGEN_TEST_BAD
	*info = __sync_fetch_and_add(seq, 1);
#else
	info->created_ns = bpf_ktime_get_ns();
	info->seq = __sync_fetch_and_add(seq, 1);
#endif
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
