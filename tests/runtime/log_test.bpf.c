// SPDX-License-Identifier: GPL-2.0
/* Programs for the log tests: every capture kind, a level that is pruned,
 * and a flood for the drop count. Run with BPF_PROG_TEST_RUN. */
#include "vmlinux.h"
#include <bpf/bpf_endian.h>
#include <bpfgen/log.h>

char LICENSE[] SEC("license") = "GPL";

int runs;

SEC("xdp")
int log_packet(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = data + sizeof(*eth);
	struct udphdr *udp = (void *)(ip + 1);
	const char *kstr = "kernel string";
	char name[8] = "eight!!";
	__s32 neg = -42;
	__u64 big = 0x1122334455667788ull;

	if ((void *)(udp + 1) > end)
		return XDP_PASS;
	bpfgen_info(ctx, "received a packet from %pI4 port %u", &ip->saddr, bpf_ntohs(udp->dest));
	bpfgen_warn(ctx, "mac %pM proto %u ttl %hhu", eth->h_source, ip->protocol, ip->ttl);
	bpfgen_error(ctx, "neg %d big %llx %s %s %c%%", neg, big, kstr, name, 'Z');
	bpfgen_debug(ctx, "bytes %ph", &ip->daddr);
	bpfgen_trace(ctx, "trace level");
	return XDP_PASS;
}

SEC("xdp")
int log_ipv6(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ipv6hdr *ip6 = data + sizeof(struct ethhdr);

	if ((void *)(ip6 + 1) > end)
		return XDP_PASS;
	bpfgen_info(ctx, "from %pI6 to %pI6", &ip6->saddr, &ip6->daddr);
	return XDP_PASS;
}

/* The same body twice, one logging at debug: with the level at info, the
 * verifier prunes the record code (the test compares their sizes). */
SEC("xdp")
int prune_with(struct xdp_md *ctx)
{
	runs++;
	bpfgen_debug(ctx, "run %d", runs);
	return XDP_PASS;
}

SEC("xdp")
int prune_without(struct xdp_md *ctx)
{
	runs++;
	return XDP_PASS;
}

SEC("xdp")
int flood(struct xdp_md *ctx)
{
	bpfgen_info(ctx, "record %u", ctx->ingress_ifindex);
	return XDP_PASS;
}

/* A process context: the pid is the caller's. */
SEC("syscall")
int log_pid(void *ctx)
{
	bpfgen_info(ctx, "from a process");
	return 0;
}
