// bpfgen-test: freplace names 'xdp_md' as its target's kind, which is no program type of the typed layer (linux/bpf.h)
// class: ctx-misuse
// kernel: run
// kernel-run: freplace ../good/freplace_target.bpf.c xdp_target xdp_policy . pass_policy 2 2
// expect: ___bpfgen_freplace_raw_xdp_md
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

#ifdef BPFGEN_TEST_BAD
BPFGEN_FREPLACE(pass_policy, "xdp_policy", xdp_md) // BAD
#else
BPFGEN_FREPLACE(pass_policy, "xdp_policy", xdp)
#endif
{
	return BPFGEN_XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
