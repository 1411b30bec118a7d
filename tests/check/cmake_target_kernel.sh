#!/usr/bin/env bash
# cmake_target_kernel.sh BPFGEN
#
# bpfgen_add_bpf_object(... TARGET_KERNEL V...) checks the object for those
# kernels: a ring buffer (Linux 5.8) fails the build for 5.4, with the
# kernel-version error at the user's line, and builds for 5.15 6.1.
set -u
export LC_ALL=C
if [ $# -ne 1 ]; then
	echo "usage: $0 BPFGEN" >&2
	exit 2
fi
bpfgen=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
repo=$(cd "$(dirname "$0")/../.." && pwd)
if [ ! -r /sys/kernel/btf/vmlinux ]; then
	echo "SKIP: no /sys/kernel/btf/vmlinux for the project's vmlinux.h"
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cmake_target_kernel.XXXXXX") || exit 1
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
fail=0

mkdir -p "$tmp/src"
cat > "$tmp/src/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.16)
project(target_kernel C)
include($repo/cmake/bpfgen.cmake)
bpfgen_add_bpf_object(rb rb.bpf.c TARGET_KERNEL \${TK})
CMAKE
cat > "$tmp/src/rb.bpf.c" <<'BPF'
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int on_exec(void *ctx)
{
	__u32 *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);

	if (!e)
		return 0;
	*e = bpf_get_current_pid_tgid() >> 32;
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
BPF

build() { # NAME TK...
	local name=$1
	shift
	cmake -S "$tmp/src" -B "$tmp/$name" -DBPFGEN_EXECUTABLE="$bpfgen" "-DTK=$*" \
		>"$tmp/$name.configure" 2>&1 || { sed "s/^/\t/" "$tmp/$name.configure"; return 100; }
	cmake --build "$tmp/$name" --target rb_bpf >"$tmp/$name.out" 2>&1
}

build old 5.4
rc=$?
if [ $rc -eq 100 ]; then
	echo "FAIL: configure failed"
	exit 1
fi
if [ $rc -eq 0 ]; then
	echo "FAIL: TARGET_KERNEL 5.4 built an object that uses a ring buffer"
	fail=1
elif ! grep -qE 'rb\.bpf\.c:[0-9]+:[0-9]+: error: .*5\.8.*\[kernel-version\]' "$tmp/old.out"; then
	echo "FAIL: TARGET_KERNEL 5.4: no kernel-version error at rb.bpf.c"
	fail=1
elif [ -e "$tmp/old/rb.bpfgen/rb.bpf.o" ]; then
	echo "FAIL: TARGET_KERNEL 5.4: the object was left behind"
	fail=1
else
	echo "ok: TARGET_KERNEL 5.4 fails the build at the ring buffer"
fi
[ $fail -eq 0 ] || sed 's/^/	/' "$tmp/old.out"

if ! build new 5.15 6.1; then
	echo "FAIL: TARGET_KERNEL 5.15 6.1 did not build"
	sed 's/^/	/' "$tmp/new.out"
	fail=1
elif [ ! -s "$tmp/new/rb.bpfgen/rb.bpf.o" ]; then
	echo "FAIL: TARGET_KERNEL 5.15 6.1: no object"
	fail=1
else
	echo "ok: TARGET_KERNEL 5.15 6.1 builds"
fi
exit $fail
