// bpfgen-test: raw tracepoint seeds an LRU per-CPU hash of struct sys_stat with an int (vmlinux.h)
// class: value-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct sys_stat {
	__u64 calls;
	__u64 last_ns;
};

BPFGEN_LRU_PERCPU_HASH(sys_stats, __u32, struct sys_stat, 512);

BPFGEN_RAW_TRACEPOINT(on_sys_enter, "sys_enter", struct pt_regs *regs, long id)
{
	__u32 nr = id;
	struct sys_stat *s = sys_stats_lookup(&nr);

	if (s) {
		s->calls++;
		s->last_ns = bpf_ktime_get_ns();
		return 0;
	}
	{
#ifdef BPFGEN_TEST_BAD
		int one = 1;

		if (sys_stats_update(&nr, &one, BPF_NOEXIST) < 0) // BAD
#else
		struct sys_stat one = { .calls = 1 };

		if (sys_stats_update(&nr, &one, BPF_NOEXIST) < 0)
#endif
			return 0;
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
