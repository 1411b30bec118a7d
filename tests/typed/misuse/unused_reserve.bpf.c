// bpfgen-test: perf_event sampler calls NAME_reserve() for its side effect and drops the pointer (vmlinux.h)
// class: unused-result
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct cpu_sample {
	__u32 pid;
	__u32 cpu;
	__u64 period;
};

BPFGEN_RINGBUF(samples, struct cpu_sample, 1 << 16);

BPFGEN_PERF_EVENT(on_sample)
{
#ifdef BPFGEN_TEST_BAD
	samples_reserve(); // BAD
#else
	struct cpu_sample *s = samples_reserve();

	if (!s)
		return 0;
	s->pid = bpf_get_current_pid_tgid() >> 32;
	s->cpu = bpf_get_smp_processor_id();
	s->period = bpfgen_perf_event_sample_period(ctx);
	samples_submit(s);
#endif
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
