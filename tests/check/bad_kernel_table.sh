#!/usr/bin/env bash
# bad_kernel_table.sh BPFGEN
#
# A kernel table that is not one (`check --kernel-table FILE`, `probe
# --kernel-table FILE`) gets exit status 2 and one clear error line naming the
# file, never a crash; a good table in either format is used.
set -u
export LC_ALL=C

if [ $# -ne 1 ]; then
	echo "usage: $0 BPFGEN" >&2
	exit 2
fi
bpfgen=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bad_ktab.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0

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

# NAME|CONTENT|what the message must contain
cases=(
	"empty||empty file, not a kernel table"
	"blank|   |empty file, not a kernel table"
	"truncated|{\"schema\": 1, \"kernel\": \"6.18\", \"helper_max\": 211, \"rows\": [|line 1, column 61: expected a value, found the end of the file"
	"not_json_text|hello world|line 1: expected 'SECTION: helper helper!gpl ...'"
	"wrong_type|{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": \"211\", \"rows\": []}|\"helper_max\" must be a number, not a string"
	"bad_verdict|{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [{\"section\": \"xdp\", \"prog_type\": \"xdp\", \"helpers\": [{\"id\": 1, \"verdict\": \"yes\"}]}]}|unknown verdict 'yes'"
	"id_range|{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": [{\"section\": \"xdp\", \"prog_type\": \"xdp\", \"helpers\": [{\"id\": 99999999999, \"verdict\": \"allowed\"}]}]}|\"id\" must be an integer in 1..2"
	"schema|{\"schema\": 7, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": []}|schema 7: this bpfgen reads schema 1"
	"unknown_helper|xdp: map_lookup_elem bpf_frobnicate|unknown helper 'bpf_frobnicate'"
	"unknown_section|xpd: map_lookup_elem|unknown section 'xpd'"
	"trailing|{\"schema\": 1, \"kernel\": \"x\", \"helper_max\": 2, \"rows\": []}}|expected the end of the file after the table"
)
for c in "${cases[@]}"; do
	name=${c%%|*}
	rest=${c#*|}
	content=${rest%|*}
	want=${rest##*|}
	printf '%s' "$content" >"$tmp/$name.json"
	for cmd in check probe; do
		if [ $cmd = check ]; then
			"$bpfgen" check --kernel-table "$tmp/$name.json" "$tmp/prog.bpf.c" >"$tmp/out" 2>"$tmp/err"
		else
			"$bpfgen" probe --kernel-table "$tmp/$name.json" >"$tmp/out" 2>"$tmp/err"
		fi
		rc=$?
		if [ $rc -ne 2 ]; then
			echo "FAIL: $cmd, $name: exit $rc, expected 2"
			cat "$tmp/err"
			fail=1
		elif ! grep -q "^bpfgen: error: kernel table '$tmp/$name.json': " "$tmp/err" ||
		     ! grep -qF -- "$want" "$tmp/err" || [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
			echo "FAIL: $cmd, $name: not one error line naming the file and saying \"$want\":"
			cat "$tmp/err"
			fail=1
		fi
	done
done

# binary, deeply nested, missing, a directory, and random bytes: exit 2, no crash
head -c 4096 /dev/urandom >"$tmp/random.json"
printf '{"schema": 1, "kernel": "x\0"}' >"$tmp/nul.json"
head -c 200000 /dev/zero | tr '\0' '[' >"$tmp/deep.json"
for f in "$tmp/random.json" "$tmp/nul.json" "$tmp/deep.json" "$tmp/missing.json" "$tmp"; do
	"$bpfgen" check --kernel-table "$f" "$tmp/prog.bpf.c" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne 2 ] || ! grep -q "^bpfgen: error: kernel table '$f': " "$tmp/err"; then
		echo "FAIL: $f: exit $rc, expected 2 with a 'kernel table' error:"
		cat "$tmp/err"
		fail=1
	fi
done

"$bpfgen" check --kernel-table >"$tmp/out" 2>"$tmp/err"
if [ $? -ne 2 ]; then
	echo "FAIL: --kernel-table without a file must exit 2"
	fail=1
fi

# good tables in both formats are used
"$bpfgen" probe --builtin --format json >"$tmp/good.json"
"$bpfgen" probe --builtin --format text >"$tmp/good.txt"
for f in "$tmp/good.json" "$tmp/good.txt"; do
	if ! "$bpfgen" check --kernel-table "$f" "$tmp/prog.bpf.c" >"$tmp/out" 2>&1; then
		echo "FAIL: a good table ($f) was refused:"
		cat "$tmp/out"
		fail=1
	fi
done

[ $fail -eq 0 ] && echo "PASS: malformed kernel tables"
exit $fail
