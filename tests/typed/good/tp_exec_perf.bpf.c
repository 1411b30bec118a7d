// bpfgen-test: tracepoint sched/sched_process_exec: typed record, exec events to a perf event array, exec counts per uid in a hash (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct exec_event {
	__u32 pid;
	__u32 old_pid;
	char comm[16];
	char filename[64];
};

BPFGEN_PERF_EVENT_ARRAY(exec_events, struct exec_event);
BPFGEN_HASH(execs_by_uid, __u32, __u64, 1024);

BPFGEN_TRACEPOINT(exec, "sched", "sched_process_exec", struct trace_event_raw_sched_process_exec)
{
	struct exec_event ev = {};
	__u32 uid = (__u32)bpf_get_current_uid_gid();
	__u64 one = 1, *n;
	unsigned int off = args->__data_loc_filename & 0xFFFF;

	ev.pid = args->pid;
	ev.old_pid = args->old_pid;
	bpf_get_current_comm(ev.comm, sizeof(ev.comm));
	bpf_probe_read_str(ev.filename, sizeof(ev.filename), (const char *)args + off);
	if (exec_events_output(ctx, &ev))
		return 0;

	n = execs_by_uid_lookup(&uid);
	if (n)
		__sync_fetch_and_add(n, 1);
	else if (execs_by_uid_update(&uid, &one, BPF_NOEXIST))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
