// bpfgen-test: cgroup_skb egress dispatcher copying a policy record (unused words are zero) into skb->cb before tail-calling the policy program, one statement per cb word (linux/bpf.h)
// kernel: loads
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define CB_WORDS 5

struct policy_rec {
	__u32 nr_words;
	__u32 word[CB_WORDS];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct policy_rec);
} policy SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} policy_progs SEC(".maps");

__u32 active_policy = 0;

SEC("cgroup_skb/egress")
int cgskb_dispatch(struct __sk_buff *skb)
{
	struct policy_rec *rec;
	__u32 zero = 0;

	rec = bpf_map_lookup_elem(&policy, &zero);
	if (!rec)
		return 1;

	skb->cb[0] = rec->word[0];
	skb->cb[1] = rec->word[1];
	skb->cb[2] = rec->word[2];
	skb->cb[3] = rec->word[3];
	skb->cb[4] = rec->word[4];

	bpf_tail_call(skb, &policy_progs, active_policy);
	/* no policy program installed: allow */
	return 1;
}

char _license[] SEC("license") = "GPL";
