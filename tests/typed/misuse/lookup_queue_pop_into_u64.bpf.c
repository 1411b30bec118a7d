// bpfgen-test: sysctl hook drains a queue of __u32 pids into a __u64 (vmlinux.h)
// class: lookup-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_QUEUE(pending_pids, __u32, 128);
BPFGEN_ARRAY(last_pid, __u32, 1);

BPFGEN_CGROUP_SYSCTL(sysctl_drain)
{
	__u32 zero = 0, *slot;
#ifdef BPFGEN_TEST_BAD
	__u64 pid;
	if (pending_pids_pop(&pid)) // BAD
#else
	__u32 pid;
	if (pending_pids_pop(&pid))
#endif
		return BPFGEN_VERDICT_PASS;
	slot = last_pid_lookup(&zero);
	if (slot)
		*slot = pid;
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
