// bpfgen-test: socket filter histogram of packet lengths: the lookup result is copied into a second pointer, checked through the copy and used through both (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define NR_SLOTS 32
#define SLOT_BYTES 64

struct len_slot {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, NR_SLOTS);
	__type(key, __u32);
	__type(value, struct len_slot);
} len_hist SEC(".maps");

SEC("socket")
int socket_len_hist(struct __sk_buff *skb)
{
	struct len_slot *slot, *cur;
	__u32 idx = skb->len / SLOT_BYTES;

	if (idx >= NR_SLOTS)
		idx = NR_SLOTS - 1;

	slot = bpf_map_lookup_elem(&len_hist, &idx);
	cur = slot;
	if (!cur)
		return 0;
	cur->packets++;
	slot->bytes += skb->len;
	return skb->len;
}

char _license[] SEC("license") = "GPL";
