// bpfgen-test: cgroup_skb egress per-port statistics in a per-CPU hash, result kept as a pointer to another struct (linux/bpf.h)
// class: lookup-type
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

struct port_stats {
	__u64 packets;
	__u64 bytes;
};

struct drop_stats {
	__u32 drops;
	__u32 reason;
};

BPFGEN_PERCPU_HASH(port_stats, __u16, struct port_stats, 1024);

BPFGEN_CGROUP_SKB_EGRESS(egress_ports)
{
	__u16 port = (__u16)bpfgen_cgroup_skb_remote_port(ctx);
#ifdef BPFGEN_TEST_BAD
	struct drop_stats *st = port_stats_lookup(&port); // BAD
#else
	struct port_stats *st = port_stats_lookup(&port);
#endif

	if (st) {
		st->packets++;
		st->bytes += bpfgen_cgroup_skb_len(ctx);
	}
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
