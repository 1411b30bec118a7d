// bpfgen-test: kprobe/kretprobe pair on do_unlinkat: entry args typed, events through a ringbuf, in-flight pids in a hash (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpfgen/bpf.h>

struct unlink_event {
	__u32 pid;
	int dfd;
	long ret;
	char name[64];
};

BPFGEN_HASH(inflight, __u32, struct unlink_event, 1024);
BPFGEN_RINGBUF(unlink_events, struct unlink_event, 256 * 1024);

BPFGEN_KPROBE(unlink_enter, "do_unlinkat", int dfd, struct filename *name)
{
	struct unlink_event ev = {};
	const char *s;

	ev.pid = bpf_get_current_pid_tgid() >> 32;
	ev.dfd = dfd;
	s = BPF_CORE_READ(name, name);
	bpf_probe_read_kernel_str(ev.name, sizeof(ev.name), s);
	if (inflight_update(&ev.pid, &ev, BPF_ANY))
		return 0;
	return 0;
}

BPFGEN_KRETPROBE(unlink_exit, "do_unlinkat", long ret)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	struct unlink_event *start, *e;

	start = inflight_lookup(&pid);
	if (!start)
		return 0;
	e = unlink_events_reserve();
	if (e) {
		e->pid = pid;
		e->dfd = start->dfd;
		e->ret = ret;
		__builtin_memcpy(e->name, start->name, sizeof(e->name));
		unlink_events_submit(e);
	}
	if (inflight_delete(&pid))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
