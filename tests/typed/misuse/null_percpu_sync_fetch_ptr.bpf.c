// bpfgen-test: socket filter counts UDP packets with __sync_fetch_and_add(p, 1) on an unchecked per-CPU array lookup (linux/bpf.h)
// class: null
// kernel: loads
// stages: check
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

#define IPPROTO_UDP_NUM 17

BPFGEN_PERCPU_ARRAY(udp_seen, __u64, 1);

BPFGEN_SOCKET_FILTER(count_udp)
{
	__u8 proto = 0;
	__u32 zero = 0;
	__u64 *n;

	if (bpfgen_load_bytes(ctx, 23, &proto) < 0 || proto != IPPROTO_UDP_NUM)
		return BPFGEN_SOCKET_KEEP(bpfgen_socket_filter_len(ctx));
	n = udp_seen_lookup(&zero);
#ifdef BPFGEN_TEST_BAD
	__sync_fetch_and_add(n, 1); // BAD
#else
	if (n)
		__sync_fetch_and_add(n, 1);
#endif
	return BPFGEN_SOCKET_KEEP(bpfgen_socket_filter_len(ctx));
}

char LICENSE[] SEC("license") = "GPL";
