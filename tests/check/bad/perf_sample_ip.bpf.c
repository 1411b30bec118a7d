// bpfgen-test: perf_event sampler calling the GPL-only bpf_probe_read_user under license "BSD-2-Clause"
// kernel: refuses "cannot call GPL-restricted function from non-GPL compatible program"
#include <linux/bpf.h>
#include <linux/bpf_perf_event.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct sample {
	__u32 pid;
	__u32 cpu;
	__u64 ip;
	__u64 stack_top;
	__u64 period;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 512 * 1024);
} samples SEC(".maps");

SEC("perf_event")
int sample_ip(struct bpf_perf_event_data *ctx)
{
	struct sample *s;
	__u64 sp;

	s = bpf_ringbuf_reserve(&samples, sizeof(*s), 0);
	if (!s)
		return 0;

	s->pid = bpf_get_current_pid_tgid() >> 32;
	s->cpu = bpf_get_smp_processor_id();
	s->ip = PT_REGS_IP(&ctx->regs);
	s->period = ctx->sample_period;
	s->stack_top = 0;
	sp = PT_REGS_SP(&ctx->regs);
	if (s->pid && sp)
		bpf_probe_read_user(&s->stack_top, sizeof(s->stack_top), (void *)sp); // expect: error license-gpl
	bpf_ringbuf_submit(s, 0);
	return 0;
}

char LICENSE[] SEC("license") = "BSD-2-Clause";
