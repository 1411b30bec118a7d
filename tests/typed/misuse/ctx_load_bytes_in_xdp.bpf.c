// bpfgen-test: xdp copies the IPv4 header with bpfgen_load_bytes, which exists only for __sk_buff programs (linux/bpf.h)
// class: ctx-misuse
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpfgen/bpf.h>

BPFGEN_XDP(xdp_ttl_guard)
{
#ifdef BPFGEN_TEST_BAD
	struct iphdr ip;

	if (bpfgen_load_bytes(ctx, sizeof(struct ethhdr), &ip) < 0) // BAD
		return BPFGEN_XDP_PASS;
	if (ip.ttl <= 1)
		return BPFGEN_XDP_DROP;
#else
	struct iphdr *ip = bpfgen_ptr_at(ctx, sizeof(struct ethhdr), struct iphdr);

	if (!ip)
		return BPFGEN_XDP_PASS;
	if (ip->ttl <= 1)
		return BPFGEN_XDP_DROP;
#endif
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
