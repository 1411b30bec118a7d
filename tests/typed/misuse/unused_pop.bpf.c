// bpfgen-test: sockops takes a port hint from a stack with NAME_pop() and uses it without looking at the result (vmlinux.h)
// class: unused-result
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_STACK(free_marks, __u32, 64);
BPFGEN_HASH(conn_mark, __u32, __u32, 1024);

#define SOCK_OPS_ACTIVE_ESTABLISHED 4

BPFGEN_SOCK_OPS(sockops_assign_mark)
{
	__u32 port = bpfgen_sock_ops_local_port(ctx);
	__u32 mark = 0;

	if (bpfgen_sock_ops_op(ctx) != SOCK_OPS_ACTIVE_ESTABLISHED)
		return BPFGEN_VERDICT_PASS;
#ifdef BPFGEN_TEST_BAD
	free_marks_pop(&mark); // BAD
#else
	if (free_marks_pop(&mark) < 0)
		return BPFGEN_VERDICT_PASS;
#endif
	if (conn_mark_update(&port, &mark, BPF_ANY) < 0)
		return BPFGEN_VERDICT_PASS;
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
