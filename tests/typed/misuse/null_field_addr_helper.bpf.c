// bpfgen-test: kprobe passes &v->comm of an unchecked lookup to bpf_get_current_comm (vmlinux.h)
// class: null
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct opener {
	__u64 opens;
	char comm[16];
};

BPFGEN_LRU_HASH(openers, __u32, struct opener, 2048);

#define CURRENT_TGID() ((__u32)(bpf_get_current_pid_tgid() >> 32))

BPFGEN_KPROBE(on_open, "do_sys_openat2", int dfd, const char *filename)
{
	__u32 tgid = CURRENT_TGID();
	struct opener zero = {};
	struct opener *o;
	long err = openers_update(&tgid, &zero, BPF_NOEXIST);

	if (err < 0 && err != -17 /* -EEXIST: already there */)
		return 0;
	o = openers_lookup(&tgid);
#ifdef BPFGEN_TEST_BAD
	bpf_get_current_comm(&o->comm, sizeof(o->comm)); // BAD
#else
	if (!o)
		return 0;
	bpf_get_current_comm(&o->comm, sizeof(o->comm));
#endif
	o->opens++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
