// bpfgen-test: tracepoint copies the comm into a task storage value with __builtin_memcpy before testing the get (vmlinux.h)
// class: null
// kernel: loads
// stages: check
#include "vmlinux.h"
#include <bpfgen/bpf.h>

struct exec_note {
	char comm[16];
	__u32 execs;
};

BPFGEN_HASH(exec_notes, __u32, struct exec_note, 4096);

BPFGEN_TRACEPOINT(on_exec, "sched", "sched_process_exec", struct trace_event_raw_sched_process_exec)
{
	__u32 pid = args->pid;
	struct exec_note blank = {};
	char comm[16];
	struct exec_note *n;
	long err;

	bpf_get_current_comm(comm, sizeof(comm));
	err = exec_notes_update(&pid, &blank, BPF_NOEXIST);
	if (err < 0 && err != -17 /* -EEXIST: already there */)
		return 0;
	n = exec_notes_lookup(&pid);
#ifdef BPFGEN_TEST_BAD
	__builtin_memcpy(n->comm, comm, sizeof(comm)); // BAD
#else
	if (!n)
		return 0;
	__builtin_memcpy(n->comm, comm, sizeof(comm));
#endif
	n->execs++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
