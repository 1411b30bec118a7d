// bpfgen-test: tracepoint in the misspelled section "tracepiont/syscalls/sys_enter_execve"
// kernel: refuses "missing BPF prog type, check ELF section name 'tracepiont/syscalls/sys_enter_execve'"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TASK_COMM_LEN 16
#define ARGSIZE 128

struct exec_event {
	__u32 pid;
	__u32 uid;
	char comm[TASK_COMM_LEN];
	char filename[ARGSIZE];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} rb SEC(".maps");

const volatile uid_t targ_uid = -1;

SEC("tracepiont/syscalls/sys_enter_execve") // expect: error section-name
int tracepoint__syscalls__sys_enter_execve(struct trace_event_raw_sys_enter *ctx)
{
	uid_t uid = (__u32)bpf_get_current_uid_gid();
	const char *filename;
	struct exec_event *e;

	if (targ_uid != (uid_t)-1 && targ_uid != uid)
		return 0;

	e = bpf_ringbuf_reserve(&rb, sizeof(*e), 0);
	if (!e)
		return 0;

	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->uid = uid;
	bpf_get_current_comm(&e->comm, sizeof(e->comm));
	filename = (const char *)ctx->args[0];
	bpf_probe_read_user_str(e->filename, sizeof(e->filename), filename);
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
