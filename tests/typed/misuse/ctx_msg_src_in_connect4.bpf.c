// bpfgen-test: cgroup connect4 pins the source address with set_msg_src_ip4, writable only in sendmsg4 (linux/bpf.h)
// class: ctx-misuse
// kernel: loads
// stages: check
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

BPFGEN_HASH(src_for_dst, __u32, __u32, 256);

BPFGEN_CGROUP_SOCK_ADDR(pin_source, "connect4")
{
	__u32 dst = bpfgen_cgroup_sock_addr_user_ip4(ctx);
	__u32 *src = src_for_dst_lookup(&dst);

	if (!src)
		return BPFGEN_VERDICT_PASS;
#ifdef BPFGEN_TEST_BAD
	bpfgen_cgroup_sock_addr_set_msg_src_ip4(ctx, *src); // BAD
#else
	bpfgen_cgroup_sock_addr_set_user_ip4(ctx, *src);
#endif
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
