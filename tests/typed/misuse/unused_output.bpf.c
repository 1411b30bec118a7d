// bpfgen-test: cgroup connect4 audit sends an event with NAME_output() and ignores the result (linux/bpf.h)
// class: unused-result
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

struct connect_event {
	__u32 ip4;
	__u32 port;
};

BPFGEN_RINGBUF(connects, struct connect_event, 1 << 14);
BPFGEN_ARRAY(lost_events, __u64, 1);

BPFGEN_CGROUP_SOCK_ADDR(audit_connect, "connect4")
{
	struct connect_event ev = {
		.ip4 = bpfgen_cgroup_sock_addr_user_ip4(ctx),
		.port = bpfgen_cgroup_sock_addr_user_port(ctx),
	};

#ifdef BPFGEN_TEST_BAD
	connects_output(&ev); // BAD
#else
	if (connects_output(&ev) < 0) {
		__u32 zero = 0;
		__u64 *lost = lost_events_lookup(&zero);

		if (lost)
			__sync_fetch_and_add(lost, 1);
	}
#endif
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
