// bpfgen-test: cgroup_skb egress keeps per-socket bytes in sk storage but passes the __sk_buff as the owner (vmlinux.h)
// class: storage-object
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct sk_bytes {
	__u64 bytes;
};

BPFGEN_SK_STORAGE(sk_bytes, struct sk_bytes);

BPFGEN_CGROUP_SKB_EGRESS(egress_sk_bytes)
{
	struct bpf_sock *sk = bpfgen_cgroup_skb_raw(ctx)->sk;
	struct sk_bytes *b;

	if (!sk)
		return BPFGEN_VERDICT_PASS;
	sk = bpf_sk_fullsock(sk);
	if (!sk)
		return BPFGEN_VERDICT_PASS;
#ifdef BPFGEN_TEST_BAD
	b = sk_bytes_get(bpfgen_cgroup_skb_raw(ctx), NULL, BPF_SK_STORAGE_GET_F_CREATE); // BAD
#else
	b = sk_bytes_get(sk, NULL, BPF_SK_STORAGE_GET_F_CREATE);
#endif
	if (b)
		__sync_fetch_and_add(&b->bytes, bpfgen_cgroup_skb_len(ctx));
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
