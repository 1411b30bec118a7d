#!/usr/bin/env bash
# troubleshooting.sh BPFGEN: every row of the troubleshooting table in README.md, read
# from README.md itself so that the table cannot drift from what bpfgen does. Each row
# runs its command on the files of bad_input_files.sh and asserts the first line printed
# (stdout and stderr together; "nothing" for no output at all) and the exit status.
set -u
BPFGEN=$(realpath "${1:?usage: troubleshooting.sh BPFGEN}")
here=$(cd "$(dirname "$0")" && pwd)
readme=$here/../../README.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=bad_input_files.sh
. "$here/bad_input_files.sh"
cd "$tmp" || exit 1
bad_input_files
fails=0 rows=0

# the rows of the table under "## Troubleshooting", as "COMMAND^_FIRST LINE^_EXIT" (a
# separator that read does not merge when the first line is empty)
awk '/^## Troubleshooting/ { on = 1; next } /^## / { on = 0 } on && /^\| / && !/^\| wrong input/' "$readme" |
	sed -E $'s/^\\| .* \\| `(bpfgen [^`]*)` \\| (`(.*)`|nothing) \\| ([0-9]+) \\|$/\\1\x1f\\3\x1f\\4/' > rows.txt
while IFS=$'\x1f' read -r cmd want status; do
	rows=$((rows + 1))
	if [[ $cmd == "|"* ]] || [ -z "$status" ]; then
		echo "FAIL row $rows: not 'input | \`bpfgen ...\` | \`first line\` or nothing | exit': $cmd"
		fails=$((fails + 1))
		continue
	fi
	read -r -a words <<< "$cmd"
	words[0]=$BPFGEN
	rc=0
	timeout 120 "${words[@]}" > out.txt 2>&1 < /dev/null || rc=$?
	first=$(head -1 out.txt)
	if [ "$rc" != "$status" ] || [ "$first" != "$want" ] || { [ -z "$want" ] && [ -s out.txt ]; }; then
		echo "FAIL $cmd: exit $rc (README: $status), first line:"
		echo "    $first"
		echo "  README:"
		echo "    ${want:-nothing}"
		fails=$((fails + 1))
	else
		echo "ok   $cmd"
	fi
done < rows.txt
[ "$rows" -ge 20 ] || { echo "FAIL: only $rows rows in README.md's troubleshooting table"; fails=$((fails + 1)); }
echo "$rows rows, $fails failed"
[ "$fails" = 0 ]
