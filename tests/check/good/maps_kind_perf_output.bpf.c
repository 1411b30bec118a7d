// bpfgen-test: kprobe on tcp_connect sending connect events through a PERF_EVENT_ARRAY with bpf_perf_event_output, counting lost events (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>

#define AF_INET 2

struct connect_event {
	__u32 pid;
	__u32 daddr;
	__u16 dport;
	__u16 pad;
	char comm[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} connect_events SEC(".maps");

__u64 lost_events = 0;

SEC("kprobe/tcp_connect")
int BPF_KPROBE(trace_tcp_connect, struct sock *sk)
{
	struct connect_event ev = {};
	long err;

	if (BPF_CORE_READ(sk, __sk_common.skc_family) != AF_INET)
		return 0;

	ev.pid = bpf_get_current_pid_tgid() >> 32;
	ev.daddr = BPF_CORE_READ(sk, __sk_common.skc_daddr);
	ev.dport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
	bpf_get_current_comm(&ev.comm, sizeof(ev.comm));

	err = bpf_perf_event_output(ctx, &connect_events, BPF_F_CURRENT_CPU, &ev, sizeof(ev));
	if (err)
		__sync_fetch_and_add(&lost_events, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
