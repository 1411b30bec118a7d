// bpfgen-test: raw_tp and perf_event stack ids, an array and a hash of maps with typed inner lookups, a user ring buffer drained by a raw_tp, the current-task helpers, typed probe reads and CO-RE reads (vmlinux.h)
// kernel: loads
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct stack_key {
	__u32 tgid;
	__s32 kstack;
	__s32 ustack;
};

struct cmd {
	__u32 op;
	__u32 arg;
	__u64 cookie;
};

struct totals {
	__u64 ops;
	__u64 sum;
};

BPFGEN_STACK_TRACE(stacks, 1024);
BPFGEN_HASH(stack_counts, struct stack_key, __u64, 1024);

/* the inner map templates, and the outer maps of them */
BPFGEN_HASH(per_cpu_bytes, __u32, __u64, 64);
BPFGEN_ARRAY(slots, struct totals, 4);
BPFGEN_ARRAY_OF_MAPS(tenants, per_cpu_bytes, 8);
BPFGEN_HASH_OF_MAPS(by_cgroup, __u64, slots, 16);

BPFGEN_USER_RINGBUF(cmds, struct cmd, 4096);
BPFGEN_ARRAY(drained, struct totals, 1);

BPFGEN_USER_RINGBUF_CALLBACK(cmds, apply_cmd, struct totals)
{
	ctx->ops++;
	ctx->sum += e->arg;
	return e->op == 0 ? BPFGEN_DRAIN_STOP : BPFGEN_DRAIN_NEXT;
}

static __always_inline void count_stack(bpfgen_trace_ctx ctx)
{
	struct stack_key key = { .tgid = bpfgen_current_tgid() };
	__u64 one = 1, *n;

	key.kstack = stacks_get_stackid(ctx, 0);
	key.ustack = stacks_get_stackid(ctx, BPF_F_USER_STACK);
	if (key.kstack < 0 && key.ustack < 0)
		return;
	n = stack_counts_lookup(&key);
	if (n)
		__sync_fetch_and_add(n, 1);
	else if (stack_counts_update(&key, &one, BPF_NOEXIST))
		return;
}

BPFGEN_RAW_TRACEPOINT(on_enter, "sys_enter", struct pt_regs *regs, long id)
{
	__u32 tenant = bpfgen_current_uid() % 8, cpu = bpf_get_smp_processor_id();
	__u64 cgroup = bpf_get_current_cgroup_id(), zero = 0, *bytes;
	struct totals t = {};
	tenants_inner *per_tenant;
	by_cgroup_inner *cg;
	__u32 slot = 0;
	long n;

	count_stack(ctx);

	per_tenant = tenants_lookup(&tenant);
	if (per_tenant) {
		bytes = tenants_inner_lookup(per_tenant, &cpu);
		if (bytes)
			__sync_fetch_and_add(bytes, 1);
		else if (tenants_inner_update(per_tenant, &cpu, &zero, BPF_NOEXIST))
			return 0;
	}
	cg = by_cgroup_lookup(&cgroup);
	if (cg) {
		struct totals *s = by_cgroup_inner_lookup(cg, &slot);

		if (s)
			__sync_fetch_and_add(&s->ops, 1);
	}

	n = bpfgen_user_ringbuf_drain(cmds, apply_cmd, &t, 0);
	if (n > 0) {
		struct totals *d = drained_lookup(&slot);

		if (d) {
			__sync_fetch_and_add(&d->ops, t.ops);
			__sync_fetch_and_add(&d->sum, t.sum);
		}
	}
	return 0;
}

BPFGEN_PERF_EVENT(sample)
{
	count_stack(ctx);
	return 0;
}

struct exec_info {
	__u32 pid;
	__u32 tgid;
	__u32 uid;
	__u32 gid;
	pid_t ppid;
	int prio;
	char comm[BPFGEN_TASK_COMM_LEN];
	char parent_comm[BPFGEN_TASK_COMM_LEN];
	char arg0[32];
};

BPFGEN_RINGBUF(execs, struct exec_info, 64 * 1024);

BPFGEN_KPROBE(on_execve, "__x64_sys_execve", struct pt_regs *regs)
{
	struct task_struct *task = bpfgen_current_task(), *parent = NULL;
	const char *const *argv = NULL;
	const char *arg0 = NULL;
	struct exec_info *e;

	e = execs_reserve();
	if (!e)
		return 0;
	e->pid = bpfgen_current_pid();
	e->tgid = bpfgen_current_tgid();
	e->uid = bpfgen_current_uid();
	e->gid = bpfgen_current_gid();
	bpfgen_current_comm(e->comm);
	if (BPFGEN_CORE_READ(&e->prio, task, prio) ||
	    BPFGEN_CORE_READ(&parent, task, real_parent) ||
	    BPFGEN_CORE_READ(&e->ppid, task, real_parent, tgid) ||
	    bpfgen_probe_read_kernel(&e->parent_comm, &parent->comm)) {
		execs_discard(e);
		return 0;
	}
	/* execve(filename, argv, envp): argv[0] from user memory */
	if (bpfgen_probe_read_kernel(&argv, (const char *const **)&regs->si) ||
	    bpfgen_probe_read_user(&arg0, argv) ||
	    bpfgen_probe_read_user_str(e->arg0, arg0) < 0)
		e->arg0[0] = '\0';
	execs_submit(e);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
