// bpfgen-test: tracepoint updates a hash of struct exec_info with a struct of another type (vmlinux.h)
// class: value-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct exec_info {
	__u64 ts;
	__u32 old_pid;
	__u32 pad;
};

struct exit_info {
	__u64 ts;
	__s32 code;
};

BPFGEN_HASH(last_exec, __u32, struct exec_info, 8192);

BPFGEN_TRACEPOINT(on_exec_record, "sched", "sched_process_exec", struct trace_event_raw_sched_process_exec)
{
	__u32 pid = args->pid;
	struct exec_info e = { .ts = bpf_ktime_get_ns(), .old_pid = args->old_pid };
	struct exit_info x = { .ts = e.ts };

	(void)x;
#ifdef BPFGEN_TEST_BAD
	if (last_exec_update(&pid, &x, BPF_ANY) < 0) // BAD
#else
	if (last_exec_update(&pid, &e, BPF_ANY) < 0)
#endif
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
