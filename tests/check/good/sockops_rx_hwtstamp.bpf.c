// bpfgen-test: sockops program keeping, per TCP flow, the NIC's hardware receive timestamp of the last segment (skb_hwtstamp, a sockops context field since Linux 6.2) (vmlinux.h: on 6.1 libbpf refuses the CO-RE relocation before the verifier sees the access)
// kernel: loads
// kernel 6.1: refuses "failed to resolve CO-RE relocation"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct flow_ts {
	__u64 hwtstamp;
	__u32 skb_len;
	__u32 segs;
};

struct {
	__uint(type, BPF_MAP_TYPE_SK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct flow_ts);
} flow_ts SEC(".maps");

SEC("sockops")
int rx_hwtstamp(struct bpf_sock_ops *skops)
{
	struct flow_ts *ts;
	struct bpf_sock *sk;

	switch (skops->op) {
	case BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB:
	case BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB:
		bpf_sock_ops_cb_flags_set(skops, skops->bpf_sock_ops_cb_flags |
					  BPF_SOCK_OPS_PARSE_ALL_HDR_OPT_CB_FLAG);
		return 1;
	case BPF_SOCK_OPS_PARSE_HDR_OPT_CB:
		break;
	default:
		return 1;
	}
	sk = skops->sk;
	if (!sk)
		return 1;
	ts = bpf_sk_storage_get(&flow_ts, sk, NULL, BPF_SK_STORAGE_GET_F_CREATE);
	if (!ts)
		return 1;
	ts->hwtstamp = skops->skb_hwtstamp;
	ts->skb_len = skops->skb_len;
	ts->segs++;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
