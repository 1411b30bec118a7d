// bpfgen-test: socket filter keeps only TCP and returns BPFGEN_VERDICT_PASS, which keeps 1 byte (linux/bpf.h)
// class: return-kind
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_endian.h>
#include <bpfgen/bpf.h>

#define IP_PROTO_OFF 23

BPFGEN_SOCKET_FILTER(tcp_only)
{
	__u8 proto;

	if (bpfgen_socket_filter_protocol(ctx) != bpf_htons(ETH_P_IP))
		return 0;
	if (bpfgen_load_bytes(ctx, IP_PROTO_OFF, &proto) < 0)
		return 0;
	if (proto != 6)
		return 0;
#ifdef BPFGEN_TEST_BAD
	return BPFGEN_VERDICT_PASS; // BAD
#else
	return bpfgen_socket_filter_len(ctx);
#endif
}

char LICENSE[] SEC("license") = "GPL";
