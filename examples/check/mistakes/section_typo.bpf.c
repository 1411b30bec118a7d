// SPDX-License-Identifier: GPL-2.0
/* Mistake: a misspelled section. clang and bpftool accept it; libbpf refuses it at load. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tracepiont/syscalls/sys_enter_openat")
int on_openat(void *ctx)
{
	bpf_printk("openat");
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
