// bpfgen-test: kretprobe on vfs_read given the function's parameters instead of one for the return value (vmlinux.h)
// class: tracing-args
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_PERCPU_ARRAY(read_bytes, __u64, 1);

#ifdef BPFGEN_TEST_BAD
BPFGEN_KRETPROBE(read_ret, "vfs_read", struct file *file, long ret) // BAD
#else
BPFGEN_KRETPROBE(read_ret, "vfs_read", long ret)
#endif
{
	__u32 zero = 0;
	__u64 *n = read_bytes_lookup(&zero);

	if (n && ret > 0)
		*n += ret;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
