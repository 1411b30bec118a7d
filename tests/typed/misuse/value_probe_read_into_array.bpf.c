// bpfgen-test: a kprobe reads a task's comm into a char array passed without &, which would copy one byte (vmlinux.h)
// class: value-type
// kernel: loads
// expect: bpfgen_probe_read_kernel: the destination must be a pointer
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct wake {
	char comm[BPFGEN_TASK_COMM_LEN];
};

BPFGEN_RINGBUF(wakes, struct wake, 16 * 1024);

BPFGEN_KPROBE(on_wake, "wake_up_process", struct task_struct *p)
{
	struct wake w;

#ifdef BPFGEN_TEST_BAD
	if (bpfgen_probe_read_kernel(w.comm, &p->comm)) // BAD
		return 0;
#else
	if (bpfgen_probe_read_kernel(&w.comm, &p->comm))
		return 0;
#endif
	if (wakes_output(&w))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
