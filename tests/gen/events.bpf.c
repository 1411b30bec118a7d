// SPDX-License-Identifier: GPL-2.0
/*
 * bpfgen gen input: a ring buffer and a perf event array whose event type is
 * recorded by the bpfgen_event__<map> convention, a tracepoint program that
 * fills both, a
 * syscall program that writes a malformed record into it, and a .rodata
 * configuration. Types are defined here: the golden header carries
 * them (no --types).
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

enum exec_kind {
	EXEC_PLAIN = 1,
	EXEC_TRACED = 2,
};

struct exec_event {
	__u32 pid;
	__u32 tgid;
	__u64 ts_ns;
	enum exec_kind kind;
	char comm[16];
};

struct config {
	__u32 only_tgid;
	__u8 verbose;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} exec_events SEC(".maps");

/* never used: records the ring buffer's event type in BTF for bpfgen gen */
struct exec_event *bpfgen_event__exec_events __attribute__((weak));

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} exec_perf SEC(".maps");

struct exec_event *bpfgen_event__exec_perf __attribute__((weak));

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 128);
	__type(key, __u32);
	__type(value, struct exec_event);
} last_exec SEC(".maps");

const volatile struct config cfg = {};
__u64 seen = 0;

/* the record of tracepoint/sched/sched_process_exec, as its format file says */
struct sched_process_exec_args {
	__u64 common;
	int filename_loc;
	int pid;
	int old_pid;
};

SEC("tracepoint/sched/sched_process_exec")
int on_exec(struct sched_process_exec_args *args)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct exec_event *e;
	__u32 tgid = id >> 32;

	if (cfg.only_tgid && cfg.only_tgid != tgid)
		return 0;
	__sync_fetch_and_add(&seen, 1);
	e = bpf_ringbuf_reserve(&exec_events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = (__u32)id;
	e->tgid = tgid;
	e->ts_ns = bpf_ktime_get_ns();
	e->kind = EXEC_PLAIN;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_map_update_elem(&last_exec, &tgid, e, BPF_ANY);
	bpf_perf_event_output(args, &exec_perf, BPF_F_CURRENT_CPU, e, sizeof(*e));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

/* a record too short to be an exec_event: the typed callback must not see it */
SEC("syscall")
int short_record(void *ctx)
{
	__u32 junk = 0xdead;

	return bpf_ringbuf_output(&exec_events, &junk, sizeof(junk), 0);
}

char LICENSE[] SEC("license") = "GPL";
