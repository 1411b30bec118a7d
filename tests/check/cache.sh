#!/usr/bin/env bash
# cache.sh BPFGEN VMLINUX_DIR: `bpfgen check --cache DIR` precompiles a file's
# leading system and vmlinux.h includes once, reuses them for every file that
# starts the same way, says the same as without a cache, and notices when a
# header changes underneath.
set -u
BPFGEN=$(realpath "${1:?usage: cache.sh BPFGEN VMLINUX_DIR}")
VMLINUX_DIR=$(realpath "${2:?usage: cache.sh BPFGEN VMLINUX_DIR}")
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL $*"; fails=$((fails + 1)); }

# a private vmlinux.h, so that the test can change it
mkdir -p "$tmp/inc"
cp "$VMLINUX_DIR/vmlinux.h" "$tmp/inc/vmlinux.h"
cd "$top/tests/check" || exit 1
files="bad/flow_tc_flow_bytes.bpf.c bad/tp_sched_exec.bpf.c good/xdp_proto_count.bpf.c good/kprobe_unlink.bpf.c"
for f in $files; do
	"$BPFGEN" check "$f" -- -I "$tmp/inc" > "$tmp/plain.$(basename "$f")" 2>&1
	echo $? >> "$tmp/plain.$(basename "$f")"
done

# cold, then warm: the same diagnostics and exit status as without a cache
for run in cold warm; do
	for f in $files; do
		"$BPFGEN" check --cache "$tmp/cache" "$f" -- -I "$tmp/inc" > "$tmp/out" 2>&1
		echo $? >> "$tmp/out"
		cmp -s "$tmp/out" "$tmp/plain.$(basename "$f")" ||
			{ fail "$run $f: output differs from the uncached run"; diff "$tmp/plain.$(basename "$f")" "$tmp/out" | head; }
	done
done
# files that start with the same includes share one precompiled header
mkdir -p "$tmp/p"
cp "$VMLINUX_DIR/vmlinux.h" "$tmp/p/vmlinux.h"
for name in one two; do
	cat > "$tmp/p/$name.bpf.c" <<'C'
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
C
done
before=$(find "$tmp/cache" -name '*.pch' | wc -l)
"$BPFGEN" check --cache "$tmp/cache" "$tmp/p/one.bpf.c" "$tmp/p/two.bpf.c" > "$tmp/out" 2>&1 ||
	fail "one and two: $(head -3 "$tmp/out")"
after=$(find "$tmp/cache" -name '*.pch' | wc -l)
[ $((after - before)) = 1 ] || fail "two files that start alike made $((after - before)) precompiled headers"

# a header changes under a cached entry: the change is seen
cat > "$tmp/p/probe.bpf.c" <<'C'
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp")
int probe(struct __sk_buff *skb)
{
	struct bpfgen_cache_probe p = { 1 };

	return skb->len ? p.x : 0;
}

char LICENSE[] SEC("license") = "GPL";
C
"$BPFGEN" check --cache "$tmp/cache" "$tmp/p/probe.bpf.c" > "$tmp/out" 2>&1
grep -q "bpfgen_cache_probe" "$tmp/out" || fail "before the change: the unknown struct is not an error"
sleep 1
printf '\nstruct bpfgen_cache_probe { int x; };\n' >> "$tmp/p/vmlinux.h"
"$BPFGEN" check --cache "$tmp/cache" "$tmp/p/probe.bpf.c" > "$tmp/out" 2>&1
rc=$?
{ [ "$rc" = 1 ] && grep -q '\[ctx-type\]' "$tmp/out" && ! grep -q "bpfgen_cache_probe" "$tmp/out"; } ||
	{ fail "after the header changed: exit $rc, the cache served the old header"; head -5 "$tmp/out"; }

# a cache that cannot be written is slower, not wrong
"$BPFGEN" check --cache /proc/bpfgen-no-such-dir good/xdp_proto_count.bpf.c -- -I "$tmp/inc" > "$tmp/out" 2>&1
[ $? = 0 ] || fail "an unusable cache directory broke the check"

echo "$fails failed"
[ "$fails" = 0 ]
