// SPDX-License-Identifier: GPL-2.0
/*
 * bpfgen gen input: the program types this kernel refuses at load (EPERM
 * before the verifier: freplace, fentry, fmod_ret). Their generated code is
 * compiled by test_gen_ext.c; the load is tried and skipped with the
 * kernel's reason where refused, and checked where it loads.
 */
#include "vmlinux.h"
#include <bpf/bpf_tracing.h>
#include <bpfgen/bpf.h>

BPFGEN_ARRAY(hits, __u64, 3);

static __always_inline void hit(__u32 what)
{
	__u64 *n = hits_lookup(&what);

	if (n)
		__sync_fetch_and_add(n, 1);
}

/* replaces xdp_policy() of progs.bpf.c's xdp_target: every packet is dropped */
BPFGEN_FREPLACE(drop_all, "xdp_policy", xdp)
{
	hit(0);
	return BPFGEN_XDP_DROP;
}

BPFGEN_FENTRY(on_unlink, "do_unlinkat", int dfd, struct filename *name)
{
	hit(1);
	return 0;
}

BPFGEN_FMOD_RET(on_open, "security_file_open", struct file *file)
{
	hit(2);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
