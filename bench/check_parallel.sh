#!/usr/bin/env bash
# check_parallel.sh BPFGEN CORPUS_DIR [JOBS]
#
# Wall time of `bpfgen check -j1` and `bpfgen check -jJOBS` (default 2) over every
# file of CORPUS_DIR, their ratio (the speed-up), and the peak RSS of checking one
# file (median and max over files, from --stats). CORPUS_DIR is either a corpus of
# the real-world scripts (a manifest.tsv with repo, path and flags per line, paths
# relative to CORPUS_DIR; with a compile.tsv, only the files that compile), checked
# as one command per set of flags, or any directory: its *.c files, checked as one
# command with no flags.
set -euo pipefail
BPFGEN=$(realpath "${1:?usage: check_parallel.sh BPFGEN CORPUS_DIR [JOBS]}")
CORPUS=$(realpath "${2:?usage: check_parallel.sh BPFGEN CORPUS_DIR [JOBS]}")
JOBS=${3:-2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$CORPUS"

# groups: one line per command, "FLAGS<TAB>FILE FILE ..."
if [ -f manifest.tsv ]; then
	ok=compile.tsv
	[ -f "$ok" ] || { awk -F'\t' 'NR > 1 { print $1 "\t" $2 "\tok" }' manifest.tsv > "$tmp/ok.tsv"; ok=$tmp/ok.tsv; }
	awk -F'\t' 'NR == FNR { if ($3 == "ok") ok[$2] = 1; next }
		FNR > 1 && ok[$2] { if (!($3 in g)) order[n++] = $3; g[$3] = g[$3] " " $2 }
		END { for (i = 0; i < n; i++) print order[i] "\t" substr(g[order[i]], 2) }' \
		"$ok" manifest.tsv > "$tmp/groups.tsv"
else
	find . -name '*.c' -type f | sort | tr '\n' ' ' | sed 's/^/\t/; s/ $/\n/' > "$tmp/groups.tsv"
fi
nfiles=$(cut -f2 "$tmp/groups.tsv" | wc -w)
ngroups=$(wc -l < "$tmp/groups.tsv")

now() { date +%s%N; }
# run J: every group with -jJ; prints the wall time in ms, keeps --stats lines in stats.J
run() {
	local j=$1 t0 t1 flags files
	: > "$tmp/stats.$j"
	t0=$(now)
	while IFS=$'\t' read -r flags files; do
		# shellcheck disable=SC2086 # lists of words
		"$BPFGEN" check --stats -j "$j" $files -- $flags > /dev/null 2> "$tmp/err" || true
		grep '^bpfgen: stats: ' "$tmp/err" >> "$tmp/stats.$j" || true
	done < "$tmp/groups.tsv"
	t1=$(now)
	echo $(( (t1 - t0) / 1000000 ))
}
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# per-file figures of a run: "WALL_MS RSS_MIB" lines
per_file() {
	sed -nE 's/^bpfgen: stats: .*: wall ([0-9.]+) ms, peak rss ([0-9.]+) MiB$/\1 \2/p' "$tmp/stats.$1"
}

w1=$(run 1)
wj=$(run "$JOBS")
n1=$(per_file 1 | wc -l)
echo "files:                     $nfiles ($ngroups commands, one per set of flags; $n1 checked)"
echo "online CPUs:               $(nproc)"
echo "wall -j1:                  $w1 ms"
echo "wall -j$JOBS:                  $wj ms"
echo "speed-up (-j1 / -j$JOBS):      $(awk -v a="$w1" -v b="$wj" 'BEGIN { printf "%.2f", a / b }')"
for j in 1 "$JOBS"; do
	echo "per file, -j$j:             wall median $(per_file "$j" | cut -d' ' -f1 | median) ms, max $(per_file "$j" | cut -d' ' -f1 | sort -n | tail -1) ms;" \
		"peak rss median $(per_file "$j" | cut -d' ' -f2 | median) MiB, max $(per_file "$j" | cut -d' ' -f2 | sort -n | tail -1) MiB"
done
