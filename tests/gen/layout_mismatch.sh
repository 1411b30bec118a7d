#!/usr/bin/env bash
# layout_mismatch.sh BPFGEN OBJ SKEL_DIR CC
#
# The layout pins can fail: a --types header whose struct flow_key differs
# from what the BPF object was built with (a field widened) must make the
# generated header fail to compile, naming the struct and the field; the
# matching header (maps_types.h) must compile.
set -u
if [ $# -ne 4 ]; then
	echo "usage: $0 BPFGEN OBJ SKEL_DIR CC" >&2
	exit 2
fi
bpfgen=$1 obj=$2 skel_dir=$3 cc=$4
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/layout.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# the shared types with one field widened: everything after it moves
sed 's/__u16 sport;/__u32 sport;/' "$here/maps_types.h" >"$tmp/drifted_types.h"
if cmp -s "$here/maps_types.h" "$tmp/drifted_types.h"; then
	echo "FAIL: could not make the drifted header" >&2
	exit 1
fi
printf '#include "gen_maps.bpfgen.h"\nint main(void) { return 0; }\n' >"$tmp/user.c"

compile() { # TYPES_HEADER
	"$bpfgen" gen "$obj" -n gen_maps --types "$1" -o "$tmp/gen_maps.bpfgen.h" || return 2
	"$cc" -std=gnu11 -fsyntax-only -I"$tmp" -I"$here" -I"$here/../../headers" -I"$skel_dir" "$tmp/user.c" 2>"$tmp/cc.err"
}

compile maps_types.h
rc=$?
if [ "$rc" != 0 ]; then
	echo "FAIL: the matching types header does not compile (status $rc):" >&2
	cat "$tmp/cc.err" >&2
	exit 1
fi
compile drifted_types.h
rc=$?
if [ "$rc" = 0 ]; then
	echo "FAIL: a drifted struct flow_key compiled" >&2
	exit 1
fi
if ! grep -q "struct flow_key: offset of 'dport' changed" "$tmp/cc.err"; then
	echo "FAIL: the compiler did not name the moved field:" >&2
	cat "$tmp/cc.err" >&2
	exit 1
fi
echo "ok: matching layout compiles, drifted layout is refused"
