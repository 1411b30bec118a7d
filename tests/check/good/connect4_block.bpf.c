// bpfgen-test: cgroup/connect4 program refusing connections to blocked IPv4 destinations (vmlinux.h, reads user_ip4/user_port)
// kernel: loads
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
int block_connect4(struct bpf_sock_addr *ctx)
{
	struct dest d = {};
	__u64 *hits;

	d.addr = ctx->user_ip4;
	d.port = bpf_ntohs(ctx->user_port);

	hits = bpf_map_lookup_elem(&blocked, &d);
	if (!hits)
		return 1;
	__sync_fetch_and_add(hits, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
