// bpfgen-test: netfilter hook returns NF_ACCEPT as the user's own int constant, not the typed verdict (vmlinux.h)
// class: return-kind
// kernel: run
// kernel-run: netfilter . nf_accept_all
// expect: incompatible result type 'bpfgen_nf_verdict'
#include "vmlinux.h"
#include <bpfgen/bpf.h>

#define MY_NF_ACCEPT 1

BPFGEN_ARRAY(runs, __u64, 1);

BPFGEN_NETFILTER(nf_accept_all)
{
	__u32 zero = 0;
	__u64 *n = runs_lookup(&zero);

	if (n)
		__sync_fetch_and_add(n, 1);
	if (bpfgen_netfilter_hook(ctx) > 4)
		return BPFGEN_NF_DROP;
#ifdef BPFGEN_TEST_BAD
	return MY_NF_ACCEPT; // BAD
#else
	return BPFGEN_NF_ACCEPT;
#endif
}

char LICENSE[] SEC("license") = "GPL";
