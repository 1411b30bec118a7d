// bpfgen-test: tp_btf/sched_process_fork declares the child as a pid_t, but the tracepoint passes struct task_struct *child: BPF_PROG() casts the pointer to its low 4 bytes
// kernel: refuses "invalid size of register spill"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);	/* child pid */
	__type(value, __u32);	/* parent pid */
} parent_of SEC(".maps");

SEC("tp_btf/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct *parent, pid_t child) // expect: error btf-args
{
	__u32 ppid = BPF_CORE_READ(parent, tgid);
	__u32 cpid = child;

	bpf_map_update_elem(&parent_of, &cpid, &ppid, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
