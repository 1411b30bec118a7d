// bpfgen-test: tc egress filter returns BPFGEN_XDP_DROP (1, TC_ACT_RECLASSIFY) for marked packets (linux/bpf.h)
// class: return-kind
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

#define QUARANTINE_MARK 0xdead

BPFGEN_TC(tc_quarantine)
{
	switch (bpfgen_tc_mark(ctx)) {
	case QUARANTINE_MARK:
#ifdef BPFGEN_TEST_BAD
		return BPFGEN_XDP_DROP; // BAD
#else
		return BPFGEN_TC_SHOT;
#endif
	case 0:
		break;
	default:
		bpfgen_tc_set_priority(ctx, 1);
		break;
	}
	return BPFGEN_TC_OK;
}

char LICENSE[] SEC("license") = "GPL";
