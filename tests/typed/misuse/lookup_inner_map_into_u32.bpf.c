// bpfgen-test: a hash of maps by cgroup id holds arrays of __u64 byte counters; the inner lookup is kept in a __u32 * (vmlinux.h)
// class: lookup-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(dir_bytes, __u64, 2);
BPFGEN_HASH_OF_MAPS(cgroup_bytes, __u64, dir_bytes, 64);

BPFGEN_CGROUP_SKB_EGRESS(count_egress)
{
	__u64 cgid = bpf_get_current_cgroup_id();
	cgroup_bytes_inner *bytes = cgroup_bytes_lookup(&cgid);
	__u32 dir = 1;

	if (!bytes)
		return BPFGEN_VERDICT_PASS;
#ifdef BPFGEN_TEST_BAD
	__u32 *n = cgroup_bytes_inner_lookup(bytes, &dir); // BAD
#else
	__u64 *n = cgroup_bytes_inner_lookup(bytes, &dir);
#endif
	if (n)
		__sync_fetch_and_add(n, bpfgen_cgroup_skb_len(ctx));
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
