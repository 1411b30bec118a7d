// bpfgen-test: socket filter: histogram of IPv4 packet lengths by protocol, read with bpfgen_load_bytes (linux/bpf.h style)
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <stddef.h>
#include <bpfgen/bpf.h>

BPFGEN_PERCPU_ARRAY(len_by_proto, __u64, 256);

BPFGEN_SOCKET_FILTER(socket_len_hist)
{
	__u8 proto;
	__u32 key;
	__u64 *bytes;

	if (bpfgen_socket_filter_protocol(ctx) != __constant_htons(ETH_P_IP))
		return BPFGEN_SOCKET_DROP;
	if (bpfgen_load_bytes(ctx, ETH_HLEN + offsetof(struct iphdr, protocol), &proto))
		return BPFGEN_SOCKET_DROP;
	key = proto;
	bytes = len_by_proto_lookup(&key);
	if (bytes)
		*bytes += bpfgen_socket_filter_len(ctx);
	return BPFGEN_SOCKET_KEEP(bpfgen_socket_filter_len(ctx));
}

char LICENSE[] SEC("license") = "GPL";
