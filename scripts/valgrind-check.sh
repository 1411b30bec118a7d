#!/usr/bin/env bash
# valgrind-check.sh [--sample N] [-j JOBS] BPFGEN VMLINUX_DIR [DIR...]
#
# Runs `BPFGEN check FILE -- -I VMLINUX_DIR -I headers -I FILE's directory`
# under valgrind (memcheck) for every *.c under each DIR (default: the
# checker's corpus, tests/check/good and tests/check/bad). A DIR with a
# manifest.tsv (repo, path and flags per line, paths relative to DIR: a
# corpus of the real-world scripts, as bench/check_speed.sh reads) gives its
# files with their own flags, run from DIR. Invalid reads and writes, uses of
# uninitialised values, bad frees and definite leaks are errors; bpfgen's own
# exit status (0, 1 or 2) is not judged here, a signal is. --sample N checks
# N files spread evenly over the sorted list; -j runs JOBS at once (nproc).
# Exit: 0 clean, 1 a valgrind error or a crash, 2 usage.
set -u
export LC_ALL=C
here=$(cd "$(dirname "$0")/.." && pwd)
sample=0 jobs=$(nproc)
while [ $# -gt 0 ]; do
	case $1 in
	--sample) sample=${2:-}; shift 2 ;;
	-j) jobs=${2:-}; shift 2 ;;
	*) break ;;
	esac
done
if [ $# -lt 2 ] || ! [[ $sample =~ ^[0-9]+$ && $jobs =~ ^[1-9][0-9]*$ ]]; then
	echo "usage: $0 [--sample N] [-j JOBS] BPFGEN VMLINUX_DIR [DIR...]" >&2
	exit 2
fi
bpfgen=$(realpath "$1") vmlinux=$(realpath "$2")
shift 2
[ $# -gt 0 ] || set -- "$here/tests/check/good" "$here/tests/check/bad"
command -v valgrind > /dev/null || { echo "$0: valgrind is not installed" >&2; exit 2; }
[ -x "$bpfgen" ] || { echo "$0: no executable $bpfgen" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/valgrind-check.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
# the list: directory <TAB> file <TAB> flags, one file a line
for d in "$@"; do
	d=$(realpath "$d")
	if [ -f "$d/manifest.tsv" ]; then
		awk -F'\t' -v d="$d" 'NR > 1 && $2 ~ /\.c$/ { print d "\t" $2 "\t" $3 }' "$d/manifest.tsv"
	else
		find "$d" -name '*.c' -type f |
			awk -v h="$here" -v v="$vmlinux" '{ f = $0; sub(/\/[^\/]*$/, "", f)
				print f "\t" $0 "\t-I " v " -I " h "/headers -I " f }'
	fi
done | sort -t$'\t' -k2,2 > "$tmp/all"
total=$(wc -l < "$tmp/all")
if [ "$total" = 0 ]; then
	echo "$0: no .c files under $*" >&2
	exit 2
fi
if [ "$sample" -gt 0 ] && [ "$sample" -lt "$total" ]; then
	awk -v n="$sample" -v t="$total" 'NR == 1 + int(i * t / n) { print; i++ }' "$tmp/all" > "$tmp/files"
else
	cp "$tmp/all" "$tmp/files"
fi

# one line of the list: its valgrind log, and "STATUS FILE LOG" in $tmp/res
one() {
	local dir file flags log rc
	IFS=$'\t' read -r dir file flags <<< "$1"
	log=$2/$(printf '%s' "$file" | md5sum | cut -c1-16).log
	# shellcheck disable=SC2086 # flags are words
	(cd "$dir" && valgrind -q --error-exitcode=99 --suppressions="$SUPP" --leak-check=full \
		--show-leak-kinds=definite --errors-for-leak-kinds=definite --num-callers=30 \
		--log-file="$log" "$BPFGEN" check "$file" -- $flags > /dev/null 2>&1 < /dev/null)
	rc=$?
	echo "$rc $file $log" >> "$2/res"
}
export -f one
export BPFGEN=$bpfgen
SUPP=$(cd "$(dirname "$0")" && pwd)/valgrind.supp
export SUPP
start=$(date +%s)
tr '\n' '\0' < "$tmp/files" | xargs -0 -P "$jobs" -I{} bash -c 'one "$1" "$2"' _ {} "$tmp"
secs=$(( $(date +%s) - start ))

bad=0
while read -r rc f log; do
	if [ "$rc" = 99 ] || [ "$rc" -ge 128 ]; then
		bad=$((bad + 1))
		echo "FAIL: $f (exit $rc)"
		sed 's/^/    /' "$log" | head -60
	fi
done < "$tmp/res"
n=$(wc -l < "$tmp/res")
echo "valgrind: $n of $total files, $bad with errors, ${secs}s;" \
	"bpfgen exit status: $(awk '{ c[$1]++ } END { for (k in c) { printf "%s%s x%d", s, k, c[k]; s = ", " } }' "$tmp/res")"
[ "$bad" = 0 ]
