#!/usr/bin/env bash
# compdb.sh BPFGEN: `bpfgen check -p BUILD_DIR` checks the BPF files of a
# build's compile_commands.json with their own flags (relative -I paths from
# the command's directory), and leaves the userspace files alone.
set -u
BPFGEN=$(realpath "${1:?usage: compdb.sh BPFGEN}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fails=0
fail() { echo "FAIL $*"; sed 's/^/    /' out.txt | head -20; fails=$((fails + 1)); }

mkdir -p proj/src proj/include build
cat > proj/include/limits.bpf.h <<'C'
#define DROP_ABOVE 1500
C
cat > proj/src/prog.bpf.c <<'C'
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "limits.bpf.h"

SEC("xdp")
int prog(struct __sk_buff *skb)
{
	return skb->len > DROP_ABOVE ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
C
cat > proj/src/tc.c <<'C'
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "limits.bpf.h"

SEC("tc")
int shape(struct __sk_buff *skb)
{
	return skb->len > DROP_ABOVE ? 2 : 0;
}

char LICENSE[] SEC("license") = "GPL";
C
cat > proj/src/loader.c <<'C'
this is userspace code that bpfgen must not look at
C
cat > build/compile_commands.json <<JSON
[
  { "directory": "$tmp/proj", "file": "$tmp/proj/src/prog.bpf.c",
    "command": "clang -O2 -g -target bpf -Iinclude -c src/prog.bpf.c -o prog.bpf.o" },
  { "directory": "$tmp/proj", "file": "$tmp/proj/src/tc.c",
    "arguments": ["clang", "-O2", "--target=bpf", "-I", "include", "-MD", "-MF", "tc.d", "-c", "src/tc.c", "-o", "tc.o"] },
  { "directory": "$tmp/proj", "file": "$tmp/proj/src/loader.c",
    "command": "cc -O2 -Iinclude -c src/loader.c -o loader.o" }
]
JSON

rc=0
"$BPFGEN" check -p build > out.txt 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "exit $rc, expected 1"
grep -q "prog.bpf.c:6:[0-9]*: error: .*\[ctx-type\]" out.txt || fail "the ctx-type error in prog.bpf.c"
[ "$(grep -c ': error:' out.txt)" = 1 ] || fail "one error expected (tc.c is right, loader.c is userspace)"
grep -q "loader.c" out.txt && fail "loader.c was checked"

rc=0
"$BPFGEN" check -p nowhere > out.txt 2>&1 || rc=$?
{ [ "$rc" = 2 ] && grep -q "cannot read 'nowhere/compile_commands.json'" out.txt; } ||
	fail "a missing database: exit $rc"

echo "$fails failed"
[ "$fails" = 0 ]
