// bpfgen-test: XDP program that walks a table of 16 port counters with an open-coded numbers iterator (bpf_iter_num_new/next/destroy) and destroys it on the early exit from the loop too (vmlinux.h)
// kernel: loads
// kernel 6.1: refuses "'bpf_iter_num_destroy': not found in kernel or module BTFs"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern int bpf_iter_num_new(struct bpf_iter_num *it, int start, int end) __ksym;
extern int *bpf_iter_num_next(struct bpf_iter_num *it) __ksym;
extern void bpf_iter_num_destroy(struct bpf_iter_num *it) __ksym;

__u64 drops_by_slot[16];
__u64 zero_runs;

SEC("xdp")
int xdp_zero_prefix(struct xdp_md *ctx)
{
	struct bpf_iter_num it;
	int *i;

	bpf_iter_num_new(&it, 0, 16);
	while ((i = bpf_iter_num_next(&it))) {
		if (*i < 0 || *i >= 16)
			break;
		if (drops_by_slot[*i] != 0) {
			bpf_iter_num_destroy(&it);
			return XDP_PASS;
		}
	}
	bpf_iter_num_destroy(&it);
	__sync_fetch_and_add(&zero_runs, 1);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
