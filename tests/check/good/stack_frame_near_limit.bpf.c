// bpfgen-test: sys_enter_execve tracepoint building a 472-byte event on the stack and sending it with bpf_perf_event_output (under the 512-byte frame limit) (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define PATH_LEN 440

struct exec_event {
	__u64 ts_ns;
	__u32 pid;
	__u32 ppid_unused;
	char comm[16];
	char path[PATH_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} exec_events SEC(".maps");

static __always_inline long emit(void *ctx, struct exec_event *ev)
{
	return bpf_perf_event_output(ctx, &exec_events, BPF_F_CURRENT_CPU, ev, sizeof(*ev));
}

SEC("tracepoint/syscalls/sys_enter_execve")
int trace_execve(struct trace_event_raw_sys_enter *ctx)
{
	struct exec_event ev = {};
	const char *filename = (const char *)ctx->args[0];

	ev.ts_ns = bpf_ktime_get_ns();
	ev.pid = bpf_get_current_pid_tgid() >> 32;
	bpf_get_current_comm(ev.comm, sizeof(ev.comm));
	if (bpf_probe_read_user_str(ev.path, sizeof(ev.path), filename) < 0)
		return 0;
	if (emit(ctx, &ev) < 0)
		bpf_printk("execve event lost for pid %u", ev.pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
