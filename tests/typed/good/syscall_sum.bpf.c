// bpfgen-test: syscall program: sums an array of its argument struct in place, returns how many it added (linux/bpf.h style)
// kernel: run
// kernel-run: syscall . sum_values 3 03000000000000000a000000140000001e0000000000000000000000000000000000000000000000 03000000000000000a000000140000001e000000000000003c000000000000000000000000000000
// kernel-run: syscall . sum_values -22 09000000000000000a000000140000001e0000000000000000000000000000000000000000000000 09000000000000000a000000140000001e0000000000000000000000000000000000000000000000
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

#define EINVAL 22

struct sum_args {
	__u32 n;		/* how many of values[] to add */
	__u32 pad;
	__u32 values[4];
	__u64 sum;		/* out */
	__u64 reserved;
};

BPFGEN_SYSCALL(sum_values, struct sum_args)
{
	__u64 sum = 0;
	__u32 i;

	if (ctx->n > 4)
		return -EINVAL;
	for (i = 0; i < 4; i++)
		if (i < ctx->n)
			sum += ctx->values[i];
	ctx->sum = sum;
	return ctx->n;
}

char LICENSE[] SEC("license") = "GPL";
