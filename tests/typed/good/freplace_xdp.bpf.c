// bpfgen-test: freplace: replaces the XDP policy function of freplace_target.bpf.c, dropping what it passed (linux/bpf.h style)
// kernel: run
// kernel-run: freplace freplace_target.bpf.c xdp_target xdp_policy . drop_policy 2 1
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(replaced, __u64, 1);

BPFGEN_FREPLACE(drop_policy, "xdp_policy", xdp)
{
	__u32 zero = 0;
	__u64 *n = replaced_lookup(&zero);

	if (n)
		__sync_fetch_and_add(n, 1);
	return BPFGEN_XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
