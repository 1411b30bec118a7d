// bpfgen-test: the command name is read into a char * to a buffer, which would be measured as 8 bytes (vmlinux.h)
// class: value-type
// kernel: loads
// expect: bpfgen_current_comm: pass a char array, not a pointer
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct name_rec {
	char comm[BPFGEN_TASK_COMM_LEN];
};

BPFGEN_PERCPU_ARRAY(scratch, struct name_rec, 1);
BPFGEN_HASH(names, __u32, struct name_rec, 1024);

BPFGEN_KPROBE(on_open, "do_sys_openat2")
{
	__u32 zero = 0, tgid = bpfgen_current_tgid();
	struct name_rec *r = scratch_lookup(&zero);
	char *buf;

	if (!r)
		return 0;
	buf = r->comm;
	(void)buf;
#ifdef BPFGEN_TEST_BAD
	bpfgen_current_comm(buf); // BAD
#else
	bpfgen_current_comm(r->comm);
#endif
	if (names_update(&tgid, r, BPF_ANY))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
