#!/usr/bin/env bash
# run_one.sh BPFGEN VMLINUX_DIR FILE
#
# Runs `BPFGEN check FILE -- -I VMLINUX_DIR` and compares its diagnostics with the
# `// expect: error|warning RULE` comments in FILE (see README.md):
#   (a) the set of (line, severity, rule) printed must equal the set expected;
#   (b) the exit status must be 1 if an error is expected, else 0.
# Notes are ignored. Exit 0 on pass, 1 on failure, 2 on usage error.
set -u
export LC_ALL=C

if [ $# -ne 3 ]; then
	echo "usage: $0 BPFGEN VMLINUX_DIR FILE" >&2
	exit 2
fi
bpfgen=$1
vmlinux_dir=$2
file=$3

if [ ! -r "$file" ]; then
	echo "FAIL: $file: cannot read" >&2
	exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/run_one.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# Expected: "LINE severity rule", one per expect comment.
awk '
	match($0, /\/\/[ \t]*expect:[ \t]*[a-z]+[ \t]+[A-Za-z0-9_.-]+/) {
		s = substr($0, RSTART, RLENGTH)
		sub(/^\/\/[ \t]*expect:[ \t]*/, "", s)
		split(s, f, /[ \t]+/)
		print FNR, f[1], f[2]
	}
' "$file" | sort -k1,1n -k2 -u >"$tmp/expected"

# Extra options for bpfgen, from a "// bpfgen-flags: -Wunchecked-return" line.
flags=$(sed -nE 's@^//[[:space:]]*bpfgen-flags:[[:space:]]*(.*)$@\1@p' "$file" | head -1)
# shellcheck disable=SC2086 # flags are words
headers=$(cd "$(dirname "$0")/../../headers" && pwd)
"$bpfgen" check $flags "$file" -- -I "$vmlinux_dir" -I "$headers" >"$tmp/out" 2>&1
rc=$?

# Actual: every "PATH:LINE:COL: error|warning|fatal error: ... [rule]" line.
# Diagnostics in FILE become "LINE severity rule"; diagnostics elsewhere (a
# header) keep their path so that they always show up as a mismatch. A
# diagnostic without a trailing [rule] gets the rule "(none)".
awk -v file="$file" '
	match($0, /^[^ ]*:[0-9]+:[0-9]+: (fatal error|error|warning): /) {
		head = substr($0, 1, RLENGTH)
		sev = head
		sub(/: $/, "", sev)
		sub(/^.*:[0-9]+:[0-9]+: /, "", sev)
		if (sev == "fatal error")
			sev = "error"
		loc = head
		sub(/: (fatal error|error|warning): $/, "", loc)
		# loc is PATH:LINE:COL
		col = loc;  sub(/^.*:/, "", col)
		loc = substr(loc, 1, length(loc) - length(col) - 1)
		line = loc; sub(/^.*:/, "", line)
		path = substr(loc, 1, length(loc) - length(line) - 1)
		rule = "(none)"
		if (match($0, /\[[^] \t]+\][ \t]*$/)) {
			rule = substr($0, RSTART + 1, RLENGTH - 1)
			sub(/\][ \t]*$/, "", rule)
		}
		if (path == file)
			print line, sev, rule
		else
			print path ":" line, sev, rule
	}
' "$tmp/out" | sort -k1,1n -k2 -u >"$tmp/actual"

if grep -q ' error ' "$tmp/expected"; then
	want_rc=1
else
	want_rc=0
fi

fail=0
if ! cmp -s "$tmp/expected" "$tmp/actual"; then
	fail=1
	echo "FAIL: $file: diagnostics differ (- expected, + reported; LINE SEVERITY RULE)"
	diff -U0 "$tmp/expected" "$tmp/actual" | grep -E '^[-+][^-+]'
fi
if [ "$rc" -ne "$want_rc" ]; then
	fail=1
	echo "FAIL: $file: exit status $rc, expected $want_rc"
fi
if [ $fail -ne 0 ]; then
	echo "--- output of: $bpfgen check $file -- -I $vmlinux_dir"
	cat "$tmp/out"
	echo "---"
	exit 1
fi
echo "PASS: $file"
exit 0
