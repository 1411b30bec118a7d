#!/usr/bin/env bash
# bad_input.sh BPFGEN: bpfgen gen refuses bad input with a message and exit
# status 2, never a crash, and writes no output file.
set -u
bpfgen=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gen_bad.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0

expect() { # DESCRIPTION PATTERN ARGS...
	local what=$1 pattern=$2 rc
	shift 2
	"$bpfgen" gen "$@" >"$tmp/stdout" 2>"$tmp/stderr"
	rc=$?
	if [ "$rc" != 2 ] || ! grep -q -- "$pattern" "$tmp/stderr"; then
		echo "FAIL: $what: exit $rc, stderr:" >&2
		cat "$tmp/stderr" >&2
		fail=1
	elif [ -e "$tmp/out.h" ]; then
		echo "FAIL: $what: wrote $tmp/out.h" >&2
		fail=1
	else
		echo "ok: $what"
	fi
}

printf 'int x;\n' >"$tmp/text.o"
head -c 4096 /dev/urandom >"$tmp/random.o"
printf '\177ELF' >"$tmp/truncated.o"
expect "missing object" "cannot open" "$tmp/none.o" -o "$tmp/out.h"
expect "no -o" "missing '-o" "$tmp/text.o"
expect "two objects" "exactly one" "$tmp/text.o" "$tmp/random.o" -o "$tmp/out.h"
expect "text file" "error" "$tmp/text.o" -o "$tmp/out.h"
expect "random bytes" "error" "$tmp/random.o" -o "$tmp/out.h"
expect "truncated ELF" "error" "$tmp/truncated.o" -o "$tmp/out.h"
expect "bad name" "not a C identifier" "$tmp/text.o" -n "a-b" -o "$tmp/out.h"
expect "unknown option" "usage" --frobnicate "$tmp/text.o" -o "$tmp/out.h"
exit $fail
