// bpfgen-test: flow dissector reads bpfgen_tc_mark(ctx): a field the kernel refuses to a flow dissector (vmlinux.h)
// class: ctx-misuse
// kernel: loads
// expect: 'bpfgen_flow_dissector_ctx'
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(by_mark, __u64, 16);

BPFGEN_FLOW_DISSECTOR(flow_by_mark)
{
#ifdef BPFGEN_TEST_BAD
	__u32 key = bpfgen_tc_mark(ctx) & 15; // BAD
#else
	__u32 key = bpfgen_flow_dissector_keys(ctx)->nhoff & 15;
#endif
	__u64 *n = by_mark_lookup(&key);

	if (n)
		__sync_fetch_and_add(n, 1);
	return BPFGEN_FLOW_CONTINUE;
}

char LICENSE[] SEC("license") = "GPL";
