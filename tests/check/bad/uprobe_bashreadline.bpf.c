// bpfgen-test: uretprobe calling the GPL-only bpf_probe_read_user_str with no license section at all
// kernel: refuses "cannot call GPL-restricted function from non-GPL compatible program"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define TASK_COMM_LEN 16
#define MAX_LINE_SIZE 80

struct readline_event {
	__u32 pid;
	char comm[TASK_COMM_LEN];
	char line[MAX_LINE_SIZE];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} lines SEC(".maps");

SEC("uretprobe//bin/bash:readline")
int BPF_KRETPROBE(printret, const void *ret)
{
	struct readline_event *e;
	char comm[TASK_COMM_LEN];

	if (!ret)
		return 0;

	bpf_get_current_comm(&comm, sizeof(comm));
	if (comm[0] != 'b' || comm[1] != 'a' || comm[2] != 's' || comm[3] != 'h' || comm[4] != 0)
		return 0;

	e = bpf_ringbuf_reserve(&lines, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = bpf_get_current_pid_tgid() >> 32;
	__builtin_memcpy(e->comm, comm, sizeof(comm));
	bpf_probe_read_user_str(e->line, sizeof(e->line), ret); // expect: error license-gpl
	bpf_ringbuf_submit(e, 0);
	return 0;
}
