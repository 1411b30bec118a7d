// bpfgen-test: tc classifier peeks a stack of struct rule into a __u32 (linux/bpf.h)
// class: lookup-type
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

struct rule {
	__u32 mark;
	__u32 priority;
};

BPFGEN_STACK(rule_stack, struct rule, 32);

BPFGEN_TC(tc_top_rule)
{
#ifdef BPFGEN_TEST_BAD
	__u32 top;
	long err = rule_stack_peek(&top); // BAD
#else
	struct rule top;
	long err = rule_stack_peek(&top);
#endif

	if (err)
		return BPFGEN_TC_OK;
#ifdef BPFGEN_TEST_BAD
	bpfgen_tc_set_mark(ctx, top);
#else
	bpfgen_tc_set_mark(ctx, top.mark);
	bpfgen_tc_set_priority(ctx, top.priority);
#endif
	return BPFGEN_TC_OK;
}

char LICENSE[] SEC("license") = "GPL";
