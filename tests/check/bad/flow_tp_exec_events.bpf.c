// bpfgen-test: tracepoint sched_process_exec streaming exec events: the ring buffer reservation is filled in with no NULL check (vmlinux.h)
// kernel: refuses "invalid mem access 'ringbuf_mem_or_null'"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TASK_COMM_LEN 16
#define MAX_FILENAME_LEN 127

struct exec_event {
	__u32 pid;
	__u32 old_pid;
	__u64 ts_ns;
	char comm[TASK_COMM_LEN];
	char filename[MAX_FILENAME_LEN + 1];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} exec_events SEC(".maps");

SEC("tp/sched/sched_process_exec")
int handle_exec(struct trace_event_raw_sched_process_exec *ctx)
{
	unsigned int fname_off = ctx->__data_loc_filename & 0xFFFF;
	struct exec_event *e;

	e = bpf_ringbuf_reserve(&exec_events, sizeof(*e), 0);

	e->pid = ctx->pid; // expect: error null-deref
	e->old_pid = ctx->old_pid;
	e->ts_ns = bpf_ktime_get_ns();
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_probe_read_kernel_str(e->filename, sizeof(e->filename), (void *)ctx + fname_off);

	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
