// bpfgen-test: sockops program in section "sock_ops" (libbpf spells it "sockops")
// kernel: refuses "missing BPF prog type, check ELF section name 'sock_ops'"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define AF_INET 2

struct rtt_event {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u32 srtt_us;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 18);
} rtt_events SEC(".maps");

static __always_inline void report_rtt(struct bpf_sock_ops *skops)
{
	struct rtt_event *e;

	e = bpf_ringbuf_reserve(&rtt_events, sizeof(*e), 0);
	if (!e)
		return;
	e->saddr = skops->local_ip4;
	e->daddr = skops->remote_ip4;
	e->sport = skops->local_port;
	e->dport = bpf_ntohl(skops->remote_port);
	e->srtt_us = skops->srtt_us >> 3;
	bpf_ringbuf_submit(e, 0);
}

SEC("sock_ops") // expect: error section-name
int sockops_rtt(struct bpf_sock_ops *skops)
{
	if (skops->family != AF_INET)
		return 1;

	switch (skops->op) {
	case BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB:
	case BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB:
		bpf_sock_ops_cb_flags_set(skops, skops->bpf_sock_ops_cb_flags | BPF_SOCK_OPS_RTT_CB_FLAG);
		break;
	case BPF_SOCK_OPS_RTT_CB:
		report_rtt(skops);
		break;
	}
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
