// bpfgen-test: XDP sampler copying the first 64 bytes of one packet in 1024 to a ring buffer; a packet too short to sample gets its reservation discarded (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define SAMPLE_RATE 1024
#define SAMPLE_BYTES 64

struct pkt_sample {
	__u32 ifindex;
	__u32 rx_queue;
	__u32 pkt_len;
	__u32 pad;
	__u8 head[SAMPLE_BYTES];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} samples SEC(".maps");

SEC("xdp")
int xdp_sampler(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct pkt_sample *s;

	if (bpf_get_prandom_u32() % SAMPLE_RATE)
		return XDP_PASS;

	s = bpf_ringbuf_reserve(&samples, sizeof(*s), 0);
	if (!s)
		return XDP_PASS;
	s->ifindex = ctx->ingress_ifindex;
	s->rx_queue = ctx->rx_queue_index;
	s->pkt_len = data_end - data;

	if (data + SAMPLE_BYTES <= data_end) {
		__builtin_memcpy(s->head, data, SAMPLE_BYTES);
		bpf_ringbuf_submit(s, 0);
	} else {
		bpf_ringbuf_discard(s, 0);
	}
	return XDP_PASS;
}

char _license[] SEC("license") = "Dual MIT/GPL";
