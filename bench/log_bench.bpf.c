// SPDX-License-Identifier: GPL-2.0
/*
 * bench/log.sh's programs: one packet parse, then the same log statement
 * three ways: bpfgen/log.h, bpf_printk, and an aya-log-style record (every
 * constant piece of the message and the metadata copied into each record,
 * in aya-log's tag-length-value layout: 115 bytes for this statement).
 */
#include "vmlinux.h"
#include <bpf/bpf_endian.h>
#include <bpfgen/log.h>

char LICENSE[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 24);
} aya_ring SEC(".maps");

#define PARSE()									\
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end; \
	struct iphdr *ip = data + sizeof(struct ethhdr);			\
	struct udphdr *udp = (void *)(ip + 1);					\
	if ((void *)(udp + 1) > end)						\
		return XDP_PASS

SEC("xdp")
int base(struct xdp_md *ctx)
{
	PARSE();
	return XDP_PASS;
}

SEC("xdp")
int with_bpfgen(struct xdp_md *ctx)
{
	PARSE();
	bpfgen_info(ctx, "received a packet from %pI4 port %u", &ip->saddr, bpf_ntohs(udp->dest));
	return XDP_PASS;
}

SEC("xdp")
int with_printk(struct xdp_md *ctx)
{
	PARSE();
	bpf_printk("received a packet from %pI4 port %u", &ip->saddr, bpf_ntohs(udp->dest));
	return XDP_PASS;
}

/* aya-log's record fields and argument tags, each as tag (1) + length (2) + value */
#define TLV(p, tag, src, len)							\
	do {									\
		__u16 ___l = (len);						\
		(p)[0] = (tag);							\
		__builtin_memcpy((p) + 1, &___l, 2);				\
		__builtin_memcpy((p) + 3, (src), (len));			\
		(p) += 3 + (len);						\
	} while (0)
#define AYA_RECORD_SIZE 115

SEC("xdp")
int with_aya(struct xdp_md *ctx)
{
	__u8 level = 3, hint = 1;
	__u32 line = 42, nargs = 4, saddr;
	__u16 port;
	__u8 *rec, *p;

	PARSE();
	saddr = ip->saddr;
	port = bpf_ntohs(udp->dest);
	rec = bpf_ringbuf_reserve(&aya_ring, AYA_RECORD_SIZE, 0);
	if (!rec)
		return XDP_PASS;
	p = rec;
	TLV(p, 1, "xdp_log", 7);		/* target */
	TLV(p, 2, &level, 1);			/* level */
	TLV(p, 3, "xdp_log", 7);		/* module */
	TLV(p, 4, "src/main.rs", 11);		/* file */
	TLV(p, 5, &line, 4);			/* line */
	TLV(p, 6, &nargs, 4);			/* number of arguments */
	TLV(p, 1, &hint, 1);			/* display hint, then the piece */
	TLV(p, 10, "received a packet from ", 23);
	TLV(p, 1, &hint, 1);
	TLV(p, 4, &saddr, 4);			/* {:i} */
	TLV(p, 1, &hint, 1);
	TLV(p, 10, " port ", 6);
	TLV(p, 1, &hint, 1);
	TLV(p, 3, &port, 2);
	bpf_ringbuf_submit(rec, 0);
	return XDP_PASS;
}
