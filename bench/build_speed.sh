#!/usr/bin/env bash
# build_speed.sh BPFGEN [CORPUS_DIR]
#
# What a checked BPF build costs against an unchecked one, side by side in one
# run over the same files, each repository built file after file as a build
# would:
#   plain        clang -O2 -g -target bpf -c FILE
#   check+clang  bpfgen check FILE, then the same clang (cold: an empty cache
#                at the start of the repository; warm: built again)
#   cc           bpfgen cc clang ... (cold, then warm)
#   check        bpfgen check alone, warm
# Prints per repository the median wall time per file of each, its ratio to
# plain clang, the peak memory (the largest process of the step), and whether
# every object of bpfgen cc was byte-identical to plain clang's (a file the
# check refuses has no object: it is listed, not compared).
#
# CORPUS_DIR is a corpus built by the real-world scripts (manifest.tsv: repo,
# path, flags; paths relative to CORPUS_DIR; compile.tsv says which compile).
# Without it, the project's examples and tests/check/good, with a vmlinux.h
# of the running kernel. MAX_FILES=N keeps the first N files of each repository.
set -euo pipefail
BPFGEN=$(realpath "${1:?usage: build_speed.sh BPFGEN [CORPUS_DIR]}")
CORPUS=${2:-}
MAX_FILES=${MAX_FILES:-0}
CLANG=${CLANG:-clang}
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export BPFGEN_CACHE_DIR=$tmp/cache
unset BPFGEN_CACHE

list=$tmp/list.tsv	# repo <TAB> dir <TAB> file <TAB> flags
arch=$(uname -m | sed 's/x86_64/x86/; s/aarch64/arm64/')
if [ -n "$CORPUS" ]; then
	CORPUS=$(realpath "$CORPUS")
	ok=$CORPUS/compile.tsv
	if [ ! -f "$ok" ]; then
		ok=$tmp/ok.tsv
		awk -F'\t' 'NR > 1 { print $1 "\t" $2 "\tok" }' "$CORPUS/manifest.tsv" > "$ok"
	fi
	awk -F'\t' -v d="$CORPUS" 'NR == FNR { if ($3 == "ok") ok[$2] = 1; next }
		FNR > 1 && ok[$2] { print $1 "\t" d "\t" $2 "\t" $3 }' "$ok" "$CORPUS/manifest.tsv" > "$list"
else
	mkdir -p "$tmp/vmlinux"
	bpftool btf dump file /sys/kernel/btf/vmlinux format c > "$tmp/vmlinux/vmlinux.h"
	multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
	(cd "$top" && find examples tests/check/good -name '*.bpf.c' | sort) | while read -r f; do
		printf '%s\t%s\t%s\t%s\n' "${f%%/*}" "$top" "$f" \
			"-I$tmp/vmlinux -Iheaders -I$(dirname "$f") -idirafter /usr/include/$multiarch"
	done > "$list"
fi
if [ "$MAX_FILES" -gt 0 ]; then
	awk -F'\t' -v m="$MAX_FILES" '++n[$1] <= m' "$list" > "$list.cut" && mv "$list.cut" "$list"
fi

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (!NR) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# run CMD...: its wall time in µs and its peak RSS in KiB on stdout
measure() {
	local t0 t1
	t0=$(now)
	/usr/bin/time -f '%M' -o "$tmp/rss" "$@" > /dev/null 2>&1 || true
	t1=$(now)
	echo "$(( (t1 - t0) / 1000 )) $(tail -1 "$tmp/rss")"
}

: > "$tmp/times.tsv"	# repo mode file us kib
modes="plain check+clang/cold check+clang/warm check/warm cc/cold cc/warm"
repos=$(cut -f1 "$list" | awk '!s[$0]++')
for repo in $repos; do
	for mode in $modes; do
		case $mode in */cold) rm -rf "$BPFGEN_CACHE_DIR" ;; esac
		while IFS=$'\t' read -r r dir file flags; do
			[ "$r" = "$repo" ] || continue
			grep -qxF "$file" "$tmp/skip" 2>/dev/null && continue
			key=$(printf '%s' "$file" | tr '/' '_')
			# shellcheck disable=SC2086 # flags are words
			cflags=(-O2 -g -target bpf -D__TARGET_ARCH_$arch $flags)
			cd "$dir"
			case $mode in
			plain)
				m=$(measure "$CLANG" "${cflags[@]}" -c "$file" -o "$tmp/$key.plain.o")
				# a file plain clang does not compile is no build to compare
				[ -s "$tmp/$key.plain.o" ] || { echo "$file" >> "$tmp/skip"; continue; } ;;
			check+clang/*)
				# shellcheck disable=SC2086
				a=$(measure "$BPFGEN" check "$file" -- $flags)
				b=$(measure "$CLANG" "${cflags[@]}" -c "$file" -o "$tmp/x.o")
				m="$(( ${a% *} + ${b% *} )) $(( ${a#* } > ${b#* } ? ${a#* } : ${b#* } ))" ;;
			cc/*)
				rm -f "$tmp/$key.cc.o"
				m=$(measure "$BPFGEN" cc "$CLANG" "${cflags[@]}" -c "$file" -o "$tmp/$key.cc.o")
				if [ ! -e "$tmp/$key.cc.o" ]; then
					echo "$repo refused $file" >> "$tmp/ident"	# an error of the check
				elif cmp -s "$tmp/$key.cc.o" "$tmp/$key.plain.o"; then
					echo "$repo same" >> "$tmp/ident"
				else
					echo "$repo differ $file" >> "$tmp/ident"
				fi ;;
			check/warm)
				# shellcheck disable=SC2086
				m=$(measure "$BPFGEN" check "$file" -- $flags) ;;
			esac
			printf '%s\t%s\t%s\t%s\t%s\n' "$repo" "$mode" "$file" ${m} >> "$tmp/times.tsv"
		done < "$list"
	done
done

med() { awk -F'\t' -v r="$1" -v m="$2" '$1 == r && $2 == m { print $4 }' "$tmp/times.tsv" | median; }
peak() { awk -F'\t' -v r="$1" -v m="$2" '$1 == r && $2 == m && $5 > p { p = $5 } END { print p + 0 }' "$tmp/times.tsv"; }
printf '%-18s %5s' repo files
for mode in $modes; do printf ' %18s' "$mode"; done
printf ' %10s\n' identical
for repo in $repos all; do
	sel=$repo
	if [ "$repo" = all ]; then
		sed 's/^[^\t]*\t/all\t/' "$tmp/times.tsv" >> "$tmp/times.tsv.all"
		cat "$tmp/times.tsv.all" >> "$tmp/times.tsv"
		sed 's/^[^ ]* /all /' "$tmp/ident" >> "$tmp/ident"
	fi
	n=$(awk -F'\t' -v r="$sel" '$1 == r && $2 == "plain"' "$tmp/times.tsv" | wc -l)
	base=$(med "$sel" plain)
	printf '%-18s %5d' "$repo" "$n"
	for mode in $modes; do
		m=$(med "$sel" "$mode")
		if [ "$mode" = plain ]; then
			printf ' %13.0f ms  ' "$(awk -v a="$m" 'BEGIN { print a / 1000 }')"
		else
			printf ' %7.0f ms %5.2fx' "$(awk -v a="$m" 'BEGIN { print a / 1000 }')" \
				"$(awk -v a="$m" -v b="$base" 'BEGIN { print b ? a / b : 0 }')"
		fi
	done
	same=$(grep -c "^$sel same" "$tmp/ident" || true)
	total=$(grep -c "^$sel \(same\|differ\)" "$tmp/ident" || true)
	printf ' %4d/%-5d\n' "$same" "$total"
done
echo
echo "peak memory (MiB, the largest process of a step, over all files):"
for mode in $modes; do
	printf '  %-18s %6.0f\n' "$mode" "$(awk -v k="$(peak all "$mode")" 'BEGIN { print k / 1024 }')"
done
grep ' differ ' "$tmp/ident" | grep -v '^all ' | sed 's/^/not identical: /' || true
grep ' refused ' "$tmp/ident" | grep -v '^all ' | sort -u | sed 's/^/check error, no object (not compared): /' || true
[ -s "$tmp/skip" ] && sed 's/^/plain clang does not compile it (left out): /' "$tmp/skip" | sort -u || true
