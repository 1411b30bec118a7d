#!/usr/bin/env bash
# check_speed.sh BPFGEN [CORPUS_DIR] [RUNS]
#
# Side by side over the same files in one run: the median time of
# `bpfgen check FILE` and of `clang -O2 -g -target bpf -c FILE` with the same
# flags, and their ratio. Each file is timed RUNS times (default 3) per tool,
# alternating the tools, and its median is kept; the figures are medians over files.
#
# CORPUS_DIR is a corpus built by the real-world scripts (a manifest.tsv with
# repo, path and flags per line, paths relative to CORPUS_DIR). Without it the
# project's own corpus (tests/check/good) is used, with a vmlinux.h of the
# running kernel.
set -euo pipefail
BPFGEN=$(realpath "${1:?usage: check_speed.sh BPFGEN [CORPUS_DIR] [RUNS]}")
CORPUS=${2:-}
RUNS=${3:-3}
CLANG=${CLANG:-clang}
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

list=$tmp/list.tsv	# dir <TAB> file <TAB> flags
if [ -n "$CORPUS" ]; then
	CORPUS=$(realpath "$CORPUS")
	# the files that compile (compile.tsv), or every file of the manifest
	ok=$CORPUS/compile.tsv
	if [ ! -f "$ok" ]; then
		ok=$tmp/ok.tsv
		awk -F'\t' 'NR > 1 { print $1 "\t" $2 "\tok" }' "$CORPUS/manifest.tsv" > "$ok"
	fi
	awk -F'\t' -v d="$CORPUS" 'NR == FNR { if ($3 == "ok") ok[$2] = 1; next }
		FNR > 1 && ok[$2] { print d "\t" $2 "\t" $3 }' "$ok" "$CORPUS/manifest.tsv" > "$list"
else
	mkdir -p "$tmp/vmlinux"
	bpftool btf dump file /sys/kernel/btf/vmlinux format c > "$tmp/vmlinux/vmlinux.h"
	for f in "$top"/tests/check/good/*.bpf.c; do
		printf '%s\t%s\t%s\n' "$top/tests" "check/good/$(basename "$f")" "-I$tmp/vmlinux"
	done > "$list"
fi

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

arch=$(uname -m | sed 's/x86_64/x86/; s/aarch64/arm64/')
n=0
: > "$tmp/times.tsv"
while IFS=$'\t' read -r dir file flags; do
	(
		cd "$dir"
		c=() k=()
		for ((r = 0; r < RUNS; r++)); do
			t0=$(now)
			# shellcheck disable=SC2086
			"$BPFGEN" check "$file" -- $flags > /dev/null 2>&1 || true
			t1=$(now)
			# shellcheck disable=SC2086
			"$CLANG" -O2 -g -target bpf -D__TARGET_ARCH_$arch $flags -c "$file" -o "$tmp/out.o" \
				> /dev/null 2>&1 || true
			t2=$(now)
			c+=($(( (t1 - t0) / 1000 ))) k+=($(( (t2 - t1) / 1000 )))
		done
		printf '%s\t%s\t%s\n' "$(printf '%s\n' "${c[@]}" | median)" \
			"$(printf '%s\n' "${k[@]}" | median)" "$file"
	) >> "$tmp/times.tsv"
	n=$((n + 1))
done < "$list"

check_ms=$(cut -f1 "$tmp/times.tsv" | median | awk '{ printf "%.1f", $1 / 1000 }')
clang_ms=$(cut -f2 "$tmp/times.tsv" | median | awk '{ printf "%.1f", $1 / 1000 }')
ratio=$(awk -v a="$check_ms" -v b="$clang_ms" 'BEGIN { printf "%.2f", a / b }')
per_file=$(awk -F'\t' '{ printf "%.4f\n", $1 / $2 }' "$tmp/times.tsv" | median)
echo "files:                          $n (median of $RUNS runs each)"
echo "median bpfgen check:            $check_ms ms"
echo "median clang -O2 -g -target bpf: $clang_ms ms"
echo "ratio of medians (check/clang): $ratio"
echo "median per-file ratio:          $(printf '%.2f' "$per_file")"
