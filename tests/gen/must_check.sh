#!/usr/bin/env bash
# must_check.sh HEADER_DIR SKEL_DIR CC
#
# The generated functions whose result says whether they worked are
# warn_unused_result: ignoring one fails a -Werror build; checking it, or
# defining BPFGEN_MUST_CHECK empty, compiles.
set -u
if [ $# -ne 3 ]; then
	echo "usage: $0 HEADER_DIR SKEL_DIR CC" >&2
	exit 2
fi
hdr_dir=$1 skel_dir=$2 cc=$3
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/must_check.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/ignored.c" <<'C'
#include "gen_maps.bpfgen.h"
void f(struct gen_maps *skel, const struct flow_key *k) { gen_maps_flows_delete(skel, k); }
C
cat >"$tmp/checked.c" <<'C'
#include "gen_maps.bpfgen.h"
int f(struct gen_maps *skel, const struct flow_key *k) { return gen_maps_flows_delete(skel, k); }
C
compile() { # FILE [FLAGS...]
	local file=$1
	shift
	# gcc reports unused results after parsing: compile, do not just parse
	"$cc" -std=gnu11 -Wall -Werror -c -o "$tmp/out.o" -I"$hdr_dir" -I"$here" -I"$here/../../headers" -I"$skel_dir" "$@" "$file" 2>"$tmp/cc.err"
}

fail=0
if compile "$tmp/ignored.c"; then
	echo "FAIL: an ignored result compiled" >&2
	fail=1
elif ! grep -q "unused-result\|warn_unused_result" "$tmp/cc.err"; then
	echo "FAIL: refused for another reason:" >&2
	cat "$tmp/cc.err" >&2
	fail=1
fi
if ! compile "$tmp/checked.c"; then
	echo "FAIL: a checked result did not compile:" >&2
	cat "$tmp/cc.err" >&2
	fail=1
fi
if ! compile "$tmp/ignored.c" -DBPFGEN_MUST_CHECK=; then
	echo "FAIL: BPFGEN_MUST_CHECK defined empty did not opt out:" >&2
	cat "$tmp/cc.err" >&2
	fail=1
fi
[ $fail = 0 ] && echo "ok: ignored results are refused"
exit $fail
