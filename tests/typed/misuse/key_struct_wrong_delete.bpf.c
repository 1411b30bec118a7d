// bpfgen-test: tc flow table deleted with a key struct of the reverse direction's type (linux/bpf.h)
// class: key-type
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

struct flow_key {
	__u32 ifindex;
	__u32 hash;
};

struct rev_key {
	__u32 hash;
	__u16 ifindex;
	__u16 dir;
};

BPFGEN_LRU_HASH(flows, struct flow_key, __u64, 4096);

#define FIN_MARK 0x1

BPFGEN_TC(tc_flow_close)
{
	struct flow_key k = { .ifindex = bpfgen_tc_ifindex(ctx), .hash = bpfgen_tc_hash(ctx) };
	struct rev_key r = { .hash = k.hash, .ifindex = (__u16)k.ifindex, .dir = 1 };

	if (!(bpfgen_tc_mark(ctx) & FIN_MARK))
		return BPFGEN_TC_OK;
	(void)r;
#ifdef BPFGEN_TEST_BAD
	if (flows_delete(&r) < 0) // BAD
#else
	if (flows_delete(&k) < 0)
#endif
		return BPFGEN_TC_OK;
	return BPFGEN_TC_OK;
}

char LICENSE[] SEC("license") = "GPL";
