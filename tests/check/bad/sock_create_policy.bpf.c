// bpfgen-test: cgroup/sock_create program returning -EPERM to deny (the kernel allows [0, 1])
// kernel: refuses "should have been in [0, 1]"
// kernel 6.1: loads "Linux 6.1 loads it: the return-value check that refuses it is newer"
#include <linux/bpf.h>
#include <linux/errno.h>
#include <bpf/bpf_helpers.h>

#define AF_INET		2
#define AF_INET6	10
#define SOCK_RAW	3

typedef struct bpf_sock bpf_sock_t;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);	/* uid */
	__type(value, __u8);
} raw_allowed SEC(".maps");

SEC("cgroup/sock_create")
int deny_raw_sockets(bpf_sock_t *sk)
{
	__u32 uid = (__u32)bpf_get_current_uid_gid();

	if (sk->family != AF_INET && sk->family != AF_INET6)
		return 1;
	if (sk->type != SOCK_RAW || uid == 0)
		return 1;
	if (bpf_map_lookup_elem(&raw_allowed, &uid))
		return 1;
	return -EPERM; // expect: error return-range
}

char _license[] SEC("license") = "GPL";
