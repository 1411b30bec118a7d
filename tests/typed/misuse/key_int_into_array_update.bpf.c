// bpfgen-test: uprobe stores a config slot through an &__u64 index into a __u32-key array update (vmlinux.h)
// class: key-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(last_len, __u64, 8);

BPFGEN_UPROBE(on_readline_ret, "", const char *prompt)
{
	__u64 slot64 = bpf_get_smp_processor_id() & 7;
	__u32 slot = slot64;
	__u64 now = bpf_ktime_get_ns();

	(void)slot;
#ifdef BPFGEN_TEST_BAD
	if (last_len_update(&slot64, &now, BPF_ANY) < 0) // BAD
#else
	if (last_len_update(&slot, &now, BPF_ANY) < 0)
#endif
		return 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
