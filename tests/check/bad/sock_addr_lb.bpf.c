// bpfgen-test: cgroup/recvmsg4 program returning 0 for "not ours" (recvmsg4 must return exactly 1)
// kernel: refuses "should have been in [1, 1]"
// kernel 6.1: loads "Linux 6.1 loads it: the return-value check that refuses it is newer"
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct svc_addr {
	__u32 ip4;
	__u32 port;	/* network byte order, as in user_port */
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, struct svc_addr);	/* VIP */
	__type(value, struct svc_addr);	/* backend */
} vip_to_backend SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, struct svc_addr);	/* backend */
	__type(value, struct svc_addr);	/* VIP */
} backend_to_vip SEC(".maps");

static __always_inline void rewrite(struct bpf_sock_addr *ctx, void *map)
{
	struct svc_addr key = { .ip4 = ctx->user_ip4, .port = ctx->user_port };
	struct svc_addr *to = bpf_map_lookup_elem(map, &key);

	if (to) {
		ctx->user_ip4 = to->ip4;
		ctx->user_port = to->port;
	}
}

SEC("cgroup/connect4")
int lb_connect4(struct bpf_sock_addr *ctx)
{
	rewrite(ctx, &vip_to_backend);
	return 1;
}

SEC("cgroup/sendmsg4")
int lb_sendmsg4(struct bpf_sock_addr *ctx)
{
	rewrite(ctx, &vip_to_backend);
	return 1;
}

SEC("cgroup/recvmsg4")
int lb_recvmsg4(struct bpf_sock_addr *ctx)
{
	struct svc_addr key = { .ip4 = ctx->user_ip4, .port = ctx->user_port };

	if (!bpf_map_lookup_elem(&backend_to_vip, &key))
		return 0;	/* not one of ours */ // expect: error return-range
	rewrite(ctx, &backend_to_vip);
	return 1;
}

SEC("cgroup/getpeername4")
int lb_getpeername4(struct bpf_sock_addr *ctx)
{
	rewrite(ctx, &backend_to_vip);
	return 1;
}

char _license[] SEC("license") = "Dual BSD/GPL";
