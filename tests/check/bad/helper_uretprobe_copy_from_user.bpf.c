// bpfgen-test: uretprobe on bash's readline reading the returned line with bpf_copy_from_user, which may sleep, in a non-sleepable section
// kernel: refuses "helper call might sleep in a non-sleepable prog"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define MAX_LINE 80

struct line {
	__u32 pid;
	char str[MAX_LINE];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} lines SEC(".maps");

SEC("uretprobe//bin/bash:readline")
int BPF_KRETPROBE(printret, const void *ret)
{
	struct line *l;

	if (!ret)
		return 0;
	l = bpf_ringbuf_reserve(&lines, sizeof(*l), 0);
	if (!l)
		return 0;
	l->pid = bpf_get_current_pid_tgid() >> 32;
	if (bpf_copy_from_user(l->str, sizeof(l->str), ret)) { // expect: error helper-sleepable
		bpf_ringbuf_discard(l, 0);
		return 0;
	}
	bpf_ringbuf_submit(l, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
