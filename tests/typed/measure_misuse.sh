#!/usr/bin/env bash
# measure_misuse.sh BUILD_DIR
#
# Runs every case of tests/typed/misuse through run_misuse.sh (bad, good and
# load) and prints, per class and in total, how many misuses each stage stops
# at the user's line:
#   cc     clang -O2 -g -target bpf alone (no warning flags)
#   ccw    clang with bpfgen_add_bpf_object()'s flags (-Wall -Werror=...)
#   check  bpfgen check alone
#   either cc or check or gen (gen: only for files that log)
#   both   the pass criterion of run_misuse.sh bad (the `// stages:` of the
#          file, cc and check by default)
#   hdr    reported by some stage only inside bpfgen/*.h, by none at the line
# and how many good twins are clean and load (or are skipped by the kernel).
# Then the cases each stage catches today. Prints figures only; exit 0.
set -u
export LC_ALL=C
if [ $# -ne 1 ]; then
	echo "usage: $0 BUILD_DIR" >&2
	exit 2
fi
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
clang=$(sed -nE 's/^CLANG_BPF:[A-Z]+=(.*)$/\1/p' "$build/CMakeCache.txt" 2>/dev/null)
[ -n "$clang" ] || clang=clang
bpfgen=$build/bpfgen
loader=$build/tests/bpf_loader
runner=$build/tests/typed/typed_kernel_run
vmlinux=$build/vmlinux

tmp=$(mktemp -d "${TMPDIR:-/tmp}/measure_misuse.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

cd "$here" || exit 0
: >"$tmp/rows"
for f in misuse/*.bpf.c; do
	name=$(basename "$f" .bpf.c)
	class=$(sed -nE 's@^//[[:space:]]*class:[[:space:]]*([^[:space:]]+).*$@\1@p' "$f" | head -1)
	bash run_misuse.sh "$clang" "$bpfgen" "$loader" "$vmlinux" "$f" bad >"$tmp/bad.out" 2>&1
	bad_rc=$?
	st=$(sed -nE 's/^STAGES: //p' "$tmp/bad.out")
	bash run_misuse.sh "$clang" "$bpfgen" "$loader" "$vmlinux" "$f" good >/dev/null 2>&1
	good_rc=$?
	bash run_misuse.sh "$clang" "$bpfgen" "$loader" "$vmlinux" "$f" load "$runner" >/dev/null 2>&1
	load_rc=$?
	# shellcheck disable=SC2086 # "cc=line ccw=none ..." are words
	echo "$name ${class:-none} bad=$bad_rc good=$good_rc load=$load_rc $st" >>"$tmp/rows"
done

awk '
	function v(k,   i, kv) {
		for (i = 3; i <= NF; i++) {
			split($i, kv, "=")
			if (kv[1] == k) return kv[2]
		}
		return ""
	}
	function add(c, k) { n[c, k]++; n["TOTAL", k]++ }
	{
		c = $2
		if (!(c in seen)) { seen[c] = 1; order[++nc] = c }
		add(c, "cases")
		cc = v("cc"); ccw = v("ccw"); ck = v("check"); gn = v("gen")
		if (cc == "line") add(c, "cc")
		if (ccw == "line") add(c, "ccw")
		if (ck == "line") add(c, "check")
		if (cc == "line" || ck == "line" || gn == "line") add(c, "either")
		if (v("bad") == 0) add(c, "both")
		if (cc != "line" && ccw != "line" && ck != "line" && gn != "line" &&
		    (cc == "header" || ccw == "header" || ck == "header" || gn == "header"))
			add(c, "hdr")
		if (v("good") == 0) add(c, "clean")
		if (v("load") == 0) add(c, "loads")
		if (v("load") == 77) add(c, "skip")
	}
	END {
		fmt = "%-16s %5s %4s %4s %5s %6s %4s %4s %5s %5s %4s\n"
		printf fmt, "class", "cases", "cc", "ccw", "check", "either", "both", "hdr", "clean", "loads", "skip"
		for (i = 1; i <= nc; i++) row(order[i])
		row("TOTAL")
	}
	function row(c) {
		printf fmt, c, n[c, "cases"] + 0, n[c, "cc"] + 0, n[c, "ccw"] + 0, n[c, "check"] + 0,
			n[c, "either"] + 0, n[c, "both"] + 0, n[c, "hdr"] + 0, n[c, "clean"] + 0,
			n[c, "loads"] + 0, n[c, "skip"] + 0
	}
' <(sort -k2,2 -k1,1 "$tmp/rows")

echo
echo "caught at the line, per stage (cc: plain clang; ccw: bpfgen_add_bpf_object flags):"
for s in cc ccw check gen; do
	list=$(awk -v s="$s" '{ for (i = 3; i <= NF; i++) if ($i == s "=line") print $1 }' "$tmp/rows" |
		sort | tr '\n' ' ')
	printf '  %-6s %s\n' "$s:" "${list:-(none)}"
done
echo "reported only in a header:"
awk '{ h = 0; l = 0
	for (i = 3; i <= NF; i++) { if ($i ~ /=header$/) h = 1; if ($i ~ /=line$/) l = 1 }
	if (h && !l) printf "  %s", $1 } END { print "" }' "$tmp/rows"
echo "good twins not clean (good) or not loading (load):"
awk '{ for (i = 3; i <= NF; i++) if ($i == "good=1" || $i == "load=1") printf "  %s(%s)", $1, $i } END { print "" }' \
	"$tmp/rows"
exit 0
