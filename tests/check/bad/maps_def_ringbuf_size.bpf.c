// bpfgen-test: kprobe on vfs_unlink with a 100 KiB ring buffer, not a power-of-2 multiple of the 4096-byte page (libbpf silently creates 128 KiB)
// kernel: loads
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define TASK_COMM_LEN 16

struct unlink_event {
	__u64 ts_ns;
	__u32 pid;
	__u32 uid;
	char comm[TASK_COMM_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 100 * 1024);
} unlink_events SEC(".maps"); // expect: warning map-def

const volatile __u32 targ_uid = (__u32)-1;

SEC("kprobe/vfs_unlink")
int BPF_KPROBE(trace_vfs_unlink)
{
	__u32 uid = (__u32)bpf_get_current_uid_gid();
	struct unlink_event *e;

	if (targ_uid != (__u32)-1 && uid != targ_uid)
		return 0;

	e = bpf_ringbuf_reserve(&unlink_events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->ts_ns = bpf_ktime_get_ns();
	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->uid = uid;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
