// bpfgen-test: tc tail-call pipeline stage recording its verdict in the skb->cb slot of its stage; the slot is picked by a switch, so every cb access has a constant offset (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TC_ACT_OK	0
#define NR_STAGES	5

struct stage_cfg {
	__u32 stage;
	__u32 next_prog;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct stage_cfg);
} stage_config SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, NR_STAGES);
	__type(key, __u32);
	__type(value, __u32);
} pipeline SEC(".maps");

SEC("tc")
int tc_stage(struct __sk_buff *skb)
{
	__u32 verdict = skb->len > 1500 ? 1 : 0;
	struct stage_cfg *cfg;
	__u32 zero = 0;

	cfg = bpf_map_lookup_elem(&stage_config, &zero);
	if (!cfg)
		return TC_ACT_OK;

	switch (cfg->stage) {
	case 0: skb->cb[0] = verdict; break;
	case 1: skb->cb[1] = verdict; break;
	case 2: skb->cb[2] = verdict; break;
	case 3: skb->cb[3] = verdict; break;
	case 4: skb->cb[4] = verdict; break;
	default: return TC_ACT_OK;
	}
	bpf_tail_call(skb, &pipeline, cfg->next_prog);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
