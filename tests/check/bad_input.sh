#!/usr/bin/env bash
# bad_input.sh BPFGEN: what `bpfgen check` does with input that is not a
# well-formed BPF program. Each case asserts the exit status and the message.
set -u
BPFGEN=$(realpath "${1:?usage: bad_input.sh BPFGEN}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=bad_input_files.sh
. "$(dirname "$0")/bad_input_files.sh"
cd "$tmp" || exit 1
fails=0
bad_input_files

# expect NAME STATUS PATTERN -- CMD...: run CMD (bounded: a hang is a failure),
# assert its exit status and that its output matches the extended regex PATTERN.
expect() {
	local name=$1 want=$2 pattern=$3 rc=0
	shift 4
	timeout 300 "$@" > out.txt 2>&1 || rc=$?
	if [ "$rc" != "$want" ]; then
		echo "FAIL $name: exit $rc, expected $want"; sed 's/^/    /' out.txt | head -20
		fails=$((fails + 1))
	elif [ -n "$pattern" ] && ! grep -qE -- "$pattern" out.txt; then
		echo "FAIL $name: output does not match /$pattern/"; sed 's/^/    /' out.txt | head -20
		fails=$((fails + 1))
	elif [ -z "$pattern" ] && [ -s out.txt ]; then
		echo "FAIL $name: expected no output"; sed 's/^/    /' out.txt | head -20
		fails=$((fails + 1))
	else
		echo "ok   $name"
	fi
}

expect missing-file 2 "^bpfgen: error: cannot open 'nope.c': No such file or directory$" -- \
	"$BPFGEN" check nope.c
expect directory 2 "^bpfgen: error: cannot open 'adir': Is a directory$" -- "$BPFGEN" check adir
if [ "$(id -u)" != 0 ]; then
	expect unreadable 2 "^bpfgen: error: cannot open 'unreadable.c': Permission denied$" -- \
		"$BPFGEN" check unreadable.c
fi
expect no-files 2 "no input files" -- "$BPFGEN" check
expect unknown-option 2 "unknown option '--frobnicate'" -- "$BPFGEN" check --frobnicate x.c
expect unknown-rule 2 "unknown rule 'no-such-rule'" -- "$BPFGEN" check -Wno-no-such-rule x.c
expect unknown-command 2 "unknown command 'frob'" -- "$BPFGEN" frob

expect syntax-error 1 "^syntax.c:7:17: error: expected ';'" -- "$BPFGEN" check syntax.c

expect missing-include 1 "^include.c:1:10: error: 'no_such_header.h' file not found" -- \
	"$BPFGEN" check include.c

expect empty-file 0 "" -- "$BPFGEN" check empty.c
expect no-programs 0 "" -- "$BPFGEN" check noprog.c

expect binary-file 2 "^bpfgen: error: cannot check 'blob.c': binary file, not C source$" -- \
	"$BPFGEN" check blob.c

# a 10 MB file: a header-sized table of data and one program
{
	printf '#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\n'
	i=0
	while [ $i -lt 200000 ]; do
		printf 'const volatile int tbl_%d = %d; /* padding padding padding */\n' $i $i
		i=$((i + 1))
	done
	printf 'SEC("xdp") int prog(struct xdp_md *ctx) { return XDP_PASS; }\n'
	printf 'char LICENSE[] SEC("license") = "GPL";\n'
} > big.c
size=$(stat -c %s big.c)
[ "$size" -ge 10000000 ] || { echo "FAIL big-file: only $size bytes"; fails=$((fails + 1)); }
expect big-file 0 "" -- "$BPFGEN" check big.c

# 10,000 programs, one of them wrong: found at its line, the rest pass
{
	printf '#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\n'
	i=0
	while [ $i -lt 10000 ]; do
		if [ $i = 7777 ]; then
			printf 'SEC("xdp") int prog_%d(struct __sk_buff *ctx) { return ctx->len ? XDP_PASS : XDP_DROP; }\n' $i
		else
			printf 'SEC("xdp") int prog_%d(struct xdp_md *ctx) { return XDP_PASS; }\n' $i
		fi
		i=$((i + 1))
	done
	printf 'char LICENSE[] SEC("license") = "GPL";\n'
} > many.c
expect many-programs 1 "^many.c:7780:[0-9]+: error: .*'prog_7777'.*\[ctx-type\]$" -- "$BPFGEN" check many.c
n=$(grep -c ': error:' out.txt)
[ "$n" = 1 ] || { echo "FAIL many-programs: $n errors, expected 1"; fails=$((fails + 1)); }

# an expression 20,000 terms deep: lowered no deeper than a bound, never a stack overflow
{
	printf '#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\n'
	printf 'SEC("xdp") int prog(struct xdp_md *ctx)\n{\n\tint a = ctx->ingress_ifindex;\n\tint x = a'
	i=0
	while [ $i -lt 20000 ]; do
		printf ' + a'
		i=$((i + 1))
	done
	printf ';\n\treturn x & 1 ? XDP_PASS : XDP_DROP;\n}\nchar LICENSE[] SEC("license") = "GPL";\n'
} > deep.c
expect deep-expression 0 "" -- "$BPFGEN" check deep.c

echo "$fails failed"
[ "$fails" = 0 ]
