#!/usr/bin/env bash
# probe.sh BPFGEN VMLINUX_DIR
#
# `bpfgen probe` on the running kernel (root): it measures within the time
# budget, its json reads back with --kernel-table (probe re-prints it, and
# check uses it), and on the kernel the built-in table was measured on it
# agrees with the built-in table for every row this kernel can load.
# Run from tests/. Exit 0 pass, 1 fail, 77 skip (not root), 2 usage error.
set -u
export LC_ALL=C

if [ $# -ne 2 ]; then
	echo "usage: $0 BPFGEN VMLINUX_DIR" >&2
	exit 2
fi
bpfgen=$1
vmlinux_dir=$2
budget=30	# seconds; a probe of every row and helper takes well under one

if [ "$(id -u)" -ne 0 ]; then
	echo "SKIP: bpfgen probe loads BPF programs, which needs root"
	exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/probe.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0

start=$(date +%s%N)
if ! "$bpfgen" probe --format json >"$tmp/k.json" 2>"$tmp/err"; then
	echo "FAIL: bpfgen probe --format json:"
	cat "$tmp/err"
	exit 1
fi
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "probe: $ms ms"
if [ "$ms" -gt $((budget * 1000)) ]; then
	echo "FAIL: probe took $ms ms, over the ${budget} s budget"
	fail=1
fi

# read back: probe re-prints the file it measured, the same as it measures
if ! "$bpfgen" probe --kernel-table "$tmp/k.json" --format text >"$tmp/measured.txt" 2>"$tmp/err"; then
	echo "FAIL: bpfgen probe --kernel-table does not read the json it wrote:"
	cat "$tmp/err"
	exit 1
fi
"$bpfgen" probe --builtin --format text >"$tmp/builtin.txt" || exit 1

running=$(uname -r)
builtin=$(sed -n 's/^# kernel: //p' "$tmp/builtin.txt")
if [ "${running%%.*}.$(echo "$running" | cut -d. -f2)" != \
     "${builtin%%.*}.$(echo "$builtin" | cut -d. -f2)" ]; then
	echo "note: this kernel ($running) is not the one the built-in table was measured on ($builtin): not compared"
else
	# rows: "SECTION: helpers"; rows not measured are '#' comments
	grep -v '^#' "$tmp/measured.txt" | sort >"$tmp/m.rows"
	grep -v '^#' "$tmp/builtin.txt" | sort >"$tmp/b.rows"
	cut -d: -f1 "$tmp/m.rows" >"$tmp/m.secs"
	cut -d: -f1 "$tmp/b.rows" >"$tmp/b.secs"
	for s in $(comm -23 "$tmp/m.secs" "$tmp/b.secs"); do
		echo "note: row '$s' loads on this kernel but is not measured in the built-in table"
	done
	for s in $(comm -13 "$tmp/m.secs" "$tmp/b.secs"); do
		echo "note: row '$s' is in the built-in table but does not load on this kernel"
	done
	# a helper no row of this kernel allows is not built into it (a config
	# option of another build of the same release): a note, not a difference
	cut -d: -f2- "$tmp/m.rows" | tr ' ' '\n' | sed '/^$/d' | sort -u >"$tmp/m.helpers"
	n=0
	for s in $(comm -12 "$tmp/m.secs" "$tmp/b.secs"); do
		n=$((n + 1))
		m=$(grep "^$s:" "$tmp/m.rows")
		b=$(grep "^$s:" "$tmp/b.rows")
		absent=$(echo "${b#*:}" | tr ' ' '\n' | sed '/^$/d' | sort -u | comm -23 - "$tmp/m.helpers")
		for h in $absent; do
			echo "note: row '$s': '$h' is in no row of this kernel (not built in): not compared"
			b=$(echo "$b" | sed -E "s/ $h( |\$)/\1/")
		done
		if [ "$m" != "$b" ]; then
			echo "FAIL: row '$s' differs from the built-in table:"
			diff <(echo "$b" | tr ' ' '\n') <(echo "$m" | tr ' ' '\n') | grep '^[<>]' |
				sed 's/^</  built-in only:/; s/^>/  measured only:/'
			fail=1
		fi
	done
	echo "compared $n rows with the built-in table ($builtin)"
	[ "$n" -gt 0 ] || fail=1
fi

# the measured table drives check
"$bpfgen" check --kernel-table "$tmp/k.json" check/bad/helper_xdp_skb_load_bytes.bpf.c \
	-- -I "$vmlinux_dir" >"$tmp/out" 2>&1
rc=$?
if [ $rc -ne 1 ] || ! grep -q '\[helper-type\]' "$tmp/out"; then
	echo "FAIL: check --kernel-table on a helper-type mistake: exit $rc"
	cat "$tmp/out"
	fail=1
fi
"$bpfgen" check --kernel-table "$tmp/k.json" check/good/helper_xdp_skb_load_bytes.bpf.c \
	-- -I "$vmlinux_dir" >"$tmp/out" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
	echo "FAIL: check --kernel-table on its correct twin: exit $rc"
	cat "$tmp/out"
	fail=1
fi

[ $fail -eq 0 ] && echo "PASS: bpfgen probe"
exit $fail
