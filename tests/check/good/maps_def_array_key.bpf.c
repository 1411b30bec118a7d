// bpfgen-test: tc egress DSCP marker reading its config from an ARRAY keyed by int and counting in a PERCPU_ARRAY keyed by __u32 (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct dscp_config {
	__u32 enabled;
	__u32 dscp;
};

enum { STAT_SEEN, STAT_MARKED, STAT_MAX };

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct dscp_config);
} config SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, STAT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

static __always_inline void count(__u32 idx)
{
	__u64 *val = bpf_map_lookup_elem(&stats, &idx);

	if (val)
		*val += 1;
}

SEC("tc")
int tc_mark_dscp(struct __sk_buff *skb)
{
	struct dscp_config *cfg;
	int zero = 0;
	__u8 tos;

	count(STAT_SEEN);
	cfg = bpf_map_lookup_elem(&config, &zero);
	if (!cfg || !cfg->enabled || skb->protocol != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;

	tos = (cfg->dscp & 0x3f) << 2;
	if (bpf_skb_store_bytes(skb, ETH_HLEN + 1, &tos, 1, BPF_F_RECOMPUTE_CSUM) < 0)
		return TC_ACT_OK;
	count(STAT_MARKED);
	return TC_ACT_OK;
}

char _license[] SEC("license") = "Dual BSD/GPL";
