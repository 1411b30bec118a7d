// bpfgen-test: kprobe clears a ring buffer reservation with __builtin_memset before testing it (vmlinux.h)
// class: null
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct unlink_event {
	__u32 pid;
	__s32 dfd;
	char comm[16];
};

BPFGEN_RINGBUF(unlinks, struct unlink_event, 1 << 16);

BPFGEN_KPROBE(on_unlink, "do_unlinkat", int dfd, struct filename *name)
{
	struct unlink_event *e = unlinks_reserve();

#ifdef BPFGEN_TEST_BAD
	__builtin_memset(e, 0, sizeof(*e)); // BAD
#else
	if (!e)
		return 0;
	__builtin_memset(e, 0, sizeof(*e));
#endif
	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->dfd = dfd;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	unlinks_submit(e);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
