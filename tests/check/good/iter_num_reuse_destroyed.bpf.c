// bpfgen-test: XDP program that scans a table of 16 counters twice with one open-coded numbers iterator, destroyed after each scan and created again with bpf_iter_num_new() before the second (vmlinux.h)
// kernel: loads
// kernel 6.1: refuses "'bpf_iter_num_destroy': not found in kernel or module BTFs"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern int bpf_iter_num_new(struct bpf_iter_num *it, int start, int end) __ksym;
extern int *bpf_iter_num_next(struct bpf_iter_num *it) __ksym;
extern void bpf_iter_num_destroy(struct bpf_iter_num *it) __ksym;

__u64 slots[16];
__u64 busy, idle;

SEC("xdp")
int xdp_scan_twice(struct xdp_md *ctx)
{
	struct bpf_iter_num it;
	int *i;

	bpf_iter_num_new(&it, 0, 16);
	while ((i = bpf_iter_num_next(&it)))
		if (*i >= 0 && *i < 16 && slots[*i])
			busy++;
	bpf_iter_num_destroy(&it);

	bpf_iter_num_new(&it, 0, 16);
	while ((i = bpf_iter_num_next(&it)))
		if (*i >= 0 && *i < 16 && !slots[*i])
			idle++;
	bpf_iter_num_destroy(&it);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
