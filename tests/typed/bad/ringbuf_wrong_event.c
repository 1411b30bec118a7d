// bpfgen-test: submitting a record of another type than the ring buffer's event type
// expect-error: incompatible pointer types passing 'struct other *' to parameter of type 'struct event *'
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct event {
	__u32 pid;
};
struct other {
	__u64 x;
};

BPFGEN_RINGBUF(events, struct event, 4096);

BPFGEN_TP_BTF(on_fork, "sched_process_fork", struct task_struct *parent, struct task_struct *child)
{
	struct other *e = (struct other *)events_reserve();

	if (e)
		events_submit(e);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
