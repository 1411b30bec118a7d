// bpfgen-test: raw tracepoint claims a per-pid slot with __sync_val_compare_and_swap on an unchecked lookup (vmlinux.h)
// class: null
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(first_cpu, __u32, __u64, 8192);

BPFGEN_RAW_TRACEPOINT(on_wakeup, "sched_wakeup", struct task_struct *p)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 cpu = bpf_get_smp_processor_id() + 1;
	__u64 *slot = first_cpu_lookup(&pid);

#ifdef BPFGEN_TEST_BAD
	__sync_val_compare_and_swap(slot, 0, cpu); // BAD
#else
	if (!slot)
		return 0;
	__sync_val_compare_and_swap(slot, 0, cpu);
#endif
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
