// bpfgen-test: socket filter reads the ethertype with bpfgen_ptr_at, direct packet access it does not have (vmlinux.h)
// class: ctx-misuse
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

#define ETH_P_ARP_BE 0x0608

BPFGEN_SOCKET_FILTER(drop_arp)
{
#ifdef BPFGEN_TEST_BAD
	struct ethhdr *eth = bpfgen_ptr_at(ctx, 0, struct ethhdr); // BAD

	if (eth && eth->h_proto == ETH_P_ARP_BE)
		return BPFGEN_SOCKET_DROP;
#else
	__be16 proto;

	if (bpfgen_load_bytes(ctx, 12, &proto) == 0 && proto == ETH_P_ARP_BE)
		return BPFGEN_SOCKET_DROP;
#endif
	return BPFGEN_SOCKET_KEEP(bpfgen_socket_filter_len(ctx));
}

char LICENSE[] SEC("license") = "GPL";
