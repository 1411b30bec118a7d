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
		return BPFGEN_SOCKET_DROP;
	if (bpfgen_load_bytes(ctx, IP_PROTO_OFF, &proto) < 0)
		return BPFGEN_SOCKET_DROP;
	if (proto != 6)
		return BPFGEN_SOCKET_DROP;
#ifdef BPFGEN_TEST_BAD
	return BPFGEN_VERDICT_PASS; // BAD
#else
	return BPFGEN_SOCKET_KEEP(bpfgen_socket_filter_len(ctx));
#endif
}

char LICENSE[] SEC("license") = "GPL";
