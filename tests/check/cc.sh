#!/usr/bin/env bash
# cc.sh BPFGEN VMLINUX_DIR: `bpfgen cc clang ...` writes the object plain clang
# writes, for every BPF program of the repository (examples and tests); fails a
# compile the check finds an error in (status 1, no object); replays a stored
# check when nothing it read changed and checks again when something did;
# passes through what it cannot accelerate; rebuilds a corrupt cache entry;
# writes the depfile's headers. The cache is private to the test.
set -u
BPFGEN=$(realpath "${1:?usage: cc.sh BPFGEN VMLINUX_DIR}")
VMLINUX_DIR=$(realpath "${2:?usage: cc.sh BPFGEN VMLINUX_DIR}")
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cc.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME=$tmp/xdg BPFGEN_CACHE=on
unset BPFGEN_CACHE_DIR
fails=0
fail() { echo "FAIL $*"; fails=$((fails + 1)); }
multiarch=$(gcc -print-multiarch 2>/dev/null)
[ -n "$multiarch" ] || multiarch=x86_64-linux-gnu
cd "$top" || exit 1

# every rule off: then only the compiler's errors fail the check, and a file
# written to break a rule still shows whether the compile keeps its object
nocheck=$("$BPFGEN" check --list-rules | awk 'NR > 1 { printf "-Wno-%s ", $1 }')

same=0 refused=0 skipped=0
while read -r f; do
	d=$(dirname "$f")
	flags=(-O2 -g -target bpf -D__TARGET_ARCH_x86 -I "$VMLINUX_DIR" -I headers -I "$d"
		-idirafter "/usr/include/$multiarch")
	if ! clang "${flags[@]}" -c "$f" -o "$tmp/plain.o" 2>/dev/null; then
		skipped=$((skipped + 1))	# a test that is meant not to compile
		continue
	fi
	rm -f "$tmp/cc.o"
	"$BPFGEN" cc clang "${flags[@]}" -c "$f" -o "$tmp/cc.o" 2>"$tmp/cc.log"
	rc=$?
	if [ $rc -eq 1 ]; then
		[ -e "$tmp/cc.o" ] && fail "$f: the check failed and the object is left behind"
		grep -qE "^$f:[0-9]+:[0-9]+: error: " "$tmp/cc.log" ||
			fail "$f: status 1 without an error in the compiler's format"
		refused=$((refused + 1))
		# shellcheck disable=SC2086 # the options are words
		"$BPFGEN" cc $nocheck -- clang "${flags[@]}" -c "$f" -o "$tmp/cc.o" 2>"$tmp/cc.log"
		rc=$?
	fi
	if [ $rc -ne 0 ]; then
		fail "$f: bpfgen cc exit $rc where clang compiles it"
		sed 's/^/    /' "$tmp/cc.log" | head -5
	elif ! cmp -s "$tmp/plain.o" "$tmp/cc.o"; then
		fail "$f: the object differs from plain clang's"
	else
		same=$((same + 1))
	fi
done < <(find examples tests bench -name '*.bpf.c' | sort)
echo "identical objects: $same, check errors that failed the compile: $refused, not compiling: $skipped"
[ "$same" -gt 200 ] || fail "only $same objects compared"
[ "$refused" -gt 50 ] || fail "only $refused check errors"

# a warm build reuses one compiler PCH and stores each file's result
ls "$XDG_CACHE_HOME"/bpfgen/*.cpch > /dev/null 2>&1 || fail "no compiler PCH in the cache"
ls "$XDG_CACHE_HOME"/bpfgen/*.res > /dev/null 2>&1 || fail "no stored check result"

# incremental: a replayed result until a header the file read changes
mkdir -p "$tmp/p"
cat > "$tmp/p/lim.h" <<'EOF'
#define LIMIT 1
EOF
cat > "$tmp/p/x.bpf.c" <<'EOF'
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include "lim.h"

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	return LIMIT;
}

char LICENSE[] SEC("license") = "GPL";
EOF
pflags=(-O2 -g -target bpf -I "$VMLINUX_DIR" -I "$tmp/p" -idirafter "/usr/include/$multiarch")
"$BPFGEN" cc clang "${pflags[@]}" -c "$tmp/p/x.bpf.c" -o "$tmp/p/x.o" > "$tmp/out" 2>&1 ||
	{ fail "good file: $(cat "$tmp/out")"; }
# the same size and time, other bytes: only a replay still says it is good
touch -r "$tmp/p/lim.h" "$tmp/ref"
echo '#define LIMIT 9' > "$tmp/p/lim.h"
touch -r "$tmp/ref" "$tmp/p/lim.h"
"$BPFGEN" cc clang "${pflags[@]}" -c "$tmp/p/x.bpf.c" -o "$tmp/p/x.o" > "$tmp/out" 2>&1 ||
	fail "unchanged inputs were checked again: $(cat "$tmp/out")"
touch -d '1 minute ago' "$tmp/p/lim.h"
"$BPFGEN" cc clang "${pflags[@]}" -c "$tmp/p/x.bpf.c" -o "$tmp/p/x.o" > "$tmp/out" 2>&1
rc=$?
{ [ $rc -eq 1 ] && grep -q 'x.bpf.c:[0-9]*:[0-9]*: error: .*xdp' "$tmp/out"; } ||
	fail "a changed header was not checked again (exit $rc): $(cat "$tmp/out")"
[ -e "$tmp/p/x.o" ] && fail "the object of a refused compile is left behind"
echo '#define LIMIT 2' > "$tmp/p/lim.h"

# a corrupt or truncated entry is rebuilt, and the object is still clang's
clang "${pflags[@]}" -c "$tmp/p/x.bpf.c" -o "$tmp/p/plain.o" || fail "plain clang"
"$BPFGEN" cache clear > /dev/null
"$BPFGEN" cc clang "${pflags[@]}" -c "$tmp/p/x.bpf.c" -o "$tmp/p/x.o" || fail "cold"
for p in "$XDG_CACHE_HOME"/bpfgen/*.cpch "$XDG_CACHE_HOME"/bpfgen/*.pch; do
	head -c 100000 "$p" > "$p.cut" && mv "$p.cut" "$p"
done
"$BPFGEN" cc clang "${pflags[@]}" -c "$tmp/p/x.bpf.c" -o "$tmp/p/x.o" > "$tmp/out" 2>&1 ||
	fail "over truncated entries: $(cat "$tmp/out")"
cmp -s "$tmp/p/x.o" "$tmp/p/plain.o" || fail "over truncated entries: another object"
for p in "$XDG_CACHE_HOME"/bpfgen/*.cpch; do
	[ "$(stat -c %s "$p")" -gt 100000 ] || fail "truncated $p was not rebuilt"
done
for p in "$XDG_CACHE_HOME"/bpfgen/*.cpch; do
	printf 'not a PCH' | dd of="$p" bs=1 seek=0 conv=notrunc status=none
done
"$BPFGEN" cc clang "${pflags[@]}" -c "$tmp/p/x.bpf.c" -o "$tmp/p/x.o" > "$tmp/out" 2>&1 ||
	fail "over a foreign entry: $(cat "$tmp/out")"
cmp -s "$tmp/p/x.o" "$tmp/p/plain.o" || fail "over a foreign entry: another object"

# the depfile lists what plain clang lists, and nothing in the cache
clang "${pflags[@]}" -MD -MF "$tmp/plain.d" -c "$tmp/p/x.bpf.c" -o "$tmp/p/plain.o"
"$BPFGEN" cc clang "${pflags[@]}" -MD -MF "$tmp/cc.d" -c "$tmp/p/x.bpf.c" -o "$tmp/p/x.o" ||
	fail "with a depfile"
words() { tr ' \\' '\n\n' < "$1" | grep -v ':$' | grep . | xargs -r realpath -m | sort -u; }
missing=$(comm -23 <(words "$tmp/plain.d") <(words "$tmp/cc.d"))
[ -z "$missing" ] || fail "the depfile misses: $missing"
grep -q "$XDG_CACHE_HOME" "$tmp/cc.d" && fail "the depfile names the cache"

# what it cannot accelerate runs unchanged: -E, another target, an unknown flag
"$BPFGEN" cc clang "${pflags[@]}" -E "$tmp/p/x.bpf.c" -o "$tmp/pre.i" &&
	grep -q 'int prog' "$tmp/pre.i" || fail "-E was not passed through"
printf 'int main(void) { return 0; }\n' > "$tmp/host.c"
"$BPFGEN" cc cc -c "$tmp/host.c" -o "$tmp/host.o" && [ -s "$tmp/host.o" ] ||
	fail "a host compile was not passed through"
"$BPFGEN" cc clang "${pflags[@]}" -c "$tmp/p/x.bpf.c" -o "$tmp/p/x.o" -Xclang -v \
	> /dev/null 2>&1 || fail "an unknown flag was not passed through"

# off: no cache is written
rm -rf "$tmp/off"
XDG_CACHE_HOME=$tmp/off BPFGEN_CACHE=off "$BPFGEN" cc clang "${pflags[@]}" -c \
	"$tmp/p/x.bpf.c" -o "$tmp/p/x.o" || fail "BPFGEN_CACHE=off"
[ -e "$tmp/off/bpfgen" ] && fail "BPFGEN_CACHE=off wrote a cache"
cmp -s "$tmp/p/x.o" "$tmp/p/plain.o" || fail "without a cache: another object"

# bpfgen cache stats|clear
"$BPFGEN" cache stats | grep -q "compiler PCH  [1-9]" || fail "cache stats: $("$BPFGEN" cache stats)"
"$BPFGEN" cache clear > /dev/null || fail "cache clear"
[ -z "$(ls "$XDG_CACHE_HOME/bpfgen")" ] || fail "cache clear left: $(ls "$XDG_CACHE_HOME/bpfgen")"

# the size cap: a full cache loses its least recently used entries
"$BPFGEN" cc clang "${pflags[@]}" -c "$tmp/p/x.bpf.c" -o "$tmp/p/x.o" || fail "refill"
size=$(du -sm "$XDG_CACHE_HOME/bpfgen" | cut -f1)
BPFGEN_CACHE_MAX=$((size / 2)) "$BPFGEN" cc clang "${pflags[@]}" -DOTHER -c "$tmp/p/x.bpf.c" \
	-o "$tmp/p/x.o" || fail "with a small cap"
after=$(du -sm "$XDG_CACHE_HOME/bpfgen" | cut -f1)
[ "$after" -le "$size" ] || fail "the cap of $((size / 2)) MiB was not kept: $after MiB"

[ $fails -eq 0 ] && echo "PASS cc"
exit $((fails > 0))
