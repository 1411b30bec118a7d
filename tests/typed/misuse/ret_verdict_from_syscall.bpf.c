// bpfgen-test: syscall program returns BPFGEN_VERDICT_PASS: its return value is a number for the caller, not a verdict (linux/bpf.h)
// class: return-kind
// kernel: loads
// expect: returning 'bpfgen_verdict'
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

struct check_args {
	__u32 value;
	__u32 limit;
};

BPFGEN_SYSCALL(check_limit, struct check_args)
{
	if (ctx->value > ctx->limit)
		return -1;
#ifdef BPFGEN_TEST_BAD
	return BPFGEN_VERDICT_PASS; // BAD
#else
	return 0;
#endif
}

char LICENSE[] SEC("license") = "GPL";
