// bpfgen-test: tracepoint sched/sched_process_exec over a user-defined record struct (from the tracepoint's format file), counting execs per uid (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

/* /sys/kernel/tracing/events/sched/sched_process_exec/format */
struct sched_process_exec_args {
	unsigned short common_type;
	unsigned char common_flags;
	unsigned char common_preempt_count;
	int common_pid;
	int __data_loc_filename;
	int pid;
	int old_pid;
};

struct exec_stat {
	__u64 count;
	__u32 last_pid;
	char last_comm[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, struct exec_stat);
} execs_by_uid SEC(".maps");

SEC("tracepoint/sched/sched_process_exec")
int on_exec(struct sched_process_exec_args *args)
{
	__u32 uid = (__u32)bpf_get_current_uid_gid();
	struct exec_stat *st, zero = {};

	st = bpf_map_lookup_elem(&execs_by_uid, &uid);
	if (!st) {
		bpf_map_update_elem(&execs_by_uid, &uid, &zero, BPF_NOEXIST);
		st = bpf_map_lookup_elem(&execs_by_uid, &uid);
		if (!st)
			return 0;
	}
	st->count++;
	st->last_pid = args->pid;
	bpf_get_current_comm(st->last_comm, sizeof(st->last_comm));
	return 0;
}

char _license[] SEC("license") = "GPL";
