// bpfgen-test: kprobe on vfs_read logs the byte count, a size_t, with %d (vmlinux.h)
// class: log-format
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>
#include <bpfgen/log.h>

BPFGEN_KPROBE(trace_read, "vfs_read", struct file *file, char *buf, size_t count)
{
	__u64 want = count;

	if (want < 4096)
		return 0;
#ifdef BPFGEN_TEST_BAD
	bpfgen_info(ctx, "large read of %d bytes", want); // BAD
#else
	bpfgen_info(ctx, "large read of %llu bytes", want);
#endif
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
