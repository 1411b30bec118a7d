// bpfgen-test: raw_tp sched_process_exec reading stdin's inode mode; a helper function returns a literal NULL or a file read with CO-RE, and another reads it with BPF_CORE_READ unchecked (vmlinux.h): an address from a number, not a pointer that may be NULL
// kernel: loads
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u16);
} stdin_mode SEC(".maps");

static __always_inline struct file *file_of_fd(unsigned int fd)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct file **fds;
	struct file *file;

	if (!task)
		return NULL;
	fds = BPF_CORE_READ(task, files, fdt, fd);
	if (!fds)
		return NULL;
	bpf_core_read(&file, sizeof(file), &fds[fd]);
	return file;
}

static __always_inline __u16 mode_of_file(struct file *file)
{
	return BPF_CORE_READ(file, f_inode, i_mode);
}

SEC("raw_tp/sched_process_exec")
int rawtp_exec_stdin(struct bpf_raw_tracepoint_args *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	struct file *in = file_of_fd(0);
	__u16 mode = mode_of_file(in);
	struct path *p = __builtin_preserve_access_index(&in->f_path);

	if (!p)
		return 0;
	(void)bpf_map_update_elem(&stdin_mode, &tgid, &mode, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
