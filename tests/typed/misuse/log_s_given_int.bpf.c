// bpfgen-test: tc logs the interface with %s but passes the __u32 ifindex (linux/bpf.h)
// class: log-format
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>
#include <bpfgen/log.h>

#define JUMBO 9000

BPFGEN_TC(tc_log_jumbo)
{
	__u32 ifindex = bpfgen_tc_ifindex(ctx);

	if (bpfgen_tc_len(ctx) < JUMBO)
		return BPFGEN_TC_OK;
#ifdef BPFGEN_TEST_BAD
	bpfgen_warn(ctx, "jumbo frame on %s", ifindex); // BAD
#else
	bpfgen_warn(ctx, "jumbo frame on ifindex %u", ifindex);
#endif
	return BPFGEN_TC_OK;
}

char LICENSE[] SEC("license") = "GPL";
