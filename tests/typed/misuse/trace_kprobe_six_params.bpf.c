// bpfgen-test: kprobe declares 6 parameters, more than the 5 registers BPFGEN_KPROBE reads (vmlinux.h)
// class: tracing-args
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(mmap_len, __u32, __u64, 4096);

#ifdef BPFGEN_TEST_BAD
BPFGEN_KPROBE(on_mmap, "do_mmap", struct file *file, unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags, unsigned long pgoff) // BAD
#else
BPFGEN_KPROBE(on_mmap, "do_mmap", struct file *file, unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags)
#endif
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 l = len;

	if (!file || mmap_len_update(&tgid, &l, BPF_ANY) < 0)
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
