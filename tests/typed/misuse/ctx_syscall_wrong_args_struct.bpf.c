// bpfgen-test: syscall program keeps its context in a pointer to another argument struct (linux/bpf.h)
// class: ctx-misuse
// kernel: loads
// expect: incompatible pointer types
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

struct lookup_args {
	__u32 key;
	__u32 found;
	__u64 value;
};

struct update_args {
	__u64 value;
	__u32 key;
	__u32 flags;
};

BPFGEN_HASH(store, __u32, __u64, 128);

BPFGEN_SYSCALL(do_lookup, struct lookup_args)
{
#ifdef BPFGEN_TEST_BAD
	struct update_args *a = ctx; // BAD
#else
	struct lookup_args *a = ctx;
#endif
	__u32 key = a->key;	/* a map key on the stack: the verifier refuses one in ctx */
	__u64 *v = store_lookup(&key);

	if (!v)
		return 0;
	a->value = *v;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
