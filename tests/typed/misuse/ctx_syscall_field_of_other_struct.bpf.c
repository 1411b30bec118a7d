// bpfgen-test: syscall program reads a field its argument struct does not have (linux/bpf.h)
// class: ctx-misuse
// kernel: loads
// expect: no member named 'flags'
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

struct del_args {
	__u32 key;
	__u32 pad;
};

BPFGEN_HASH(store, __u32, __u64, 128);

BPFGEN_SYSCALL(do_delete, struct del_args)
{
	__u32 key = ctx->key;	/* a map key on the stack: the verifier refuses one in ctx */

#ifdef BPFGEN_TEST_BAD
	if (ctx->flags) // BAD
#else
	if (ctx->pad)
#endif
		return -22;
	return store_delete(&key);
}

char LICENSE[] SEC("license") = "GPL";
