#!/usr/bin/env bash
# load_one.sh LOADER VMLINUX_DIR FILE
#
# Compiles FILE as a BPF object and checks what the running kernel does with it,
# against the file's header line:
#   // kernel: loads                 the loader must succeed
#   // kernel: refuses "TEXT"        the loader must fail and its output must contain TEXT
#   // kernel: skip "REASON"         prints "SKIP: REASON", exit 77
# Exit: 0 pass, 1 fail, 77 skipped (also when not root), 2 usage error.
set -u

if [ $# -ne 3 ]; then
	echo "usage: $0 LOADER VMLINUX_DIR FILE" >&2
	exit 2
fi
loader=$1
vmlinux_dir=$2
file=$3

if [ ! -r "$file" ]; then
	echo "FAIL: $file: cannot read" >&2
	exit 1
fi

header=$(grep -m1 -E '^//[[:space:]]*kernel:' "$file")
if [ -z "$header" ]; then
	echo "FAIL: $file: no '// kernel:' header line"
	exit 1
fi
verdict=$(printf '%s\n' "$header" | sed -E 's@^//[[:space:]]*kernel:[[:space:]]*([a-z]+).*@\1@')
# The quoted argument of refuses/skip (everything between the first and the last quote).
arg=$(printf '%s\n' "$header" | sed -nE 's@^[^"]*"(.*)"[[:space:]]*$@\1@p')

case $verdict in
loads) ;;
refuses | skip)
	if [ -z "$arg" ]; then
		echo "FAIL: $file: '$verdict' needs a quoted argument: $header"
		exit 1
	fi
	;;
*)
	echo "FAIL: $file: unknown kernel verdict: $header"
	exit 1
	;;
esac

if [ "$(id -u)" -ne 0 ]; then
	echo "SKIP: loading BPF programs needs root"
	exit 77
fi

# Mount tracefs if it is not mounted, so tracepoint programs see the same
# environment as when they are attached.
if [ -d /sys/kernel/tracing ] && ! grep -qs ' /sys/kernel/tracing tracefs ' /proc/mounts; then
	mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null ||
		echo "note: could not mount tracefs at /sys/kernel/tracing" >&2
fi

multiarch=$(gcc -print-multiarch 2>/dev/null)
[ -n "$multiarch" ] || multiarch=x86_64-linux-gnu

tmp=$(mktemp -d "${TMPDIR:-/tmp}/load_one.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
obj=$tmp/prog.o

headers=$(cd "$(dirname "$0")/../../headers" && pwd)
if ! clang -O2 -g -target bpf -D__TARGET_ARCH_x86 -I "$vmlinux_dir" -I "$headers" \
	-idirafter "/usr/include/$multiarch" -c "$file" -o "$obj" 2>"$tmp/cc.log"; then
	echo "FAIL: $file: does not compile"
	cat "$tmp/cc.log"
	exit 1
fi

"$loader" "$obj" >"$tmp/out" 2>&1
rc=$?

case $verdict in
skip)
	# A skip holds only while the kernel really cannot load the program:
	# refused before the verifier runs (EPERM), as this kernel does with
	# fentry, fexit and lsm. A kernel that gets further needs a real verdict.
	if [ $rc -ne 0 ] && grep -qE -- '-EPERM|Operation not permitted|error -1\b' "$tmp/out"; then
		echo "SKIP: $arg"
		exit 77
	fi
	echo "FAIL: $file: marked skip (\"$arg\"), but this kernel gets further (loader exit $rc):"
	echo "record what it does instead:"
	cat "$tmp/out"
	exit 1
	;;
loads)
	if [ $rc -eq 0 ]; then
		echo "PASS: $file: loads"
		exit 0
	fi
	echo "FAIL: $file: expected to load, loader exited $rc:"
	cat "$tmp/out"
	exit 1
	;;
refuses)
	if [ $rc -eq 0 ]; then
		echo "FAIL: $file: expected the kernel to refuse (\"$arg\"), but it loaded"
		exit 1
	fi
	if grep -qF -- "$arg" "$tmp/out"; then
		echo "PASS: $file: refused (\"$arg\")"
		exit 0
	fi
	echo "FAIL: $file: refused, but the output does not contain \"$arg\":"
	cat "$tmp/out"
	exit 1
	;;
esac
