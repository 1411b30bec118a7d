// bpfgen-test: sched_process_exit tracepoint with its two maps swapped: bpf_map_lookup_elem on the ring buffer, bpf_ringbuf_reserve on the hash
// kernel: refuses "invalid zero-sized read"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct exit_event {
	__u32 pid;
	__u32 uid;
	int exit_code;
	char comm[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} exit_events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} exits_by_uid SEC(".maps");

SEC("tracepoint/sched/sched_process_exit")
int handle_exit(struct trace_event_raw_sched_process_template *ctx)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	__u32 uid = (__u32)bpf_get_current_uid_gid();
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct exit_event *e;
	__u64 *cnt;

	if ((__u32)pid_tgid != pid_tgid >> 32)
		return 0; /* a thread, not the whole process */

	cnt = bpf_map_lookup_elem(&exit_events, &uid); // expect: error map-kind
	if (cnt)
		__sync_fetch_and_add(cnt, 1);

	e = bpf_ringbuf_reserve(&exits_by_uid, sizeof(*e), 0); // expect: error map-kind
	if (!e)
		return 0;
	e->pid = pid_tgid >> 32;
	e->uid = uid;
	e->exit_code = (BPF_CORE_READ(task, exit_code) >> 8) & 0xff;
	bpf_get_current_comm(&e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
