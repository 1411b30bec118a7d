// bpfgen-test: kprobe sends a struct of another event through NAME_output() of a typed ring buffer (vmlinux.h)
// class: value-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct open_event {
	__u32 pid;
	__s32 dfd;
};

struct close_event {
	__u32 pid;
	__u32 fd;
	__u64 ts;
};

BPFGEN_RINGBUF(open_events, struct open_event, 1 << 14);

BPFGEN_KPROBE(on_openat, "do_sys_openat2", int dfd)
{
	struct open_event o = { .pid = bpf_get_current_pid_tgid() >> 32, .dfd = dfd };
	struct close_event c = { .pid = o.pid };

	(void)c;
#ifdef BPFGEN_TEST_BAD
	if (open_events_output(&c) < 0) // BAD
#else
	if (open_events_output(&o) < 0)
#endif
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
