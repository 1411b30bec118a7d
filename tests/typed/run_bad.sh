#!/usr/bin/env bash
# run_bad.sh CLANG VMLINUX_DIR FILE
#
# A wrong use of headers/bpfgen/bpf.h (FILE, relative to tests/typed) must not
# compile with -Werror, and clang's errors must contain the text of FILE's
# "// expect-error: TEXT" line. Exit: 0 pass, 1 fail, 2 usage.
set -u
if [ $# -ne 3 ]; then
	echo "usage: $0 CLANG VMLINUX_DIR FILE" >&2
	exit 2
fi
clang=$1 vmlinux_dir=$2 file=$3
here=$(cd "$(dirname "$0")" && pwd)

expect=$(sed -nE 's@^//[[:space:]]*expect-error:[[:space:]]*(.*)$@\1@p' "$file" | head -1)
if [ -z "$expect" ]; then
	echo "FAIL: $file: no '// expect-error: TEXT' line"
	exit 1
fi
multiarch=$(gcc -print-multiarch 2>/dev/null)
[ -n "$multiarch" ] || multiarch=x86_64-linux-gnu
tmp=$(mktemp -d "${TMPDIR:-/tmp}/run_bad.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

if "$clang" -O2 -g -target bpf -Werror -D__TARGET_ARCH_x86 -I "$here/../../headers" \
	-I "$vmlinux_dir" -idirafter "/usr/include/$multiarch" \
	-c "$file" -o "$tmp/prog.o" >"$tmp/cc.log" 2>&1; then
	echo "FAIL: $file: compiles, but must fail with: $expect"
	exit 1
fi
if ! grep -E 'error:' "$tmp/cc.log" | grep -qF -- "$expect"; then
	echo "FAIL: $file: fails, but no error says: $expect"
	cat "$tmp/cc.log"
	exit 1
fi
echo "PASS: $file: $expect"
