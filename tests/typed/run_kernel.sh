#!/usr/bin/env bash
# run_kernel.sh CLANG RUNNER VMLINUX_DIR FILE
#
# The kernel test of a typed-layer program (FILE, relative to tests/typed)
# whose `// kernel: run` line says the generic loader cannot show what it
# does: each `// kernel-run: MODE ARGS...` line of FILE runs RUNNER
# (kernel_run.c) with MODE and ARGS, where `.` is FILE's object and a
# `NAME.bpf.c` is the object of that file of FILE's directory. Every line
# must pass; a line the kernel cannot run skips the test with its reason.
# Exit: 0 pass, 1 fail, 77 skipped, 2 usage.
set -u
if [ $# -ne 4 ]; then
	echo "usage: $0 CLANG RUNNER VMLINUX_DIR FILE" >&2
	exit 2
fi
clang=$1 runner=$2 vmlinux_dir=$3 file=$4
here=$(cd "$(dirname "$0")" && pwd)
headers=$here/../../headers

if [ "$(id -u)" -ne 0 ]; then
	echo "SKIP: loading BPF programs needs root"
	exit 77
fi
multiarch=$(gcc -print-multiarch 2>/dev/null)
[ -n "$multiarch" ] || multiarch=x86_64-linux-gnu
tmp=$(mktemp -d "${TMPDIR:-/tmp}/run_kernel.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# compile SRC -> prints the object's path
compile() {
	local obj
	obj=$tmp/$(basename "$1" .bpf.c).o
	[ -f "$obj" ] && { echo "$obj"; return 0; }
	if ! "$clang" -O2 -g -target bpf -D__TARGET_ARCH_x86 -I "$headers" -I "$vmlinux_dir" \
		-idirafter "/usr/include/$multiarch" -c "$1" -o "$obj" 2>"$tmp/cc.log"; then
		echo "FAIL: $1: does not compile:" >&2
		cat "$tmp/cc.log" >&2
		return 1
	fi
	echo "$obj"
}

lines=$(sed -nE 's@^//[[:space:]]*kernel-run:[[:space:]]*(.*[^[:space:]])[[:space:]]*$@\1@p' "$file")
if [ -z "$lines" ]; then
	echo "FAIL: $file: '// kernel: run' but no '// kernel-run: MODE ARGS' line"
	exit 1
fi
self=$(compile "$file") || exit 1
fails=0 skips=0 n=0
while IFS= read -r line; do
	eval "words=($line)"
	args=()
	for w in "${words[@]}"; do
		case $w in
		.) args+=("$self") ;;
		*.bpf.c) obj=$(compile "$(dirname "$file")/$w") || exit 1; args+=("$obj") ;;
		*) args+=("$w") ;;
		esac
	done
	n=$((n + 1))
	"$runner" "${args[@]}" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	cat "$tmp/out"
	case $rc in
	0) ;;
	77) skips=$((skips + 1)) ;;
	*)
		fails=$((fails + 1))
		echo "--- $file: kernel-run: $line (exit $rc)"
		tail -30 "$tmp/err"
		;;
	esac
done <<<"$lines"
if [ $fails -ne 0 ]; then
	echo "FAIL: $file: $fails of $n kernel runs failed"
	exit 1
fi
if [ $skips -ne 0 ]; then
	exit 77
fi
echo "PASS: $file: $n kernel runs"
