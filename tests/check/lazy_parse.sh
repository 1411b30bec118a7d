#!/usr/bin/env bash
# lazy_parse.sh BPFGEN
#
# libclang is mapped only by a process that parses: --version, --help,
# `cache stats` and a `bpfgen cc` that replays its stored result never load
# the parse module (bpfgen-parse.so) nor libclang, and a check that parses
# does. A module that is missing or is not one is exit status 2 and one clear
# error line, never a crash. The dynamic loader's LD_DEBUG=files log tells
# what each process maps.
# Exit: 0 pass, 1 fail, 2 usage.
set -u
export LC_ALL=C

if [ $# -ne 1 ]; then
	echo "usage: $0 BPFGEN" >&2
	exit 2
fi
bpfgen=$(realpath "$1")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lazy_parse.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
export BPFGEN_CACHE_DIR=$tmp/cache BPFGEN_CACHE=on
unset BPFGEN_PARSE_MODULE
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
pass() { echo "PASS: $*"; }

cat >"$tmp/prog.bpf.c" <<'C'
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int pass(struct xdp_md *ctx)
{
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
C
multiarch=$(gcc -print-multiarch 2>/dev/null)
[ -n "$multiarch" ] || multiarch=x86_64-linux-gnu
flags=(-O2 -target bpf -idirafter "/usr/include/$multiarch")

# loaded LOG: what the bpfgen process itself (the first pid of the log) mapped
# of the module and libclang (libclang-N.so, not the compiler's libclang-cpp)
loaded() {
	local pid
	pid=$(grep -m1 -oE '^ *[0-9]+:' "$1" | tr -d ' :')
	grep -E "^ *$pid:" "$1" | grep -cE 'file=([^ ]*/)?(bpfgen-parse\.so|libclang(-[0-9.]+)?\.so)'
}
# maps_none NAME CMD...: CMD runs without mapping either
maps_none() {
	local name=$1
	shift
	LD_DEBUG=files "$@" >"$tmp/out" 2>"$tmp/log"
	if [ "$(loaded "$tmp/log")" -eq 0 ]; then
		pass "$name maps no libclang"
	else
		fail "$name maps libclang: $(grep -E 'file=.*(bpfgen-parse|libclang)' "$tmp/log" | head -2)"
	fi
}

maps_none "--version" "$bpfgen" --version
maps_none "--help" "$bpfgen" --help
maps_none "cache stats" "$bpfgen" cache stats
maps_none "check --help" "$bpfgen" check --help

# a check parses: the module and libclang are mapped, or the test cannot tell
LD_DEBUG=files "$bpfgen" check "$tmp/prog.bpf.c" -- "${flags[@]}" >"$tmp/out" 2>"$tmp/log"
rc=$?
if [ $rc -eq 0 ] && [ "$(loaded "$tmp/log")" -gt 0 ]; then
	pass "check maps libclang to parse"
else
	fail "check: exit $rc, $(loaded "$tmp/log") libclang mappings"
	sed -n '/error/p' "$tmp/log" | head -3
fi

# bpfgen cc: the first compile checks and stores, the second replays
if command -v clang >/dev/null; then
	cc=(clang "${flags[@]}" -c "$tmp/prog.bpf.c" -o "$tmp/prog.o")
	if "$bpfgen" cc "${cc[@]}" 2>"$tmp/cc.log" && [ -f "$tmp/prog.o" ]; then
		maps_none "a replayed cc" "$bpfgen" cc "${cc[@]}"
	else
		fail "bpfgen cc: $(head -3 "$tmp/cc.log")"
	fi
fi

# no module, or a file that is not one: status 2 and one line, no crash (with
# no stored result to replay: the check above stored one)
for bad in "$tmp/missing.so" "$bpfgen" "$tmp/prog.bpf.c"; do
	BPFGEN_PARSE_MODULE=$bad "$bpfgen" check --no-cache "$tmp/prog.bpf.c" -- "${flags[@]}" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
	   grep -q "^bpfgen: error: cannot load '$bad': " "$tmp/err"; then
		pass "module $(basename "$bad"): $(cat "$tmp/err")"
	else
		fail "module $(basename "$bad"): exit $rc: $(head -3 "$tmp/err")"
	fi
done
# -j N loads it once, before the workers: the same error, once
BPFGEN_PARSE_MODULE=$tmp/missing.so "$bpfgen" check --no-cache -j 2 "$tmp/prog.bpf.c" "$tmp/prog.bpf.c" \
	-- "${flags[@]}" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && [ "$(grep -c 'cannot load' "$tmp/err")" -eq 1 ]; then
	pass "check -j 2 without a module: exit 2, one error"
else
	fail "check -j 2 without a module: exit $rc: $(head -3 "$tmp/err")"
fi
[ $fails -eq 0 ]
