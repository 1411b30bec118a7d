#!/usr/bin/env bash
# result_cache.sh BPFGEN
#
# Stored check results: a second check of an unchanged file replays the first
# one's findings byte for byte (text and json, and the exit status) without
# parsing (libclang is not mapped); a change of the file, of a header it
# includes, of the options or of the clang arguments checks it again; a
# corrupt entry is never replayed; --no-cache stores nothing.
# Exit: 0 pass, 1 fail, 2 usage.
set -u
export LC_ALL=C

if [ $# -ne 1 ]; then
	echo "usage: $0 BPFGEN" >&2
	exit 2
fi
bpfgen=$(realpath "$1")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/result_cache.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
export BPFGEN_CACHE_DIR=$tmp/cache BPFGEN_CACHE=on
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
pass() { echo "PASS: $*"; }

# the map's key type comes from a header: changing the header changes the finding
cat >"$tmp/keys.h" <<'C'
typedef unsigned short flow_key_t;
C
cat >"$tmp/prog.bpf.c" <<'C'
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "keys.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} seen SEC(".maps");

SEC("xdp")
int count(struct xdp_md *ctx)
{
	flow_key_t key = ctx->rx_queue_index;
	__u64 *n = bpf_map_lookup_elem(&seen, &key);

	if (n)
		__sync_fetch_and_add(n, 1);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
C
flags=(-I"$tmp" -idirafter "/usr/include/$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)")
run() { # NAME ARGS...: output in $tmp/NAME.out, status in $tmp/NAME.rc, libclang mappings in NAME.maps
	local name=$1
	shift
	(cd "$tmp" && LD_DEBUG=files "$bpfgen" check "$@" >"$name.out" 2>"$name.log")
	echo $? >"$tmp/$name.rc"
	grep -c 'file=.*libclang' "$tmp/$name.log" >"$tmp/$name.maps"
}
same() { cmp -s "$tmp/$1.out" "$tmp/$2.out" && cmp -s "$tmp/$1.rc" "$tmp/$2.rc"; }

run cold prog.bpf.c -- "${flags[@]}"
run warm prog.bpf.c -- "${flags[@]}"
if [ "$(cat "$tmp/cold.rc")" = 1 ] && grep -q '\[map-key\]' "$tmp/cold.out" &&
   [ "$(cat "$tmp/cold.maps")" != 0 ]; then
	pass "the first check parses and finds the wrong key"
else
	fail "first check: exit $(cat "$tmp/cold.rc"): $(head -3 "$tmp/cold.out")"
fi
if same cold warm && [ "$(cat "$tmp/warm.maps")" = 0 ]; then
	pass "the second replays it, the same bytes and status, libclang not mapped"
else
	fail "second check: exit $(cat "$tmp/warm.rc"), $(cat "$tmp/warm.maps") libclang mappings, diff: $(diff "$tmp/cold.out" "$tmp/warm.out" | head -3)"
fi
run json1 --format json prog.bpf.c -- "${flags[@]}"
run json2 --format json -j 1 prog.bpf.c -- "${flags[@]}"
if same json1 json2 && [ "$(cat "$tmp/json1.maps")" = 0 ] && grep -q '"rule": "map-key"' "$tmp/json1.out"; then
	pass "--format and -j do not change what is replayed"
else
	fail "json replay: $(head -c 300 "$tmp/json2.out")"
fi
run nowarn -Wno-map-key prog.bpf.c -- "${flags[@]}"
if [ "$(cat "$tmp/nowarn.rc")" = 0 ] && ! grep -q 'map-key' "$tmp/nowarn.out"; then
	pass "another option is another result"
else
	fail "-Wno-map-key: exit $(cat "$tmp/nowarn.rc"): $(head -3 "$tmp/nowarn.out")"
fi
run define prog.bpf.c -- "${flags[@]}" -DUNUSED=1
if [ "$(cat "$tmp/define.maps")" != 0 ] && same cold define; then
	pass "other clang arguments check again"
else
	fail "-DUNUSED=1: $(cat "$tmp/define.maps") mappings, exit $(cat "$tmp/define.rc")"
fi

# the header now gives the key the map's type: no finding, not the stored one
sleep 0.01
echo 'typedef __u32 flow_key_t;' >"$tmp/keys.h"
run header prog.bpf.c -- "${flags[@]}"
if [ "$(cat "$tmp/header.rc")" = 0 ] && [ "$(cat "$tmp/header.maps")" != 0 ]; then
	pass "a changed header checks the file again"
else
	fail "after the header changed: exit $(cat "$tmp/header.rc"): $(head -3 "$tmp/header.out")"
fi
echo 'typedef unsigned short flow_key_t;' >"$tmp/keys.h"
# the file itself: a space more is a check again
echo >>"$tmp/prog.bpf.c"
run edited prog.bpf.c -- "${flags[@]}"
if [ "$(cat "$tmp/edited.maps")" != 0 ] && [ "$(cat "$tmp/edited.rc")" = 1 ]; then
	pass "a changed file checks again"
else
	fail "after the file changed: $(cat "$tmp/edited.maps") mappings, exit $(cat "$tmp/edited.rc")"
fi

# a corrupt entry: found by its checksum, checked again, the same findings
for e in "$tmp"/cache/*.chk; do
	printf 'garbage' | dd of="$e" bs=1 seek=20 conv=notrunc status=none
done
run corrupt prog.bpf.c -- "${flags[@]}"
if [ "$(cat "$tmp/corrupt.maps")" != 0 ] && [ "$(cat "$tmp/corrupt.rc")" = 1 ] &&
   grep -q '\[map-key\]' "$tmp/corrupt.out"; then
	pass "a corrupt entry is checked again"
else
	fail "corrupt entry: $(cat "$tmp/corrupt.maps") mappings, exit $(cat "$tmp/corrupt.rc")"
fi
rm -rf "$tmp/cache"
run off --no-cache prog.bpf.c -- "${flags[@]}"
if [ -z "$(ls "$tmp/cache" 2>/dev/null | grep '\.chk$')" ]; then
	pass "--no-cache stores no result"
else
	fail "--no-cache stored: $(ls "$tmp/cache")"
fi
[ $fails -eq 0 ]
