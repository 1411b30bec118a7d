#!/usr/bin/env bash
# target_kernel.sh BPFGEN [VMLINUX_DIR]: `bpfgen check --target-kernel` (the kernel-version
# rule): each feature is reported for the targets older than the version that
# introduced it, at the line that uses it, and not for newer targets; a
# "bpfgen: target-kernel" comment is the default; bad versions exit 2.
set -u
BPFGEN=$(realpath "${1:?usage: target_kernel.sh BPFGEN [VMLINUX_DIR]}")
VMLINUX_DIR=${2:+$(realpath "$2")}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fails=0

# expect NAME STATUS COUNT PATTERN -- CMD...: exit status, and COUNT output lines matching PATTERN
expect() {
	local name=$1 want=$2 count=$3 pattern=$4 rc=0 n
	shift 5
	"$@" > out.txt 2>&1 || rc=$?
	n=$(grep -cE -- "$pattern" out.txt)
	if [ "$rc" != "$want" ] || [ "$n" != "$count" ]; then
		echo "FAIL $name: exit $rc (expected $want), $n lines match /$pattern/ (expected $count)"
		sed 's/^/    /' out.txt | head -20
		fails=$((fails + 1))
	fi
}

cat > prog.bpf.c <<'C'
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

static long cb(__u32 i, void *ctx)
{
	return 0;
}

SEC("tp_btf/sched_switch")
int on_switch(__u64 *ctx)
{
	__u64 *v;

	bpf_loop(4, cb, NULL, 0);
	v = bpf_ringbuf_reserve(&events, 8, 0);
	if (v)
		bpf_ringbuf_submit(v, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
C

expect none 0 0 'kernel-version' -- "$BPFGEN" check prog.bpf.c
expect new-enough 0 0 'kernel-version' -- "$BPFGEN" check --target-kernel 6.1,6.18 prog.bpf.c
expect 5.15 1 1 '^prog.bpf.c:19:2: error: helper .bpf_loop. is in Linux 5.17 .*target kernel 5.15 does' \
	-- "$BPFGEN" check --target-kernel 5.15 prog.bpf.c
expect 5.15-only 1 1 '\[kernel-version\]' -- "$BPFGEN" check --target-kernel 5.15 prog.bpf.c
expect 5.4-ringbuf 1 1 '^prog.bpf.c:7:3: error: map .events. is a BPF_MAP_TYPE_RINGBUF, which is in Linux 5.8' \
	-- "$BPFGEN" check --target-kernel 5.4,6.1 prog.bpf.c
expect 5.4-tracing 1 1 '^prog.bpf.c:14:1: error: section .tp_btf/sched_switch. is a BPF_PROG_TYPE_TRACING' \
	-- "$BPFGEN" check --target-kernel 6.1,5.4 prog.bpf.c
expect 5.4-all 1 5 '\[kernel-version\]' -- "$BPFGEN" check --target-kernel 5.4 prog.bpf.c
expect two-targets 1 1 'target kernels 5.4, 5.15 do not have it' -- "$BPFGEN" check --target-kernel 5.4,5.15 prog.bpf.c
expect note 1 1 '^note: before Linux 5.17, use a for loop' -- "$BPFGEN" check --target-kernel 5.15 prog.bpf.c
expect release-string 1 1 '\[kernel-version\]' -- "$BPFGEN" check --target-kernel 5.15.0-91-generic prog.bpf.c
expect bad-version 2 1 "needs kernel versions" -- "$BPFGEN" check --target-kernel 5.x prog.bpf.c
expect empty-version 2 1 "needs kernel versions" -- "$BPFGEN" check --target-kernel "" prog.bpf.c
expect waived 0 0 'kernel-version' -- "$BPFGEN" check -Wno-kernel-version --target-kernel 5.4 prog.bpf.c

# the file's own comment, when the command line names no target
{ echo '// bpfgen: target-kernel 5.15'; cat prog.bpf.c; } > dir.bpf.c
expect directive 1 1 '^dir.bpf.c:20:2: error: helper .bpf_loop.' -- "$BPFGEN" check dir.bpf.c
expect option-wins 0 0 'kernel-version' -- "$BPFGEN" check --target-kernel 6.1 dir.bpf.c

# under a CO-RE feature test, libbpf drops the call where the kernel lacks it
cat > guarded.bpf.c <<'C'
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

static long cb(__u32 i, void *ctx)
{
	return 0;
}

SEC("raw_tp/sched_switch")
int on_switch(void *ctx)
{
	if (bpf_core_enum_value_exists(enum bpf_func_id, BPF_FUNC_loop))
		bpf_loop(4, cb, NULL, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
C
expect guarded 0 0 'kernel-version' -- "$BPFGEN" check --target-kernel 5.15 guarded.bpf.c

# an early return under the test guards what follows, calls in conditions too;
# a side that traps (`*(volatile int *)0`, falco's load-time assert) guards
# nothing: no kernel loads the program without the feature
cat > early.bpf.c <<'C'
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

static long cb(__u32 i, void *ctx)
{
	return 0;
}

static __always_inline int loop_or_skip(void)
{
	if (!bpf_core_enum_value_exists(enum bpf_func_id, BPF_FUNC_loop))
		return 0;
	if (bpf_loop(4, cb, NULL, 0) != 4)
		return 1;
	return 0;
}

static __always_inline int loop_or_fail(void)
{
	if (!bpf_core_enum_value_exists(enum bpf_func_id, BPF_FUNC_loop))
		return *(volatile int *)0;
	if (bpf_loop(4, cb, NULL, 0) != 4)
		return 1;
	return 0;
}

SEC("raw_tp/sched_switch")
int on_switch(void *ctx)
{
	return loop_or_skip();
}

SEC("raw_tp/sched_wakeup")
int on_wakeup(void *ctx)
{
	return loop_or_fail();
}

char LICENSE[] SEC("license") = "GPL";
C
expect early-return 1 1 '\[kernel-version\]' -- "$BPFGEN" check --target-kernel 5.15 early.bpf.c
expect early-return-trap 1 1 "^early.bpf.c:23:6: error: helper 'bpf_loop' is in Linux 5.17" -- "$BPFGEN" check --target-kernel 5.15 early.bpf.c

# 6.1 is measured (codegen/tables/kernel_linux_6_1.c): its helper verdicts are
# per program type, where upstream versions are not. bpf_get_current_pid_tgid
# is from 4.2, but 6.1 keeps it from XDP (6.10 opened it to every type).
cat > measured.bpf.c <<'C'
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int sample(struct xdp_md *ctx)
{
	return bpf_get_current_pid_tgid() & 1 ? XDP_PASS : XDP_DROP;
}

SEC("kprobe/do_unlinkat")
int on_unlink(void *ctx)
{
	return bpf_get_current_pid_tgid() & 1;
}

char LICENSE[] SEC("license") = "GPL";
C
expect measured-6.1 1 1 "^measured.bpf.c:7:9: error: helper 'bpf_get_current_pid_tgid' is not open to 'xdp' programs on Linux 6.1 \\(measured" \
	-- "$BPFGEN" check --target-kernel 6.1 measured.bpf.c
expect measured-6.1-once 1 1 '\[kernel-version\]' -- "$BPFGEN" check --target-kernel 6.1 measured.bpf.c
expect measured-6.18 0 0 'kernel-version' -- "$BPFGEN" check --target-kernel 6.18 measured.bpf.c

# probe --compare: the built-in tables against each other and themselves
"$BPFGEN" probe --builtin --format json > b.json
# a compile database whose command runs through `bpfgen cc --target-kernel V --`
# (a Makefile's CC, as bear records it): V is the file's default, after the
# command line's option and before the file's comment
mkdir -p db
printf '[{"directory": "%s", "file": "%s/prog.bpf.c", "arguments": ["bpfgen", "cc", "--target-kernel", "5.15", "--", "clang", "-O2", "-target", "bpf", "-c", "prog.bpf.c", "-o", "prog.bpf.o"]}]\n' \
	"$tmp" "$tmp" > db/compile_commands.json
expect compdb-launcher 1 1 '/prog.bpf.c:19:2: error: helper .bpf_loop. is in Linux 5.17' -- "$BPFGEN" check -p db
expect compdb-option-wins 0 0 'kernel-version' -- "$BPFGEN" check --target-kernel 6.1 -p db
printf '[{"directory": "%s", "file": "%s/dir.bpf.c", "arguments": ["bpfgen", "cc", "--target-kernel=6.1", "--", "clang", "-target", "bpf", "-c", "dir.bpf.c"]}]\n' \
	"$tmp" "$tmp" > db/compile_commands.json
expect compdb-before-comment 0 0 'kernel-version' -- "$BPFGEN" check -p db
printf '[{"directory": "%s", "file": "%s/prog.bpf.c", "arguments": ["bpfgen", "cc", "--target-kernel", "5.x", "--", "clang", "-target", "bpf", "-c", "prog.bpf.c"]}]\n' \
	"$tmp" "$tmp" > db/compile_commands.json
expect compdb-bad-version 2 1 "compile command's --target-kernel '5.x'" -- "$BPFGEN" check -p db

expect compare-builtin-same 0 1 '^# 0 differences' -- "$BPFGEN" probe --compare 6.18 --kernel-table b.json
expect compare-6.1-6.18 0 1 '^  only 6\.18[^:]*: get_current_pid_tgid$' -- sh -c "'$BPFGEN' probe --compare 6.1 --builtin | sed -n '/^xdp:/,/^[a-z]/p'"
expect compare-differ 1 1 '^# 535 differences' -- "$BPFGEN" probe --compare 6.1 --builtin
expect compare-ctx 1 1 '^  skb_hwtstamp@216: 6\.1[^ ]* -, 6\.18[^ ]* r$' -- "$BPFGEN" probe --compare 6.1 --builtin
expect compare-ctx-new-type 1 1 '^ctx netfilter: measured on the second kernel only$' -- "$BPFGEN" probe --compare 6.1 --builtin

# context fields: a measured target (6.1) by its table; another by the field's
# upstream version (eBPF-Docs), with the measured kernels that refuse it too in
# a note; 6.6 lies between two measured kernels and after the field: loads
if [ -n "$VMLINUX_DIR" ] && [ -f "$VMLINUX_DIR/vmlinux.h" ]; then
	cat > ctx.bpf.c <<'C'
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__u64 last_hwtstamp;

SEC("sockops")
int rx_ts(struct bpf_sock_ops *skops)
{
	if (skops->op == BPF_SOCK_OPS_PARSE_HDR_OPT_CB)
		last_hwtstamp = skops->skb_hwtstamp;
	return 1;
}

SEC("xdp/devmap")
int on_tx(struct xdp_md *ctx)
{
	return ctx->egress_ifindex ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
C
	expect ctx-6.1 1 1 "^ctx.bpf.c:10:26: error: reading 'skb_hwtstamp' of 'struct bpf_sock_ops' in 'sockops' programs is refused on Linux 6.1 \\(measured by bpfgen probe on 6\\.1[^)]*\\): target kernel 6.1 will not load" \
		-- "$BPFGEN" check --target-kernel 6.1 ctx.bpf.c -- -I "$VMLINUX_DIR"
	expect ctx-6.1-once 1 1 '\[kernel-version\]' -- "$BPFGEN" check --target-kernel 6.1 ctx.bpf.c -- -I "$VMLINUX_DIR"
	expect ctx-upstream 1 1 "^ctx.bpf.c:10:26: error: context field 'skb_hwtstamp' of 'struct bpf_sock_ops' is in Linux 6.2 and later: target kernels 5.10, 5.15 do not have it" \
		-- "$BPFGEN" check --target-kernel 5.10,5.15 ctx.bpf.c -- -I "$VMLINUX_DIR"
	expect ctx-upstream-and-measured 1 1 "^note: bpfgen probe measured the same on 6\\.1[^ ]* \\(Linux 6.1's table\\): target kernel 6.1 will not load it either" \
		-- "$BPFGEN" check --target-kernel 5.15,6.1 ctx.bpf.c -- -I "$VMLINUX_DIR"
	expect ctx-xdp-egress 1 1 "^ctx.bpf.c:17:14: error: context field 'egress_ifindex' of 'struct xdp_md' is in Linux 5.8" \
		-- "$BPFGEN" check --target-kernel 5.4 ctx.bpf.c -- -I "$VMLINUX_DIR"
	expect ctx-5.4-all 1 3 '\[kernel-version\]' -- "$BPFGEN" check --target-kernel 5.4 ctx.bpf.c -- -I "$VMLINUX_DIR"
	expect ctx-6.6 0 0 'kernel-version' -- "$BPFGEN" check --target-kernel 6.6 ctx.bpf.c -- -I "$VMLINUX_DIR"
	expect ctx-6.18 0 0 'kernel-version' -- "$BPFGEN" check --target-kernel 6.18 ctx.bpf.c -- -I "$VMLINUX_DIR"
	expect ctx-none 0 0 'error' -- "$BPFGEN" check ctx.bpf.c -- -I "$VMLINUX_DIR"
else
	echo "target_kernel: context cases skipped: no vmlinux.h (pass VMLINUX_DIR)"
fi
expect compare-unknown 2 1 'has no measured table of Linux 5.4' -- "$BPFGEN" probe --compare 5.4 --builtin

[ "$fails" = 0 ] && echo "target_kernel: all passed"
exit $((fails > 0))
