// SPDX-License-Identifier: GPL-2.0
/*
 * procmon: a process monitor like Aya's kernel_clone example. The fentry
 * program on kernel_clone is the classic one; kernels that refuse fentry
 * (no BTF trampolines) get the tp_btf programs on sched_process_fork and
 * sched_process_exec instead. The loader picks (procmon.c).
 */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpfgen/bpf.h>
#include <bpfgen/log.h>

#include "procmon.h"

char LICENSE[] SEC("license") = "GPL";

BPFGEN_RINGBUF(events, struct procmon_event, 256 * 1024);

BPFGEN_FENTRY(on_clone, "kernel_clone", struct kernel_clone_args *args)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct procmon_event *e = events_reserve();

	if (!e)
		return 0;
	e->kind = PROCMON_CLONE;
	e->pid = task->tgid;
	e->ppid = task->real_parent->tgid;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	e->filename[0] = '\0';
	bpfgen_debug(ctx, "kernel_clone from %s (pid %u), flags %llx", e->comm, e->pid, args->flags);
	events_submit(e);
	return 0;
}

BPFGEN_TP_BTF(on_fork, "sched_process_fork", struct task_struct *parent, struct task_struct *child)
{
	struct procmon_event *e = events_reserve();

	if (!e)
		return 0;
	e->kind = PROCMON_FORK;
	e->pid = child->tgid;
	e->ppid = parent->tgid;
	__builtin_memcpy(e->comm, parent->comm, sizeof(e->comm));
	e->filename[0] = '\0';
	events_submit(e);
	return 0;
}

BPFGEN_TP_BTF(on_exec, "sched_process_exec", struct task_struct *p, pid_t old_pid,
	      struct linux_binprm *bprm)
{
	struct procmon_event *e = events_reserve();

	if (!e)
		return 0;
	e->kind = PROCMON_EXEC;
	e->pid = p->tgid;
	e->ppid = p->real_parent->tgid;
	__builtin_memcpy(e->comm, p->comm, sizeof(e->comm));
	bpf_probe_read_kernel_str(e->filename, sizeof(e->filename), bprm->filename);
	bpfgen_info(ctx, "exec %s by pid %u (parent %u)", bprm->filename, e->pid, e->ppid);
	events_submit(e);
	return 0;
}
