// bpfgen-test: cgroup/connect4 program declared over struct bpf_sock (dst_ip4 at offset 52 is not a field of struct bpf_sock_addr)
// kernel: refuses "invalid bpf_context access off=52 size=4"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct dest {
	__u32 addr;
	__u16 port;
	__u16 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, struct dest);
	__type(value, __u64);
} blocked SEC(".maps");

SEC("cgroup/connect4")
int block_connect4(struct bpf_sock *sk) // expect: error ctx-type
{
	struct dest d = {};
	__u64 *hits;

	d.addr = sk->dst_ip4;
	d.port = bpf_ntohs(sk->dst_port);

	hits = bpf_map_lookup_elem(&blocked, &d);
	if (!hits)
		return 1;
	__sync_fetch_and_add(hits, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
