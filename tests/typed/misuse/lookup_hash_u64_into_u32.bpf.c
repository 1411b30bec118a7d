// bpfgen-test: tc egress byte counter per ifindex keeps the hash's __u64 value in a __u32 * (linux/bpf.h)
// class: lookup-type
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

BPFGEN_HASH(if_bytes, __u32, __u64, 256);

BPFGEN_TC(egress_bytes)
{
	__u32 ifindex = bpfgen_tc_ifindex(ctx);
#ifdef BPFGEN_TEST_BAD
	__u32 *bytes = if_bytes_lookup(&ifindex); // BAD
#else
	__u64 *bytes = if_bytes_lookup(&ifindex);
#endif

	if (!bytes) {
		__u64 first = bpfgen_tc_len(ctx);

		if (if_bytes_update(&ifindex, &first, BPF_NOEXIST))
			return BPFGEN_TC_OK;
		return BPFGEN_TC_OK;
	}
	__sync_fetch_and_add(bytes, bpfgen_tc_len(ctx));
	return BPFGEN_TC_OK;
}

char LICENSE[] SEC("license") = "GPL";
