// bpfgen-test: xdp asks for the socket cookie with bpfgen_socket_cookie, which a packet before the stack has no socket for (linux/bpf.h)
// class: ctx-misuse
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

BPFGEN_HASH(rx_per_cookie, __u64, __u64, 1024);

BPFGEN_TC(tc_rx_per_cookie)
{
	__u64 key = bpfgen_socket_cookie(ctx), one = 1;

	if (rx_per_cookie_update(&key, &one, BPF_NOEXIST))
		return BPFGEN_TC_OK;
	return BPFGEN_TC_OK;
}

BPFGEN_XDP(xdp_rx_per_queue)
{
#ifdef BPFGEN_TEST_BAD
	__u64 key = bpfgen_socket_cookie(ctx), one = 1; // BAD
#else
	__u64 key = bpfgen_xdp_rx_queue_index(ctx), one = 1;
#endif

	if (rx_per_cookie_update(&key, &one, BPF_NOEXIST))
		return BPFGEN_XDP_PASS;
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
