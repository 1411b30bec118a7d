#!/usr/bin/env bash
# golden.sh BPFGEN OBJ NAME GOLDEN [TYPES]
#
# Runs `BPFGEN gen OBJ -n NAME [--types TYPES]` twice: the two outputs must be
# the same bytes (determinism) and equal GOLDEN byte for byte.
# BPFGEN_UPDATE_GOLDEN=1 rewrites GOLDEN instead of comparing.
set -u
if [ $# -lt 4 ] || [ $# -gt 5 ]; then
	echo "usage: $0 BPFGEN OBJ NAME GOLDEN [TYPES]" >&2
	exit 2
fi
bpfgen=$(realpath "$1") obj=$2 name=$3 golden=$4
types=()
[ $# -eq 5 ] && types=(--types "$5")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/golden.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# the object's file name is part of the header's comment: use the golden one
cp "$obj" "$tmp/$name.bpf.o" || exit 1
for i in 1 2; do
	(cd "$tmp" && "$bpfgen" gen "$name.bpf.o" -n "$name" "${types[@]}" -o "out$i.h") || {
		echo "FAIL: bpfgen gen exited with $?" >&2
		exit 1
	}
done
if ! cmp -s "$tmp/out1.h" "$tmp/out2.h"; then
	echo "FAIL: two runs of bpfgen gen differ" >&2
	diff -u "$tmp/out1.h" "$tmp/out2.h" >&2
	exit 1
fi
if [ "${BPFGEN_UPDATE_GOLDEN:-0}" = 1 ]; then
	cp "$tmp/out1.h" "$golden"
	echo "updated $golden"
	exit 0
fi
if ! cmp -s "$tmp/out1.h" "$golden"; then
	echo "FAIL: output differs from $golden (BPFGEN_UPDATE_GOLDEN=1 rewrites it)" >&2
	diff -u "$golden" "$tmp/out1.h" >&2
	exit 1
fi
echo "ok: $golden"
