// bpfgen-test: xdp returns 7 from a user macro meant as a tc redirect, outside XDP's 0..4 (vmlinux.h)
// class: return-kind
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

#define MY_REDIRECT 7

BPFGEN_DEVMAP(tx_ports, 16);

BPFGEN_XDP(xdp_forward)
{
	__u32 q = bpfgen_xdp_rx_queue_index(ctx);

	if (q >= 16)
		return BPFGEN_XDP_PASS;
#ifdef BPFGEN_TEST_BAD
	return MY_REDIRECT; // BAD
#else
	return tx_ports_redirect(q, BPFGEN_XDP_PASS);
#endif
}

char LICENSE[] SEC("license") = "GPL";
