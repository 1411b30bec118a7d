// bpfgen-test: cgroup/sock_create audit sending (pid, family, type, protocol) of new sockets to a ring buffer (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct sock_event {
	__u32 pid;
	__u32 family;
	__u32 type;
	__u32 protocol;
	char comm[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} sock_events SEC(".maps");

SEC("cgroup/sock_create")
int audit_sock_create(struct bpf_sock *ctx)
{
	struct sock_event *e;

	e = bpf_ringbuf_reserve(&sock_events, sizeof(*e), 0);
	if (!e)
		return 1;

	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->family = ctx->family;
	e->type = ctx->type;
	e->protocol = ctx->protocol;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
