// bpfgen-test: kprobe counts tcp_sendmsg calls in a per-CPU array of __u64, read back as int * (vmlinux.h)
// class: lookup-type
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

BPFGEN_PERCPU_ARRAY(send_calls, __u64, 1);

BPFGEN_KPROBE(count_sendmsg, "tcp_sendmsg", struct sock *sk, struct msghdr *msg, size_t size)
{
	__u32 zero = 0;
#ifdef BPFGEN_TEST_BAD
	int *calls;
#else
	__u64 *calls;
#endif

#ifdef BPFGEN_TEST_BAD
	calls = send_calls_lookup(&zero); // BAD
#else
	calls = send_calls_lookup(&zero);
#endif
	if (!calls)
		return 0;
	*calls += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
