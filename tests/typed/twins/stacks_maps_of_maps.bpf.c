// bpfgen-test: hand-written libbpf twin of good/stacks_maps_of_maps.bpf.c
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

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

struct {
	__uint(type, BPF_MAP_TYPE_STACK_TRACE);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64[127]);
} stacks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, struct stack_key);
	__type(value, __u64);
} stack_counts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} per_cpu_bytes SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, struct totals);
} slots SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 8);
	__type(key, __u32);
	__array(values, typeof(per_cpu_bytes));
} tenants SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH_OF_MAPS);
	__uint(max_entries, 16);
	__type(key, __u64);
	__array(values, typeof(slots));
} by_cgroup SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_USER_RINGBUF);
	__uint(max_entries, 4096);
} cmds SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct totals);
} drained SEC(".maps");

/* named as the typed layer names its callbacks, so the two objects compare function by function */
static long ___bpfgen_drain_cb_apply_cmd(struct bpf_dynptr *dynptr, void *ctx)
{
	struct totals *t = ctx;
	struct cmd e;

	if (bpf_dynptr_read(&e, sizeof(e), dynptr, 0, 0))
		return 0;
	t->ops++;
	t->sum += e.arg;
	return e.op == 0 ? 1 : 0;
}

static __always_inline void count_stack(void *ctx)
{
	struct stack_key key = { .tgid = bpf_get_current_pid_tgid() >> 32 };
	__u64 one = 1, *n;

	key.kstack = bpf_get_stackid(ctx, &stacks, 0);
	key.ustack = bpf_get_stackid(ctx, &stacks, BPF_F_USER_STACK);
	if (key.kstack < 0 && key.ustack < 0)
		return;
	n = bpf_map_lookup_elem(&stack_counts, &key);
	if (n)
		__sync_fetch_and_add(n, 1);
	else if (bpf_map_update_elem(&stack_counts, &key, &one, BPF_NOEXIST))
		return;
}

SEC("raw_tp/sys_enter")
int BPF_PROG(on_enter, struct pt_regs *regs, long id)
{
	__u32 tenant = (__u32)bpf_get_current_uid_gid() % 8, cpu = bpf_get_smp_processor_id();
	__u64 cgroup = bpf_get_current_cgroup_id(), zero = 0, *bytes;
	struct totals t = {};
	void *per_tenant, *cg;
	__u32 slot = 0;
	long n;

	count_stack(ctx);

	per_tenant = bpf_map_lookup_elem(&tenants, &tenant);
	if (per_tenant) {
		bytes = bpf_map_lookup_elem(per_tenant, &cpu);
		if (bytes)
			__sync_fetch_and_add(bytes, 1);
		else if (bpf_map_update_elem(per_tenant, &cpu, &zero, BPF_NOEXIST))
			return 0;
	}
	cg = bpf_map_lookup_elem(&by_cgroup, &cgroup);
	if (cg) {
		struct totals *s = bpf_map_lookup_elem(cg, &slot);

		if (s)
			__sync_fetch_and_add(&s->ops, 1);
	}

	n = bpf_user_ringbuf_drain(&cmds, ___bpfgen_drain_cb_apply_cmd, &t, 0);
	if (n > 0) {
		struct totals *d = bpf_map_lookup_elem(&drained, &slot);

		if (d) {
			__sync_fetch_and_add(&d->ops, t.ops);
			__sync_fetch_and_add(&d->sum, t.sum);
		}
	}
	return 0;
}

SEC("perf_event")
int sample(struct bpf_perf_event_data *ctx)
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
	char comm[16];
	char parent_comm[16];
	char arg0[32];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} execs SEC(".maps");

SEC("kprobe/__x64_sys_execve")
int BPF_KPROBE(on_execve, struct pt_regs *regs)
{
	struct task_struct *task = bpf_get_current_task_btf(), *parent = NULL;
	const char *const *argv = NULL;
	const char *arg0 = NULL;
	struct exec_info *e;
	__u64 pid_tgid, uid_gid;

	e = bpf_ringbuf_reserve(&execs, sizeof(*e), 0);
	if (!e)
		return 0;
	pid_tgid = bpf_get_current_pid_tgid();
	e->pid = (__u32)pid_tgid;
	e->tgid = bpf_get_current_pid_tgid() >> 32;
	uid_gid = bpf_get_current_uid_gid();
	e->uid = (__u32)uid_gid;
	e->gid = bpf_get_current_uid_gid() >> 32;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	if (BPF_CORE_READ_INTO(&e->prio, task, prio) ||
	    BPF_CORE_READ_INTO(&parent, task, real_parent) ||
	    BPF_CORE_READ_INTO(&e->ppid, task, real_parent, tgid) ||
	    bpf_probe_read_kernel(&e->parent_comm, sizeof(e->parent_comm), &parent->comm)) {
		bpf_ringbuf_discard(e, 0);
		return 0;
	}
	if (bpf_probe_read_kernel(&argv, sizeof(argv), &regs->si) ||
	    bpf_probe_read_user(&arg0, sizeof(arg0), argv) ||
	    bpf_probe_read_user_str(e->arg0, sizeof(e->arg0), arg0) < 0)
		e->arg0[0] = '\0';
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
