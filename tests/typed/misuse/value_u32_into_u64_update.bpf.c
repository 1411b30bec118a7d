// bpfgen-test: xdp seeds a __u64 counter hash with the address of a __u32 (linux/bpf.h)
// class: value-type
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

BPFGEN_PERCPU_HASH(ifindex_pkts, __u32, __u64, 64);

BPFGEN_XDP(xdp_ifindex_pkts)
{
	__u32 ifindex = bpfgen_xdp_ingress_ifindex(ctx);
	__u64 *n = ifindex_pkts_lookup(&ifindex);

	if (n) {
		*n += 1;
		return BPFGEN_XDP_PASS;
	}
	{
#ifdef BPFGEN_TEST_BAD
		__u32 one = 1;

		if (ifindex_pkts_update(&ifindex, &one, BPF_NOEXIST) < 0) // BAD
#else
		__u64 one = 1;

		if (ifindex_pkts_update(&ifindex, &one, BPF_NOEXIST) < 0)
#endif
			return BPFGEN_XDP_PASS;
	}
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
