// bpfgen-test: BPF_KSYSCALL on openat streaming file names to a ring buffer (vmlinux.h + bpf_core_read.h, license "GPL")
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#define NAME_MAX_LEN 128

struct open_event {
	__u32 pid;
	int flags;
	char comm[16];
	char filename[NAME_MAX_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} open_events SEC(".maps");

const volatile __u32 target_pid = 0;

SEC("ksyscall/openat")
int BPF_KSYSCALL(openat_entry, int dfd, const char *pathname, int flags)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	struct open_event *e;

	if (target_pid && pid != target_pid)
		return 0;

	e = bpf_ringbuf_reserve(&open_events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = pid;
	e->flags = flags;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_probe_read_user_str(e->filename, sizeof(e->filename), pathname);
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
