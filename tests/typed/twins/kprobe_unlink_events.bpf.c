// bpfgen-test: hand-written libbpf twin of good/kprobe_unlink_events.bpf.c
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct unlink_event {
	__u32 pid;
	int dfd;
	long ret;
	char name[64];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, struct unlink_event);
} inflight SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} unlink_events SEC(".maps");

SEC("kprobe/do_unlinkat")
int BPF_KPROBE(unlink_enter, int dfd, struct filename *name)
{
	struct unlink_event ev = {};
	const char *s;

	ev.pid = bpf_get_current_pid_tgid() >> 32;
	ev.dfd = dfd;
	s = BPF_CORE_READ(name, name);
	bpf_probe_read_kernel_str(ev.name, sizeof(ev.name), s);
	if (bpf_map_update_elem(&inflight, &ev.pid, &ev, BPF_ANY))
		return 0;
	return 0;
}

SEC("kretprobe/do_unlinkat")
int BPF_KRETPROBE(unlink_exit, long ret)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	struct unlink_event *start, *e;

	start = bpf_map_lookup_elem(&inflight, &pid);
	if (!start)
		return 0;
	e = bpf_ringbuf_reserve(&unlink_events, sizeof(*e), 0);
	if (e) {
		e->pid = pid;
		e->dfd = start->dfd;
		e->ret = ret;
		__builtin_memcpy(e->name, start->name, sizeof(e->name));
		bpf_ringbuf_submit(e, 0);
	}
	if (bpf_map_delete_elem(&inflight, &pid))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
