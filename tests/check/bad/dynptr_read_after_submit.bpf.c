// bpfgen-test: raw_tp program that builds an exec record in a ring buffer dynptr (bpf_ringbuf_reserve_dynptr, bpf_dynptr_write), submits it, then reads the record's length back through the submitted dynptr to count bytes: once submitted the dynptr is gone, and the verifier refuses its use (vmlinux.h)
// kernel: refuses "Expected an initialized dynptr as arg #2"
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} execs SEC(".maps");

struct exec_rec {
	__u32 pid;
	__u32 len;
	char comm[16];
};

__u64 bytes_sent;

SEC("raw_tp/sched_process_exec")
int record_exec(void *ctx)
{
	struct exec_rec rec = {};
	struct bpf_dynptr ptr;
	__u32 len = 0;

	rec.pid = bpf_get_current_pid_tgid() >> 32;
	rec.len = sizeof(rec);
	bpf_get_current_comm(rec.comm, sizeof(rec.comm));
	if (bpf_ringbuf_reserve_dynptr(&execs, sizeof(rec), 0, &ptr)) {
		bpf_ringbuf_discard_dynptr(&ptr, 0);
		return 0;
	}
	bpf_dynptr_write(&ptr, 0, &rec, sizeof(rec), 0);
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	bpf_dynptr_read(&len, sizeof(len), &ptr, 4, 0);	// expect: error object-state
	__sync_fetch_and_add(&bytes_sent, len);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
