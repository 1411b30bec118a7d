// bpfgen-test: xdp debug log prints the data pointer with %u instead of the length (linux/bpf.h)
// class: log-format
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>
#include <bpfgen/log.h>

BPFGEN_XDP(xdp_log_runt)
{
	void *data = bpfgen_data(ctx);
	__u32 len = bpfgen_xdp_len(ctx);

	if (len >= 60)
		return BPFGEN_XDP_PASS;
	(void)data;
#ifdef BPFGEN_TEST_BAD
	bpfgen_debug(ctx, "runt frame of %u bytes", data); // BAD
#else
	bpfgen_debug(ctx, "runt frame of %u bytes", len);
#endif
	return BPFGEN_XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
