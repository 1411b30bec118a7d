// bpfgen-test: a uprobe copies a struct from user memory and ignores the -EFAULT of a bad pointer (vmlinux.h)
// class: unused-result
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct timespec_user {
	__s64 sec;
	__s64 nsec;
};

BPFGEN_HASH(last_sleep, __u32, struct timespec_user, 1024);

BPFGEN_UPROBE(on_nanosleep, "", const struct timespec_user *req)
{
	struct timespec_user ts = {};
	__u32 tgid = bpfgen_current_tgid();

#ifdef BPFGEN_TEST_BAD
	bpfgen_probe_read_user(&ts, req); // BAD
#else
	if (bpfgen_probe_read_user(&ts, req))
		return 0;
#endif
	if (last_sleep_update(&tgid, &ts, BPF_ANY))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
