// bpfgen-test: BPF_KSYSCALL under license "Apache-2.0": bpf_probe_read_user_str, and the BPF_CORE_READ inside the BPF_KSYSCALL expansion, are GPL-only
// kernel: refuses "cannot call GPL-restricted function from non-GPL compatible program"
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
int BPF_KSYSCALL(openat_entry, int dfd, const char *pathname, int flags) // expect: error license-gpl
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
	bpf_probe_read_user_str(e->filename, sizeof(e->filename), pathname); // expect: error license-gpl
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "Apache-2.0";
