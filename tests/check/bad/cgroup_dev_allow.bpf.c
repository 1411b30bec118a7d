// bpfgen-test: cgroup device program in section "cgroup/device" (libbpf knows "cgroup/dev")
// kernel: refuses "missing BPF prog type, check ELF section name 'cgroup/device'"
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __always_inline int allowed_char_dev(__u32 major, __u32 minor)
{
	if (major == 1)
		return minor == 3 || minor == 5 || minor == 7 || minor == 8 || minor == 9;
	if (major == 5)
		return minor == 0 || minor == 2;	/* /dev/tty, /dev/ptmx */
	if (major == 136)
		return 1;				/* /dev/pts/N */
	return 0;
}

SEC("cgroup/device") // expect: error section-name
int dev_allowlist(struct bpf_cgroup_dev_ctx *ctx)
{
	__u32 type = ctx->access_type & 0xFFFF;
	__u32 access = ctx->access_type >> 16;

	if (type != BPF_DEVCG_DEV_CHAR)
		return 0;
	if (access & BPF_DEVCG_ACC_MKNOD)
		return 0;
	return allowed_char_dev(ctx->major, ctx->minor);
}

char _license[] SEC("license") = "GPL";
