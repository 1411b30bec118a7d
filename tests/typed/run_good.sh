#!/usr/bin/env bash
# run_good.sh check|load CLANG BPFGEN LOADER VMLINUX_DIR FILE [RUNNER]
#
# A program written with headers/bpfgen/bpf.h (FILE, relative to tests/typed):
#   check  it compiles with -Wall -Werror and `bpfgen check` reports nothing on it;
#   load   the running kernel does what its "// kernel:" line says (loads, or
#          skip "REASON" when the kernel refuses the type before verifying it,
#          with EPERM, as this kernel does with fentry and lsm), or for
#          `// kernel: run`, what its `// kernel-run:` lines check
#          (run_kernel.sh with RUNNER, kernel_run.c).
# Exit: 0 pass, 1 fail, 77 skipped (load: not root, or a skip line), 2 usage.
set -u
if [ $# -ne 6 ] && [ $# -ne 7 ]; then
	echo "usage: $0 check|load CLANG BPFGEN LOADER VMLINUX_DIR FILE [RUNNER]" >&2
	exit 2
fi
mode=$1 clang=$2 bpfgen=$3 loader=$4 vmlinux_dir=$5 file=$6 runner=${7:-}
here=$(cd "$(dirname "$0")" && pwd)
headers=$here/../../headers

multiarch=$(gcc -print-multiarch 2>/dev/null)
[ -n "$multiarch" ] || multiarch=x86_64-linux-gnu
tmp=$(mktemp -d "${TMPDIR:-/tmp}/run_good.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
cflags=(-O2 -g -target bpf -Wall -Werror -D__TARGET_ARCH_x86 -I "$headers" -I "$vmlinux_dir"
	-idirafter "/usr/include/$multiarch")

if ! "$clang" "${cflags[@]}" -c "$file" -o "$tmp/prog.o" 2>"$tmp/cc.log"; then
	echo "FAIL: $file: does not compile with -Werror"
	cat "$tmp/cc.log"
	exit 1
fi

case $mode in
check)
	"$bpfgen" check "$file" -- -I "$headers" -I "$vmlinux_dir" -D__TARGET_ARCH_x86 \
		>"$tmp/out" 2>&1
	rc=$?
	if [ $rc -ne 0 ] || [ -s "$tmp/out" ]; then
		echo "FAIL: $file: bpfgen check reports something (exit $rc):"
		cat "$tmp/out"
		exit 1
	fi
	echo "PASS: $file: compiles, bpfgen check is silent"
	;;
load)
	header=$(grep -m1 -E '^//[[:space:]]*kernel:' "$file")
	if [ "$(id -u)" -ne 0 ]; then
		echo "SKIP: loading BPF programs needs root"
		exit 77
	fi
	case $header in
	*"kernel: run"*)
		if [ -z "$runner" ]; then
			echo "FAIL: $file: '// kernel: run' needs the RUNNER argument"
			exit 1
		fi
		exec bash "$here/run_kernel.sh" "$clang" "$runner" "$vmlinux_dir" "$file"
		;;
	esac
	"$loader" "$tmp/prog.o" >"$tmp/out" 2>&1
	rc=$?
	case $header in
	*"kernel: loads"*)
		if [ $rc -ne 0 ]; then
			echo "FAIL: $file: expected to load, loader exited $rc:"
			cat "$tmp/out"
			exit 1
		fi
		echo "PASS: $file: loads"
		;;
	*"kernel: skip"*)
		if [ $rc -ne 0 ] && grep -qE -- 'Operation not permitted|error -1\b' "$tmp/out"; then
			echo "SKIP: ${header#*skip }"
			exit 77
		fi
		echo "FAIL: $file: marked skip, but this kernel gets further (loader exit $rc):"
		cat "$tmp/out"
		exit 1
		;;
	*)
		echo "FAIL: $file: no '// kernel: loads|run|skip \"REASON\"' line"
		exit 1
		;;
	esac
	;;
*)
	echo "usage: $0 check|load ..." >&2
	exit 2
	;;
esac
