// bpfgen-test: kprobe logs pid and flags with two conversions and one argument (vmlinux.h)
// class: log-format
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpfgen/bpf.h>
#include <bpfgen/log.h>

#define TGID() ((__u32)(bpf_get_current_pid_tgid() >> 32))

BPFGEN_KPROBE(log_rename, "vfs_rename", struct renamedata *rd)
{
	__u32 pid = TGID();
	unsigned int flags = BPF_CORE_READ(rd, flags);

#ifdef BPFGEN_TEST_BAD
	bpfgen_info(ctx, "rename by %u flags %x", pid); // BAD
#else
	bpfgen_info(ctx, "rename by %u flags %x", pid, flags);
#endif
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
