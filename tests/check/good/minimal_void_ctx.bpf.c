// bpfgen-test: libbpf-bootstrap "minimal" style programs over void *ctx: a tracepoint, a raw tracepoint and a kprobe (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "Dual BSD/GPL";

int my_pid = 0;
__u64 exits = 0;
__u64 signals = 0;

SEC("tp/syscalls/sys_enter_write")
int handle_tp(void *ctx)
{
	int pid = bpf_get_current_pid_tgid() >> 32;

	if (pid != my_pid)
		return 0;

	bpf_printk("BPF triggered from PID %d.\n", pid);
	return 0;
}

SEC("raw_tp/sched_process_exit")
int count_exits(void *ctx)
{
	__sync_fetch_and_add(&exits, 1);
	return 0;
}

SEC("kprobe/__send_signal_locked")
int count_signals(void *ctx)
{
	__sync_fetch_and_add(&signals, 1);
	return 0;
}
