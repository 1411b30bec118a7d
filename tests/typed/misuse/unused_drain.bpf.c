// bpfgen-test: a raw tracepoint drains a user ring buffer and ignores the count or -errno (-EBUSY when another program drains it) (vmlinux.h)
// class: unused-result
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct inbox_msg {
	__u32 id;
};

BPFGEN_USER_RINGBUF(inbox, struct inbox_msg, 4096);
BPFGEN_ARRAY(last_id, __u32, 1);

struct none {
	__u32 last;
};

BPFGEN_USER_RINGBUF_CALLBACK(inbox, take, struct none)
{
	ctx->last = e->id;
	return BPFGEN_DRAIN_NEXT;
}

BPFGEN_RAW_TRACEPOINT(poll_inbox, "sys_enter")
{
	struct none st = {};
	__u32 zero = 0, *last;

#ifdef BPFGEN_TEST_BAD
	bpfgen_user_ringbuf_drain(inbox, take, &st, 0); // BAD
#else
	if (bpfgen_user_ringbuf_drain(inbox, take, &st, 0) <= 0)
		return 0;
#endif
	last = last_id_lookup(&zero);
	if (last)
		*last = st.last;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
