#!/usr/bin/env bash
# verify.sh BPFGEN VMLINUX_DIR LOADER   (run from tests/)
#
# `bpfgen verify` on the check corpus (tests/check, see its README.md). Each
# bad file below is compiled as load_one.sh compiles it and verified; the
# report must:
#   - exit 1;
#   - put the error at the line of the file's `// expect: error|warning RULE`
#     comment (or where the table below says, and why);
#   - quote the kernel: the error line contains the text of the file's
#     `// kernel: refuses "..."` header;
#   - name RULE as the `bpfgen check` rule that catches it.
# The good twin of each (check/good, same name) must load: exit 0.
# LOADER (verifier_load.c) does the same through the library's
# bpfgen_object__load() and bpfgen_skel__load().
# Exit: 0 pass, 1 fail, 77 skipped (not root), 2 usage error.
set -u
export LC_ALL=C

if [ $# -ne 3 ]; then
	echo "usage: $0 BPFGEN VMLINUX_DIR LOADER" >&2
	exit 2
fi
bpfgen=$1
vmlinux_dir=$2
loader=$3

tmp=$(mktemp -d "${TMPDIR:-/tmp}/verify.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0

failed() {
	echo "FAIL: $*"
	fail=1
}

# What needs no kernel: bad input is exit 2.
"$bpfgen" verify "$tmp/missing.o" >"$tmp/out" 2>&1
[ $? -eq 2 ] || failed "a missing object: exit status is not 2"
grep -q "cannot read '$tmp/missing.o'" "$tmp/out" || failed "a missing object: no error naming it"
echo 'int x;' >"$tmp/not_bpf.o"
"$bpfgen" verify "$tmp/not_bpf.o" >"$tmp/out" 2>&1
[ $? -eq 2 ] || failed "a file that is not a BPF object: exit status is not 2"
"$bpfgen" verify >"$tmp/out" 2>&1
[ $? -eq 2 ] || failed "no objects: exit status is not 2"
"$bpfgen" verify --format xml "$tmp/missing.o" >"$tmp/out" 2>&1
[ $? -eq 2 ] || failed "an unknown format: exit status is not 2"

if [ "$(id -u)" -ne 0 ]; then
	[ $fail -eq 0 ] || exit 1
	echo "SKIP: loading BPF programs needs root"
	exit 77
fi
if [ -d /sys/kernel/tracing ] && ! grep -qs ' /sys/kernel/tracing tracefs ' /proc/mounts; then
	mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null ||
		echo "note: could not mount tracefs at /sys/kernel/tracing" >&2
fi

multiarch=$(gcc -print-multiarch 2>/dev/null)
[ -n "$multiarch" ] || multiarch=x86_64-linux-gnu
headers=$(cd "$(dirname "$0")/../../headers" && pwd)

compile() { # SOURCE OBJECT
	clang -O2 -g -target bpf -D__TARGET_ARCH_x86 -I "$vmlinux_dir" -I "$headers" \
		-idirafter "/usr/include/$multiarch" -c "$1" -o "$2" 2>"$tmp/cc.log" && return 0
	failed "$1: does not compile"
	cat "$tmp/cc.log"
	return 1
}

# NAME RULE WHERE. WHERE is where the error must be:
#   expect     the line of the `// expect: ... RULE` comment
#   expect+N   N lines below it (the kernel's failing instruction is there)
#   object     no line: the object itself (libbpf refused before any program)
cases="
flow_xdp_proto_stats		null-deref		expect
flow_tp_exec_events		null-deref		expect
pkt_xdp_ethertype_filter	pkt-bounds		expect
pkt_tc_tcp_prio			pkt-bounds		expect
helper_xdp_skb_load_bytes	helper-type		expect
helper_uretprobe_copy_from_user	helper-sleepable	expect
xdp_icmp_log			license-gpl		expect
flow_xdp_pkt_sample		ringbuf-leak		expect
flow_tp_openat_events		ringbuf-leak		expect
flow_xdp_skc_stray		sk-release		expect
flow_tc_sk_listener		sk-release		expect
ctx_tc_snaplen			ctx-access		expect
ctx_tc_cb_stage			ctx-var-offset		expect
stack_chain_xdp			stack-size		expect
maps_key_port_width		map-key			expect
maps_kind_redirect_hash		map-kind		expect
maps_kind_ringbuf_swap		map-kind		expect
flow_kprobe_exit_ppid		kernel-deref		expect
bind4_ports			return-range		expect+1
tp_btf_wakeup_target		btf-target		expect+1
xdp_port_filter			section-name		expect+1
kfunc_task_from_pid		kfunc-unknown		object
maps_def_array_key		map-def			object
"
# Why not at the `// expect:` line:
# - bind4_ports: the verifier fails at the exit instruction, whose line info
#   is the function's closing brace on the line after the `return`.
# - tp_btf_wakeup_target, xdp_port_filter: libbpf refuses before the verifier
#   runs, so there is no instruction; the error goes to the program's first
#   line, its function, which is on the line after SEC().
# - kfunc_task_from_pid, maps_def_array_key: libbpf refuses the object (an
#   extern, a map) before any program: there is no program line to give.

n=0
while read -r name rule where; do
	[ -n "$name" ] || continue
	n=$((n + 1))
	bad=check/bad/$name.bpf.c
	good=check/good/$name.bpf.c
	obj=$tmp/$name.o
	compile "$bad" "$obj" || continue

	kernel=$(grep -m1 -E '^//[[:space:]]*kernel:[[:space:]]*refuses' "$bad" |
		sed -nE 's@^[^"]*"(.*)"[[:space:]]*$@\1@p')
	[ -n "$kernel" ] || { failed "$bad: no '// kernel: refuses' header"; continue; }
	expect=$(grep -n -m1 -E "//[[:space:]]*expect:[[:space:]]*(error|warning)[[:space:]]+$rule\b" "$bad" |
		cut -d: -f1)
	[ -n "$expect" ] || { failed "$bad: no '// expect: ... $rule' comment"; continue; }

	"$bpfgen" verify "$obj" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne 1 ]; then
		failed "$bad: exit status $rc, expected 1"
		cat "$tmp/out" "$tmp/err"
		continue
	fi
	head=$(grep -m1 ': error: .*\[verifier\]$' "$tmp/out")
	case $where in
	expect) want="check/bad/$name.bpf.c:$expect:" ;;
	expect+*) want="check/bad/$name.bpf.c:$((expect + ${where#expect+})):" ;;
	object) want="$obj: error:" ;;
	esac
	ok=1
	if [[ "$head" != *"$want"* ]]; then
		failed "$bad: the error is not at '$want'"
		ok=0
	fi
	if [[ "$head" != *"$kernel"* ]]; then
		failed "$bad: the error does not quote the kernel's \"$kernel\""
		ok=0
	fi
	if ! grep -qF "bpfgen check looks for this mistake at build time: [$rule]" "$tmp/out"; then
		failed "$bad: the rule named is not [$rule]"
		ok=0
	fi
	if ! grep -q '^note: ' "$tmp/out"; then
		failed "$bad: no explanation"
		ok=0
	fi
	[ $ok -eq 1 ] || { echo "--- bpfgen verify $obj"; cat "$tmp/out"; echo "---"; }

	if compile "$good" "$tmp/good_$name.o"; then
		"$bpfgen" verify "$tmp/good_$name.o" >"$tmp/out" 2>&1
		rc=$?
		if [ $rc -ne 0 ]; then
			failed "$good: exit status $rc, expected 0"
			cat "$tmp/out"
		fi
	fi
done <<<"$cases"

# Every program of an object is reported, not only the first that fails
# (libbpf stops at the first): one object, two refused programs and one that
# loads between them.
# (a hash map: Linux 6.18 knows that an array lookup with a constant key in
# range cannot fail, and accepts it unchecked)
cat >"$tmp/multi.bpf.c" <<'EOF'
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} counts SEC(".maps");
SEC("xdp")
int first(struct xdp_md *ctx)
{
	__u32 key = 0;
	__u64 *v = bpf_map_lookup_elem(&counts, &key);
	return *v ? XDP_PASS : XDP_DROP; /* line 14 */
}
SEC("xdp")
int fine(struct xdp_md *ctx)
{
	return XDP_PASS;
}
SEC("xdp")
int second(struct xdp_md *ctx)
{
	__u32 key = 0;
	__u64 *v = bpf_map_lookup_elem(&counts, &key);
	*v += 1; /* line 26 */
	return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
EOF
if compile "$tmp/multi.bpf.c" "$tmp/multi.o"; then
	"$bpfgen" verify "$tmp/multi.o" >"$tmp/out" 2>&1
	rc=$?
	[ $rc -eq 1 ] || failed "two refused programs: exit status $rc, expected 1"
	grep -q "multi.bpf.c:14:[0-9]*: error: .*map_value_or_null" "$tmp/out" ||
		failed "two refused programs: program 'first' not reported at line 14"
	grep -q "multi.bpf.c:26:[0-9]*: error: .*map_value_or_null" "$tmp/out" ||
		failed "two refused programs: program 'second' not reported at line 26"
	[ "$(grep -c ': error: ' "$tmp/out")" -eq 2 ] || failed "two refused programs: not two errors"
	[ $fail -eq 0 ] || cat "$tmp/out"
fi

# Two refused objects at once, and -v prints each whole log.
"$bpfgen" verify -v "$tmp/flow_xdp_proto_stats.o" "$tmp/pkt_tc_tcp_prio.o" >"$tmp/out" 2>&1
rc=$?
[ $rc -eq 1 ] || failed "two refused objects: exit status $rc, expected 1"
[ "$(grep -c ': error: .*\[verifier\]$' "$tmp/out")" -eq 2 ] || failed "two refused objects: not two errors"
[ "$(grep -c '^processed [0-9]* insns' "$tmp/out")" -eq 2 ] || failed "-v: not two whole logs"
# a refused and a loading object: still 1
"$bpfgen" verify "$tmp/good_flow_xdp_proto_stats.o" "$tmp/flow_xdp_proto_stats.o" >/dev/null 2>&1
[ $? -eq 1 ] || failed "a good and a bad object: exit status is not 1"

# JSON: one document, the same facts
"$bpfgen" verify --format json "$tmp/flow_xdp_skc_stray.o" "$tmp/good_flow_xdp_skc_stray.o" >"$tmp/out" 2>&1
rc=$?
[ $rc -eq 1 ] || failed "json: exit status $rc, expected 1"
if command -v python3 >/dev/null; then
	python3 - "$tmp/out" <<'EOF' || failed "json: unexpected document (above)"
import json, sys
doc = json.load(open(sys.argv[1]))
bad, good = doc["results"]
assert bad["loaded"] is False and bad["rule"] == "sk-release", bad
assert bad["file"].endswith("check/bad/flow_xdp_skc_stray.bpf.c") and bad["line"] > 0, bad
assert "Unreleased reference" in bad["message"] and bad["insn"] >= 0, bad
assert good["loaded"] is True, good
EOF
fi

# A program type this kernel refuses outright (fentry: EPERM before the
# verifier) is a refusal, exit 1, with the kernel's words; a kernel that
# loads fentry programs passes too.
if compile check/good/fentry_unlink.bpf.c "$tmp/fentry.o"; then
	"$bpfgen" verify "$tmp/fentry.o" >"$tmp/out" 2>&1
	rc=$?
	if [ $rc -eq 1 ]; then
		grep -q 'fentry_unlink.bpf.c:[0-9]*:[0-9]*: error: .*Operation not permitted \[verifier\]' \
			"$tmp/out" || { failed "fentry refused: not reported at its program"; cat "$tmp/out"; }
	elif [ $rc -ne 0 ]; then
		failed "fentry: exit status $rc, expected 1 (refused) or 0"
	fi
fi

# The library. A plain object: libbpf 1.1 keeps no way back to its ELF, so
# the line is the log's annotation (no column; the caret goes under the
# statement's start) and the path comes from the object's BTF strings. A
# skeleton embeds its ELF: path, line and column from the BTF line info.
lib() { # MODE OBJ WANT_EXIT KEY=VALUE...
	local mode=$1 obj=$2 want=$3 kv
	shift 3
	"$loader" "$mode" "$obj" >"$tmp/lib" 2>&1
	rc=$?
	if [ $rc -ne "$want" ]; then
		failed "$loader $mode $obj: exit status $rc, expected $want"
		cat "$tmp/lib"
		return
	fi
	for kv in "$@"; do
		grep -qxE -- "$kv" "$tmp/lib" || { failed "$loader $mode $obj: no line '$kv'"; cat "$tmp/lib"; }
	done
}
lib obj "$tmp/flow_xdp_pkt_sample.o" 1 "e.err=-22" "prog=xdp_sampler" \
	"file=.*check/bad/flow_xdp_pkt_sample.bpf.c" "line=32" "col=0" "insn=10" \
	"rule=ringbuf-leak" "message=Unreleased reference.*reference leak" "log_has_summary=1" \
	".*check/bad/flow_xdp_pkt_sample.bpf.c:32:1: error: Unreleased reference .*\[verifier\]" \
	"	s = bpf_ringbuf_reserve.*" "	\^"
lib skel "$tmp/flow_xdp_pkt_sample.o" 1 "prog=xdp_sampler" \
	"file=.*check/bad/flow_xdp_pkt_sample.bpf.c" "line=32" "col=6" "insn=10" \
	"	s = bpf_ringbuf_reserve.*" "	    \^" \
	"note: bpfgen check looks for this mistake at build time: \[ringbuf-leak\]"
lib skel "$tmp/maps_def_array_key.o" 1 "e.err=-22" "prog=" "rule=map-def" "insn=-1" \
	"message=map 'config': failed to create: Invalid argument\(-22\)" "log_has_summary=0"
lib obj "$tmp/good_flow_xdp_pkt_sample.o" 0 "err=0"
lib skel "$tmp/good_flow_xdp_pkt_sample.o" 0 "err=0"

if [ $fail -ne 0 ]; then
	exit 1
fi
echo "PASS: bpfgen verify: $n refused objects at their lines, their good twins load"
exit 0
