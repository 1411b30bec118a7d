// bpfgen-test: cgroup_skb ingress passes the local port number to sk storage get as the socket (linux/bpf.h)
// class: storage-object
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

struct sk_seen {
	__u32 packets;
	__u32 pad;
};

BPFGEN_SK_STORAGE(sk_seen, struct sk_seen);

BPFGEN_CGROUP_SKB_INGRESS(ingress_sk_seen)
{
	struct bpf_sock *sk = bpfgen_cgroup_skb_raw(ctx)->sk;
	__u32 port = bpfgen_cgroup_skb_local_port(ctx);
	struct sk_seen *s;

	if (!sk)
		return BPFGEN_VERDICT_PASS;
	sk = bpf_sk_fullsock(sk);
	if (!sk)
		return BPFGEN_VERDICT_PASS;
	(void)port;
#ifdef BPFGEN_TEST_BAD
	s = sk_seen_get(port, NULL, BPF_SK_STORAGE_GET_F_CREATE); // BAD
#else
	s = sk_seen_get(sk, NULL, BPF_SK_STORAGE_GET_F_CREATE);
#endif
	if (s)
		__sync_fetch_and_add(&s->packets, 1);
	return BPFGEN_VERDICT_PASS;
}

char LICENSE[] SEC("license") = "GPL";
