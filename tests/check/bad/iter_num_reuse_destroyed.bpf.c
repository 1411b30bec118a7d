// bpfgen-test: XDP program that scans a table of 16 counters twice with one open-coded numbers iterator, destroying it after the first scan and calling bpf_iter_num_next() on it again without a new bpf_iter_num_new(): the verifier refuses a destroyed iterator (vmlinux.h)
// kernel: refuses "expected an initialized iter_num as arg #0"
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

	while ((i = bpf_iter_num_next(&it)))	// expect: error object-state
		if (*i >= 0 && *i < 16 && !slots[*i])
			idle++;
	bpf_iter_num_destroy(&it);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
