// bpfgen-test: openat tracepoint sending the opened path through a ring buffer: the early return taken when reading the user string fails leaks the reservation (vmlinux.h)
// kernel: refuses "Unreleased reference"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define PATH_MAX_LEN 256

struct open_event {
	__u32 pid;
	__u32 uid;
	__s32 flags;
	__u32 pad;
	char path[PATH_MAX_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 20);
} open_events SEC(".maps");

const volatile __u32 target_uid = 0;

SEC("tracepoint/syscalls/sys_enter_openat")
int trace_openat(struct trace_event_raw_sys_enter *ctx)
{
	__u32 uid = (__u32)bpf_get_current_uid_gid();
	struct open_event *e;

	if (target_uid && uid != target_uid)
		return 0;

	e = bpf_ringbuf_reserve(&open_events, sizeof(*e), 0); // expect: error ringbuf-leak
	if (!e)
		return 0;
	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->uid = uid;
	e->flags = (__s32)ctx->args[2];
	if (bpf_probe_read_user_str(e->path, sizeof(e->path), (const char *)ctx->args[1]) < 0)
		return 0;
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
