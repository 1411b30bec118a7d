// bpfgen-test: a kprobe reads the 64-bit i_ino of an inode into a __u32 with the typed probe read (vmlinux.h)
// class: value-type
// kernel: loads
// expect: bpfgen_probe_read_kernel: the source points to another type
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_HASH(unlinked, __u32, __u64, 1024);

BPFGEN_KPROBE(on_unlink, "vfs_unlink", struct mnt_idmap *idmap, struct inode *dir)
{
	__u32 tgid = bpfgen_current_tgid();
#ifdef BPFGEN_TEST_BAD
	__u32 ino;

	if (bpfgen_probe_read_kernel(&ino, &dir->i_ino)) // BAD
		return 0;
#else
	__u64 ino;

	if (bpfgen_probe_read_kernel(&ino, &dir->i_ino))
		return 0;
#endif
	if (unlinked_update(&tgid, &(__u64){ ino }, BPF_ANY))
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
