// bpfgen-test: the remaining map kinds (LRU per-CPU hash, perf event array from perf_event, xskmap and cpumap redirects, task/sk/cgroup storage) with <linux/bpf.h> alone
// kernel: loads
#include <linux/bpf.h>
#include <bpfgen/bpf.h>

struct sample {
	__u64 period;
	__u64 addr;
};

BPFGEN_LRU_PERCPU_HASH(per_addr, __u64, __u64, 1024);
BPFGEN_PERF_EVENT_ARRAY(samples, struct sample);
BPFGEN_XSKMAP(xsks, 64);
BPFGEN_CPUMAP(cpus, 8);
BPFGEN_TASK_STORAGE(task_seen, __u64);
BPFGEN_SK_STORAGE(sock_seen, __u64);
BPFGEN_CGRP_STORAGE(cgroup_seen, __u64);

BPFGEN_PERF_EVENT(sample_addr)
{
	struct sample s = {
		.period = bpfgen_perf_event_sample_period(ctx),
		.addr = bpfgen_perf_event_addr(ctx),
	};
	__u64 one = 1, *n;

	n = per_addr_lookup(&s.addr);
	if (n)
		*n += 1;
	else if (per_addr_update(&s.addr, &one, BPF_ANY))
		return 0;
	if (samples_output(ctx, &s))
		return 0;
	return 0;
}

BPFGEN_XDP(steer)
{
	__u32 queue = bpfgen_xdp_rx_queue_index(ctx);

	if (queue < 64)
		return xsks_redirect(queue, BPFGEN_XDP_PASS);
	return cpus_redirect(queue & 7, BPFGEN_XDP_PASS);
}

char LICENSE[] SEC("license") = "GPL";
