// bpfgen-test: IPv6 socket-address programs: bind6 may return 3, connect6/getsockname6 return 0/1, plus post_bind4 and sock_release (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define SOCK_STREAM 1

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

static __always_inline void bump(__u32 idx)
{
	__u64 *v = bpf_map_lookup_elem(&stats, &idx);

	if (v)
		__sync_fetch_and_add(v, 1);
}

SEC("cgroup/bind6")
int bind6_http(struct bpf_sock_addr *ctx)
{
	if (ctx->type != SOCK_STREAM)
		return 1;
	/* let the web server bind :80 without CAP_NET_BIND_SERVICE */
	if (ctx->user_port == bpf_htons(80))
		return 3;
	return 1;
}

SEC("cgroup/connect6")
int connect6_no_loopback_v4mapped(struct bpf_sock_addr *ctx)
{
	bump(0);
	/* ::ffff:127.0.0.0/104 */
	if (ctx->user_ip6[0] == 0 && ctx->user_ip6[1] == 0 &&
	    ctx->user_ip6[2] == bpf_htonl(0x0000ffff) &&
	    (ctx->user_ip6[3] & bpf_htonl(0xff000000)) == bpf_htonl(0x7f000000))
		return 0;
	return 1;
}

SEC("cgroup/getsockname6")
int getsockname6_count(struct bpf_sock_addr *ctx)
{
	bump(1);
	return 1;
}

SEC("cgroup/post_bind4")
int post_bind4_no_ephemeral(struct bpf_sock *sk)
{
	bump(2);
	return sk->src_port >= 32768 ? 0 : 1;
}

SEC("cgroup/sock_release")
int sock_release_count(struct bpf_sock *sk)
{
	bump(3);
	return 1;
}

char _license[] SEC("license") = "GPL";
