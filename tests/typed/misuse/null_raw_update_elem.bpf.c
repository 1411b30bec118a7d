// bpfgen-test: raw libbpf style, a lookup result passed unchecked as bpf_map_update_elem's value in a socket filter (linux/bpf.h)
// class: null
// kernel: loads
// stages: check
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(defaults, __u64, 1);
BPFGEN_HASH(per_ifindex, __u32, __u64, 256);

BPFGEN_SOCKET_FILTER(seed_ifindex)
{
	__u32 zero = 0;
	__u32 ifindex = bpfgen_socket_filter_ifindex(ctx);
	__u64 *def = defaults_lookup(&zero);

#ifdef BPFGEN_TEST_BAD
	bpf_map_update_elem(&per_ifindex, &ifindex, def, BPF_NOEXIST); // BAD
#else
	if (def)
		bpf_map_update_elem(&per_ifindex, &ifindex, def, BPF_NOEXIST);
#endif
	return BPFGEN_SOCKET_KEEP(bpfgen_socket_filter_len(ctx));
}

char LICENSE[] SEC("license") = "GPL";
