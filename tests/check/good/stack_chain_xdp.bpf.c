// bpfgen-test: XDP packet sampler with a __noinline chain xdp_sampler -> sample_packet (208-byte sample) -> hash_payload (192-byte chunk), about 400 bytes of stack in total (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define HDR_BYTES	192
#define CHUNK_BYTES	192
#define FNV_PRIME	16777619U

struct pkt_sample {
	__u32 ifindex;
	__u32 len;
	__u32 payload_hash;
	__u32 pad;
	__u8 hdr[HDR_BYTES];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} samples SEC(".maps");

const volatile __u32 sample_every = 1024;

static __noinline __u32 hash_payload(struct xdp_md *ctx, __u32 off)
{
	__u8 chunk[CHUNK_BYTES];
	__u32 h = 2166136261U;
	int i;

	if (bpf_xdp_load_bytes(ctx, off, chunk, sizeof(chunk)) < 0)
		return 0;
	for (i = 0; i < CHUNK_BYTES; i++)
		h = (h ^ chunk[i]) * FNV_PRIME;
	return h;
}

static __noinline int sample_packet(struct xdp_md *ctx)
{
	struct pkt_sample s = {};

	s.ifindex = ctx->ingress_ifindex;
	s.len = ctx->data_end - ctx->data;
	if (bpf_xdp_load_bytes(ctx, 0, s.hdr, sizeof(s.hdr)) < 0)
		return -1;
	s.payload_hash = hash_payload(ctx, sizeof(s.hdr));
	return bpf_perf_event_output(ctx, &samples, BPF_F_CURRENT_CPU, &s, sizeof(s));
}

SEC("xdp")
int xdp_sampler(struct xdp_md *ctx)
{
	if (bpf_get_prandom_u32() % sample_every == 0 && sample_packet(ctx) < 0)
		bpf_printk("sample dropped on ifindex %u", ctx->ingress_ifindex);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
