// bpfgen-test: sk_reuseport reads bpfgen_sk_lookup_local_port(ctx), an accessor of another program type (linux/bpf.h)
// class: ctx-misuse
// kernel: loads
// expect: 'bpfgen_sk_reuseport_ctx'
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

BPFGEN_HASH(by_key, __u32, __u64, 256);

BPFGEN_SK_REUSEPORT(reuseport_stats)
{
#ifdef BPFGEN_TEST_BAD
	__u32 key = bpfgen_sk_lookup_local_port(ctx); // BAD
#else
	__u32 key = bpfgen_sk_reuseport_hash(ctx) & 255;
#endif
	__u64 *n = by_key_lookup(&key);

	if (n)
		__sync_fetch_and_add(n, 1);
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
