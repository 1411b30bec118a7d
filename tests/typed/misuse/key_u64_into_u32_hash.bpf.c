// bpfgen-test: kprobe counts calls per pid_tgid, passing an &__u64 key to a __u32-key hash lookup (vmlinux.h)
// class: key-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(fsync_calls, __u32, __u64, 8192);

BPFGEN_KPROBE(on_fsync, "vfs_fsync_range", struct file *file)
{
	__u64 id = bpf_get_current_pid_tgid();
	__u32 tgid = id >> 32;
#ifdef BPFGEN_TEST_BAD
	__u64 *n = fsync_calls_lookup(&id); // BAD
#else
	__u64 *n = fsync_calls_lookup(&tgid);
#endif

	if (n) {
		__sync_fetch_and_add(n, 1);
		return 0;
	}
	{
		__u64 one = 1;

		if (fsync_calls_update(&tgid, &one, BPF_NOEXIST) < 0)
			return 0;
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
