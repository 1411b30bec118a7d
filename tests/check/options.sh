#!/usr/bin/env bash
# options.sh BPFGEN: per-rule control of `bpfgen check`: -W<rule>, -Wno-<rule>,
# -Werror, "// bpfgen: ignore <rule>" comments, --format json, --list-rules.
set -u
BPFGEN=$(realpath "${1:?usage: options.sh BPFGEN}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fails=0

# expect NAME STATUS COUNT PATTERN -- CMD...: exit status, and COUNT output lines matching PATTERN
expect() {
	local name=$1 want=$2 count=$3 pattern=$4 rc=0 n
	shift 5
	"$@" > out.txt 2>&1 || rc=$?
	n=$(grep -cE -- "$pattern" out.txt)
	if [ "$rc" != "$want" ] || [ "$n" != "$count" ]; then
		echo "FAIL $name: exit $rc (expected $want), $n lines match /$pattern/ (expected $count)"
		sed 's/^/    /' out.txt | head -20
		fails=$((fails + 1))
	else
		echo "ok   $name"
	fi
}

cat > prog.c <<'C'
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int a(struct __sk_buff *skb)
{
	return skb->len ? XDP_PASS : XDP_DROP;
}

SEC("xdp")
int b(struct __sk_buff *skb) // bpfgen: ignore ctx-type
{
	return skb->len ? XDP_PASS : XDP_DROP;
}

SEC("xdp")
// bpfgen: ignore section-name, ctx-type
int c(struct __sk_buff *skb)
{
	return skb->len ? XDP_PASS : XDP_DROP;
}

SEC("xdp")
int d(struct __sk_buff *skb) /* bpfgen: ignore return-range */
{
	return skb->len ? XDP_PASS : XDP_DROP;
}
C

expect default 1 2 'error: .*\[ctx-type\]' -- "$BPFGEN" check prog.c
expect ignored-lines 1 0 '^prog.c:(11|18):' -- "$BPFGEN" check prog.c
expect missing-license 1 1 'warning: .*\[license-missing\]' -- "$BPFGEN" check prog.c
expect wno-rule 0 0 '\[ctx-type\]' -- "$BPFGEN" check -Wno-ctx-type prog.c
expect werror 1 1 'error: .*\[license-missing\]' -- "$BPFGEN" check -Werror -Wno-ctx-type prog.c
expect wno-warning 0 0 'license-missing' -- "$BPFGEN" check -Wno-ctx-type -Wno-license-missing prog.c
expect off-by-default 1 0 'unchecked-return' -- "$BPFGEN" check prog.c
expect json 0 2 '"rule": "ctx-type"' -- sh -c "'$BPFGEN' check --format json prog.c | tr '{' '\n'"
expect list-rules 0 1 '^ctx-type +error' -- "$BPFGEN" check --list-rules
expect bad-format 2 1 "unknown format 'xml'" -- "$BPFGEN" check --format xml prog.c

echo "$fails failed"
[ "$fails" = 0 ]
