// bpfgen-test: tc pushes a __u64 timestamp into a queue of struct pkt_note (vmlinux.h)
// class: value-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct pkt_note {
	__u64 ts;
	__u32 len;
	__u32 ifindex;
};

BPFGEN_QUEUE(notes, struct pkt_note, 256);

BPFGEN_TC(tc_note_big)
{
	struct pkt_note n = {
		.ts = bpf_ktime_get_ns(),
		.len = bpfgen_tc_len(ctx),
		.ifindex = bpfgen_tc_ifindex(ctx),
	};

	if (n.len < 1400)
		return BPFGEN_TC_OK;
#ifdef BPFGEN_TEST_BAD
	if (notes_push(&n.ts, 0) < 0) // BAD
#else
	if (notes_push(&n, 0) < 0)
#endif
		return BPFGEN_TC_OK;
	return BPFGEN_TC_OK;
}

char LICENSE[] SEC("license") = "GPL";
