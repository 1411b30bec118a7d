// bpfgen-test: cgroup_skb ingress copies a rule struct out of an unchecked hash lookup, struct r = *p (linux/bpf.h)
// class: null
// kernel: loads
// stages: check
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

struct port_rule {
	__u32 allow;
	__u32 max_len;
};

BPFGEN_HASH(port_rules, __u32, struct port_rule, 128);

BPFGEN_CGROUP_SKB_INGRESS(ingress_rules)
{
	__u32 port = bpfgen_cgroup_skb_local_port(ctx);
	struct port_rule *p = port_rules_lookup(&port);

#ifdef BPFGEN_TEST_BAD
	struct port_rule r = *p; // BAD
#else
	if (!p)
		return BPFGEN_VERDICT_PASS;
	struct port_rule r = *p;
#endif
	if (!r.allow || bpfgen_cgroup_skb_len(ctx) > r.max_len)
		return BPFGEN_VERDICT_DROP;
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
