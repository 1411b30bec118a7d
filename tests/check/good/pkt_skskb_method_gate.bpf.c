// bpfgen-test: sk_skb stream verdict letting through only stream data that starts with an allowed 4-byte HTTP method, read after if (data + 4 >= data_end) (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define METHOD_GET	0x47455420	/* "GET " */
#define METHOD_HEAD	0x48454144	/* "HEAD" */
#define METHOD_POST	0x504f5354	/* "POST" */

__u64 rejected = 0;

SEC("sk_skb/stream_verdict")
int method_gate(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	__u32 method;

	if (data + 4 >= data_end)
		return SK_PASS;

	method = bpf_ntohl(*(__u32 *)data);
	if (method == METHOD_GET || method == METHOD_HEAD || method == METHOD_POST)
		return SK_PASS;

	__sync_fetch_and_add(&rejected, 1);
	return SK_DROP;
}

char _license[] SEC("license") = "GPL";
