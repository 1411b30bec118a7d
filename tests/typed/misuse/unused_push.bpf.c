// bpfgen-test: tc queues sampled packet lengths with NAME_push() and ignores -E2BIG (linux/bpf.h)
// class: unused-result
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

BPFGEN_QUEUE(len_samples, __u32, 1024);
BPFGEN_ARRAY(sample_overflow, __u64, 1);

#define SAMPLE_EVERY 64

BPFGEN_TC(tc_sample_len)
{
	__u32 len = bpfgen_tc_len(ctx);

	if (bpfgen_tc_hash(ctx) % SAMPLE_EVERY)
		return BPFGEN_TC_OK;
#ifdef BPFGEN_TEST_BAD
	len_samples_push(&len, 0); // BAD
#else
	if (len_samples_push(&len, 0) < 0) {
		__u32 zero = 0;
		__u64 *o = sample_overflow_lookup(&zero);

		if (o)
			__sync_fetch_and_add(o, 1);
	}
#endif
	return BPFGEN_TC_OK;
}

char LICENSE[] SEC("license") = "GPL";
