// bpfgen-test: tc program copying the socket of a connection into a sockmap: bpf_map_update_elem() takes the socket itself as the value on the BPF side (__u64 in userspace) (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK 0

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} src SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} dst SEC(".maps");

SEC("tc")
int tc_copy_sock(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct bpf_sock *sk = bpf_map_lookup_elem(&src, &key);

	if (!sk)
		return TC_ACT_OK;
	(void)bpf_map_update_elem(&dst, &key, sk, BPF_ANY);
	bpf_sk_release(sk);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
