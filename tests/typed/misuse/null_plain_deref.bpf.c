// bpfgen-test: cgroup connect4 reads the allowed port with *p of an unchecked array lookup (linux/bpf.h)
// class: null
// kernel: loads
// stages: check
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(allowed_port, __u32, 1);

BPFGEN_CGROUP_SOCK_ADDR(connect_port_gate, "connect4")
{
	__u32 zero = 0;
	__u32 *port = allowed_port_lookup(&zero);
	__u32 want;

#ifdef BPFGEN_TEST_BAD
	want = *port; // BAD
#else
	if (!port)
		return BPFGEN_VERDICT_PASS;
	want = *port;
#endif
	if (want && bpfgen_cgroup_sock_addr_user_port(ctx) != want)
		return BPFGEN_VERDICT_DROP;
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
