/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/* The event procmon's BPF side sends and its loader prints. */
#ifndef PROCMON_H
#define PROCMON_H

enum procmon_event_kind {
	PROCMON_CLONE = 1,		/* fentry/kernel_clone: PID is about to clone */
	PROCMON_FORK = 2,		/* tp_btf/sched_process_fork: PID is the new child */
	PROCMON_EXEC = 3,		/* tp_btf/sched_process_exec: PID ran FILENAME */
};

#define PROCMON_COMM_LEN 16
#define PROCMON_FILENAME_LEN 128

struct procmon_event {
	__u32 kind;		/* enum procmon_event_kind */
	__u32 pid;		/* tgid */
	__u32 ppid;		/* the parent's tgid */
	char comm[PROCMON_COMM_LEN];
	char filename[PROCMON_FILENAME_LEN];
};

#endif
