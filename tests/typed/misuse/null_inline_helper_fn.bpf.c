// bpfgen-test: cgroup sock_create hands an unchecked array lookup to an __always_inline helper reading ->policy (linux/bpf.h)
// class: null
// kernel: loads
// stages: check
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

struct sock_policy {
	__u32 policy;
	__u32 mark;
};

BPFGEN_ARRAY(sock_policy, struct sock_policy, 1);

static __always_inline int deny_raw(const struct sock_policy *p, __u32 type)
{
	return p->policy && type == 3 /* SOCK_RAW */;
}

BPFGEN_CGROUP_SOCK(sock_create_gate)
{
	__u32 zero = 0;
	struct sock_policy *p = sock_policy_lookup(&zero);

#ifdef BPFGEN_TEST_BAD
	if (deny_raw(p, bpfgen_cgroup_sock_type(ctx))) // BAD
#else
	if (p && deny_raw(p, bpfgen_cgroup_sock_type(ctx)))
#endif
		return BPFGEN_VERDICT_DROP;
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
