#!/usr/bin/env bash
# parallel.sh BPFGEN VMLINUX_DIR: `bpfgen check -j2` (and -j3 once) prints the same bytes on
# stdout and on stderr, and exits with the same status, as -j1: over the whole corpus
# (good and bad, with a missing and a binary file among them), in every output format,
# with -p BUILD_DIR, with --dump-model, and with a kernel BTF that cannot be read
# (its note is said once per run).
set -u
BPFGEN=$(realpath "${1:?usage: parallel.sh BPFGEN VMLINUX_DIR}")
VMLINUX_DIR=$(realpath "${2:?usage: parallel.sh BPFGEN VMLINUX_DIR}")
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
cd "$top/tests/check" || exit 1

# same NAME WANT_STATUS ARGS...: -j1 and -j2 (and -j$J3 when J3 is set) agree byte for byte,
# with status WANT_STATUS
same() {
	local name=$1 want=$2 j rc
	shift 2
	for j in 1 2 ${J3:-}; do
		rc=0
		"$BPFGEN" check -j "$j" "$@" > "$tmp/out.$j" 2> "$tmp/err.$j" || rc=$?
		echo "$rc" > "$tmp/rc.$j"
	done
	rc=$(cat "$tmp/rc.1")
	if [ "$rc" != "$want" ]; then
		echo "FAIL $name: -j1 exits $rc, expected $want"; head -5 "$tmp/err.1"
		fails=$((fails + 1))
		return
	fi
	for j in 2 ${J3:-}; do
		if ! cmp -s "$tmp/out.1" "$tmp/out.$j" || ! cmp -s "$tmp/err.1" "$tmp/err.$j" ||
			! cmp -s "$tmp/rc.1" "$tmp/rc.$j"; then
			echo "FAIL $name: -j$j differs from -j1 (exit $(cat "$tmp/rc.$j"), expected $rc)"
			diff "$tmp/out.1" "$tmp/out.$j" | head -10
			diff "$tmp/err.1" "$tmp/err.$j" | head -10
			fails=$((fails + 1))
			return
		fi
	done
	echo "ok   $name ($(wc -l < "$tmp/out.1") lines of stdout, $(wc -l < "$tmp/err.1") of stderr, exit $rc)"
}

inc=(-- -I "$VMLINUX_DIR" -I "$top/headers")
good=(good/*.c)
bad=(bad/*.c)
printf 'int x;\n\0\1' > "$tmp/blob.c"
# a missing and a binary file in the middle: their errors stay in place on stderr
mixed=("${bad[@]:0:20}" no_such_file.c "${good[@]:0:20}" "$tmp/blob.c" "${bad[@]:20:20}")

same good 0 "${good[@]}" "${inc[@]}"
same bad 1 "${bad[@]}" "${inc[@]}"
J3=3 same mixed-text 2 "${mixed[@]}" "${inc[@]}"
few=("${bad[@]:0:15}" no_such_file.c "${good[@]:0:15}" "$tmp/blob.c")
same mixed-json 2 --format json "${few[@]}" "${inc[@]}"
same mixed-sarif 2 --format sarif "${few[@]}" "${inc[@]}"
same werror 1 -Werror -Wunchecked-return "${bad[@]:40:20}" "${good[@]:40:20}" "${inc[@]}"
same dump-model 1 --dump-model "${bad[@]:0:20}" "${inc[@]}"
# files that need the kernel's BTF (BTF targets, kfuncs) far apart, and others between
btf=(bad/fentry_*.c good/kfunc_*.c bad/xdp_*.c bad/tp_btf_*.c good/lsm_*.c)
same no-btf 1 --btf "$tmp/no_such_vmlinux" "${btf[@]}" "${inc[@]}"
same one-file 1 "${bad[0]}" "${inc[@]}"

# -p: a build's BPF files with their own flags, from their own directory
mkdir -p "$tmp/build"
{
	echo '['
	sep=
	for f in "${bad[@]:0:12}" "${good[@]:0:12}"; do
		printf '%s{ "directory": "%s", "file": "%s",\n  "command": "clang -O2 -g -target bpf -I %s -I %s -c %s -o x.o" }\n' \
			"$sep" "$top/tests/check" "$f" "$VMLINUX_DIR" "$top/headers" "$f"
		sep=,
	done
	echo ']'
} > "$tmp/build/compile_commands.json"
same compdb 1 -p "$tmp/build"
same compdb-json 1 --format json -p "$tmp/build" "${good[@]:20:5}" "${inc[@]}"

echo "$fails failed"
[ "$fails" = 0 ]
