// bpfgen-test: cgroup/dev program returning -EPERM to deny (device programs must return 0 or 1)
// kernel: refuses "should have been in [0, 1]"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define BPF_DEVCG_DEV_BLOCK (1U << 0)
#define EPERM 1

struct dev_event {
	__u32 pid;
	__u32 major;
	__u32 minor;
	__u32 access;
	char comm[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} denials SEC(".maps");

SEC("cgroup/dev")
int deny_block_devices(struct bpf_cgroup_dev_ctx *ctx)
{
	__u32 type = ctx->access_type & 0xFFFF;
	struct dev_event *e;

	if (type != BPF_DEVCG_DEV_BLOCK)
		return 1;

	e = bpf_ringbuf_reserve(&denials, sizeof(*e), 0);
	if (e) {
		e->pid = bpf_get_current_pid_tgid() >> 32;
		e->major = ctx->major;
		e->minor = ctx->minor;
		e->access = ctx->access_type >> 16;
		bpf_get_current_comm(e->comm, sizeof(e->comm));
		bpf_ringbuf_submit(e, 0);
	}
	return -EPERM; // expect: error return-range
}

char LICENSE[] SEC("license") = "GPL";
