// bpfgen-test: flow dissector returns the uapi constant BPF_OK, a bare int, instead of the typed action (linux/bpf.h)
// class: return-kind
// kernel: loads
// expect: incompatible result type 'bpfgen_flow_action'
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(seen, __u64, 1);

static __always_inline void bump(void)
{
	__u32 zero = 0;
	__u64 *n = seen_lookup(&zero);

	if (n)
		__sync_fetch_and_add(n, 1);
}

BPFGEN_FLOW_DISSECTOR(flow_count)
{
	bump();
#ifdef BPFGEN_TEST_BAD
	return BPF_OK; // BAD
#else
	return BPFGEN_FLOW_CONTINUE;
#endif
}

char LICENSE[] SEC("license") = "GPL";
