// bpfgen-test: an array of maps over a ring buffer, which has no key or value for a typed inner lookup (vmlinux.h)
// class: lookup-type
// kernel: loads
// expect: no member named 'key'
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct ev {
	__u32 cpu;
};

BPFGEN_RINGBUF(events, struct ev, 4096);
BPFGEN_HASH(per_cpu_counts, __u32, __u64, 64);

#ifdef BPFGEN_TEST_BAD
BPFGEN_ARRAY_OF_MAPS(rings_by_cpu, events, 8); // BAD
#else
BPFGEN_ARRAY_OF_MAPS(rings_by_cpu, per_cpu_counts, 8);
#endif

BPFGEN_RAW_TRACEPOINT(tick, "sys_enter")
{
	struct ev e = { .cpu = bpf_get_smp_processor_id() };

	if (events_output(&e))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
