// bpfgen-test: fentry program on do_unlinkat that declares a third argument the function does not pass (copied from a fexit program's return slot) but never reads it: clang drops the load, so the kernel loads it (warning only)
// kernel: skip "fentry/fexit/lsm programs are refused at load by this kernel"
// kernel 6.1: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "Dual BSD/GPL";

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} unlinks SEC(".maps");

SEC("fentry/do_unlinkat")
int BPF_PROG(count_unlink, int dfd, struct filename *name, long ret) // expect: warning btf-args
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 one = 1, *n;

	if (!name)
		return 0;
	n = bpf_map_lookup_elem(&unlinks, &pid);
	if (n)
		__sync_fetch_and_add(n, 1);
	else
		bpf_map_update_elem(&unlinks, &pid, &one, BPF_NOEXIST);
	return 0;
}
