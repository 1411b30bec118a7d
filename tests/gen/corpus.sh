#!/usr/bin/env bash
# corpus.sh BPFGEN VMLINUX_DIR CC [FILE...]
#
# bpfgen gen on real code: every BPF file of the checker's good corpus and
# examples/check (or the FILEs given) is compiled, given a skeleton, and run
# through bpfgen gen twice; the two outputs must be the same bytes, and the
# header must compile with -Wall -Wextra -Werror. Files clang cannot compile
# here are not counted. Exit 0 when every header passed.
set -u
if [ $# -lt 3 ]; then
	echo "usage: $0 BPFGEN VMLINUX_DIR CC [FILE...]" >&2
	exit 2
fi
bpfgen=$(realpath "$1") vmlinux_dir=$2 cc=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
if [ $# = 0 ]; then
	set -- "$here"/../check/good/*.c "$here"/../../examples/check/*.bpf.c
fi
multiarch=$(gcc -print-multiarch 2>/dev/null)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gen_corpus.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

one() { # FILE: prints "ok NAME", "skip NAME" or "FAIL NAME: why"
	local f=$1 b n
	b=$(basename "$f" .c)
	n=c_$(printf '%s' "${b%.bpf}" | tr -c 'a-zA-Z0-9_' _)
	cd "$tmp" || return
	if ! clang -O2 -g -target bpf -D__TARGET_ARCH_x86 -I "$vmlinux_dir" \
		-idirafter "/usr/include/$multiarch" -c "$f" -o "$n.bpf.o" 2>/dev/null; then
		echo "skip $n"
		return
	fi
	if ! bpftool gen skeleton "$n.bpf.o" name "$n" >"$n.skel.h" 2>/dev/null; then
		echo "skip $n (no skeleton)"
		return
	fi
	if ! "$bpfgen" gen "$n.bpf.o" -o "$n.bpfgen.h" 2>"$n.err" ||
	   ! "$bpfgen" gen "$n.bpf.o" -o "$n.again.h" 2>>"$n.err"; then
		echo "FAIL $n: bpfgen gen: $(head -1 "$n.err")"
		return
	fi
	if ! cmp -s "$n.bpfgen.h" "$n.again.h"; then
		echo "FAIL $n: two runs differ"
		return
	fi
	printf '#include "%s.bpfgen.h"\nint main(void) { return 0; }\n' "$n" >"$n.c"
	if ! "$cc" -std=gnu11 -Wall -Wextra -Werror -I"$here/../../headers" -c "$n.c" -o "$n.o" 2>"$n.cc"; then
		echo "FAIL $n: $(grep -m1 error "$n.cc")"
		return
	fi
	echo "ok $n"
}
export -f one
export tmp bpfgen vmlinux_dir cc multiarch here

printf '%s\0' "$@" | xargs -0 -n1 -P"$(nproc)" bash -c 'one "$1"' _ >"$tmp/results"
sort "$tmp/results" | grep -v '^ok ' >&2
ok=$(grep -c '^ok ' "$tmp/results")
failed=$(grep -c '^FAIL ' "$tmp/results")
echo "$ok headers ok, $failed failed"
[ "$failed" = 0 ] && [ "$ok" -gt 0 ]
