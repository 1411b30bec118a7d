// bpfgen-test: XDP per-source packet limiter: a missing entry is created, looked up again and that second result checked too (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define MAX_PKTS_PER_SRC 100000

struct src_rec {
	__u64 first_seen_ns;
	__u64 packets;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_PERCPU_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, struct src_rec);
} src_stats SEC(".maps");

SEC("xdp")
int xdp_src_limit(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	struct iphdr *iph = data + sizeof(*eth);
	struct src_rec *rec;
	__u32 saddr;
	__u64 n;

	if ((void *)(iph + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	saddr = iph->saddr;

	rec = bpf_map_lookup_elem(&src_stats, &saddr);
	if (!rec) {
		struct src_rec init = { .first_seen_ns = bpf_ktime_get_ns() };

		/* -EEXIST: another CPU created it first */
		(void)bpf_map_update_elem(&src_stats, &saddr, &init, BPF_NOEXIST);
		rec = bpf_map_lookup_elem(&src_stats, &saddr);
		if (!rec)
			return XDP_PASS;
	}
	n = ++rec->packets;
	if (n > MAX_PKTS_PER_SRC)
		return XDP_DROP;
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
