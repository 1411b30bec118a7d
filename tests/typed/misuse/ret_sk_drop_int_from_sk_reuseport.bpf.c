// bpfgen-test: sk_reuseport returns the uapi SK_DROP, a bare int, when the group is full (linux/bpf.h)
// class: return-kind
// kernel: loads
// expect: incompatible result type 'bpfgen_verdict'
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(limits, __u32, 1);

BPFGEN_SK_REUSEPORT(reuseport_limit)
{
	__u32 zero = 0, *max = limits_lookup(&zero);

	if (max && bpfgen_sk_reuseport_len(ctx) > *max)
#ifdef BPFGEN_TEST_BAD
		return SK_DROP; // BAD
#else
		return BPFGEN_VERDICT_DROP;
#endif
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
