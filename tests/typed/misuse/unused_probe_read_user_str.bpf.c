// bpfgen-test: a kprobe on openat copies the user's path and ignores the length or -errno (vmlinux.h)
// class: unused-result
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct open_event {
	__u32 tgid;
	char path[64];
};

BPFGEN_RINGBUF(opens, struct open_event, 64 * 1024);

BPFGEN_KPROBE(on_openat, "do_sys_openat2", int dfd, const char *filename)
{
	struct open_event *e = opens_reserve();

	if (!e)
		return 0;
	e->tgid = bpfgen_current_tgid();
#ifdef BPFGEN_TEST_BAD
	bpfgen_probe_read_user_str(e->path, filename); // BAD
#else
	if (bpfgen_probe_read_user_str(e->path, filename) < 0) {
		opens_discard(e);
		return 0;
	}
#endif
	opens_submit(e);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
