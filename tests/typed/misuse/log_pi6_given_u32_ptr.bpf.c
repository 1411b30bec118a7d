// bpfgen-test: cgroup_skb logs an IPv4 address through %pI6, 16 bytes, given a pointer to a __u32 (linux/bpf.h)
// class: log-format
// kernel: loads
// stages: gen
#include <linux/bpf.h>
#include <bpfgen/bpf.h>
#include <bpfgen/log.h>

BPFGEN_CGROUP_SKB_INGRESS(log_ingress_peer)
{
	__u32 peer = bpfgen_cgroup_skb_remote_ip4(ctx);

	if (bpfgen_cgroup_skb_family(ctx) != 2 /* AF_INET */)
		return BPFGEN_VERDICT_PASS;
#ifdef BPFGEN_TEST_BAD
	bpfgen_info(ctx, "peer %pI6", &peer); // BAD
#else
	bpfgen_info(ctx, "peer %pI4", &peer);
#endif
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
