// bpfgen-test: tc ingress flow recorder with global functions record_flow (144-byte record) -> scan_payload (192-byte buffer), under 512 bytes of stack together (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define PREFIX_BYTES	128
#define SCAN_BYTES	192

struct flow_record {
	__u32 saddr;
	__u32 daddr;
	__u32 len;
	__u32 suspicious;
	__u8 prefix[PREFIX_BYTES];
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, struct flow_record);
} last_record SEC(".maps");

__noinline int scan_payload(struct __sk_buff *skb, __u32 off)
{
	__u8 buf[SCAN_BYTES];
	int i;

	if (bpf_skb_load_bytes(skb, off, buf, sizeof(buf)) < 0)
		return 0;
	for (i = 0; i + 3 < SCAN_BYTES; i++)
		if (buf[i] == 0x7f && buf[i + 1] == 'E' && buf[i + 2] == 'L' && buf[i + 3] == 'F')
			return 1;
	return 0;
}

__noinline int record_flow(struct __sk_buff *skb)
{
	struct flow_record rec = {};
	struct iphdr iph;

	if (bpf_skb_load_bytes(skb, ETH_HLEN, &iph, sizeof(iph)) < 0)
		return 0;
	rec.saddr = iph.saddr;
	rec.daddr = iph.daddr;
	rec.len = skb->len;
	if (bpf_skb_load_bytes(skb, 0, rec.prefix, sizeof(rec.prefix)) < 0)
		return 0;
	rec.suspicious = scan_payload(skb, sizeof(rec.prefix));
	return bpf_map_update_elem(&last_record, &rec.saddr, &rec, BPF_ANY);
}

SEC("tc")
int tc_record_flows(struct __sk_buff *skb)
{
	if (skb->protocol != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	if (record_flow(skb) < 0)
		bpf_printk("flow table update failed");
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
