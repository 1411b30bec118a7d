// bpfgen-test: two maps of maps with different inner maps; the handle from one is given to the other's inner lookup (vmlinux.h)
// class: storage-object
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(pid_bytes, __u32, __u64, 256);
BPFGEN_HASH(pid_calls, __u32, __u64, 256);
BPFGEN_ARRAY_OF_MAPS(bytes_by_cpu, pid_bytes, 64);
BPFGEN_ARRAY_OF_MAPS(calls_by_cpu, pid_calls, 64);

BPFGEN_RAW_TRACEPOINT(on_enter, "sys_enter")
{
	__u32 cpu = bpf_get_smp_processor_id(), pid = bpfgen_current_tgid();
	bytes_by_cpu_inner *bytes = bytes_by_cpu_lookup(&cpu);
	__u64 *calls;

	if (!bytes)
		return 0;
#ifdef BPFGEN_TEST_BAD
	calls = calls_by_cpu_inner_lookup(bytes, &pid); // BAD
#else
	calls_by_cpu_inner *per_cpu = calls_by_cpu_lookup(&cpu);

	if (!per_cpu)
		return 0;
	calls = calls_by_cpu_inner_lookup(per_cpu, &pid);
#endif
	if (calls)
		__sync_fetch_and_add(calls, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
