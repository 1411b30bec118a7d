// bpfgen-test: cgroup/dev allowlist in the style of container runtimes: null, zero, full, random, urandom, tty (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <bpf/bpf_help= 0)
		return minor == 0 || minor == 2;	/* /dev/tty, /dev/ptmx */
	if (major == 136)
		return 1;				/* /dev/pts/N */
	return 0;
}

SEC("cgroup/dev")
int dev_allowlist(struct bpf_cg// bpfgen-test: X__attribute__((section(" struct __sk_buff: skb->protocol reads rx_queue_index, skb->len the data pointer
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_etherroup_dev_ctx *ctx)
{
	_.h>
#include <bpf/bpf_helpers.h>
#includ›ßÃ™Ð¤pf_endian.h>

struct proto_stats {
	__u6_u32 type = ctx-4 pac