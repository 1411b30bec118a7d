// SPDX-License-Identifier: GPL-2.0
/* Mistake: an SPDX identifier as the license string. The kernel wants "GPL v2",
 * and refuses bpf_probe_read_kernel under anything else. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("kprobe/do_unlinkat")
int BPF_KPROBE(on_unlink, int dfd, void *name)
{
	char buf[32];

	bpf_probe_read_kernel(buf, sizeof(buf), name);
	return 0;
}

char LICENSE[] SEC("license") = "GPL-2.0";
