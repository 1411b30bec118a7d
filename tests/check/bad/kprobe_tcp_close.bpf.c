// bpfgen-test: kprobe written as a plain function taking the probed function's struct sock *: it receives struct pt_regs *, so every read is garbage
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>

#define AF_INET 2

struct dst_key {
	__u32 daddr;
	__u16 dport;
	__u16 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, struct dst_key);
	__type(value, __u64);
} closes SEC(".maps");

SEC("kprobe/tcp_close")
int trace_tcp_close(struct sock *sk) // expect: error ctx-type
{
	struct dst_key key = {};
	__u64 one = 1, *cnt;

	if (BPF_CORE_READ(sk, __sk_common.skc_family) != AF_INET)
		return 0;
	key.daddr = BPF_CORE_READ(sk, __sk_common.skc_daddr);
	key.dport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));

	cnt = bpf_map_lookup_elem(&closes, &key);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&closes, &key, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
