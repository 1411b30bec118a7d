// bpfgen-test: kfuncs declared __weak for kernels that lack them (bpf_cpumask_any(), renamed in Linux 6.5), checked before the call: libbpf leaves a missing one at zero (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern __u32 bpf_cpumask_any(const struct cpumask *cpumask) __ksym __weak;
extern __u32 bpf_cpumask_any_distribute(const struct cpumask *cpumask) __ksym __weak;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} allowed_cpu SEC(".maps");

SEC("tp_btf/sched_switch")
int BPF_PROG(sample_affinity, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	__u64 *cnt;
	__u32 cpu;

	if (bpf_cpumask_any_distribute)
		cpu = bpf_cpumask_any_distribute(next->cpus_ptr);
	else if (bpf_cpumask_any)
		cpu = bpf_cpumask_any(next->cpus_ptr);
	else
		return 0;
	cnt = bpf_map_lookup_elem(&allowed_cpu, &cpu);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
