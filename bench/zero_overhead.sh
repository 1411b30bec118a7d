#!/usr/bin/env bash
# zero_overhead.sh [CLANG] [VMLINUX_DIR]
#
# The typed layer's zero-overhead claim, measured: every program of
# tests/typed/good/X.bpf.c and its hand-written libbpf twin
# tests/typed/twins/X.bpf.c (same logic, plain libbpf) are compiled with the
# same flags, and the BPF instructions of each program function are counted
# (llvm-objdump -d; a 64-bit immediate load counts as one instruction).
# As root, each program is also loaded and its instructions after the
# verifier (bpftool prog dump xlated) are counted: the difference must be the
# same there. Prints a table; exits 1 if a program differs from its twin by anything but
# a difference recorded in KNOWN below (which says why), 2 on a usage or
# compile error.
set -u
export LC_ALL=C
CLANG=${1:-clang}
top=$(cd "$(dirname "$0")/.." && pwd)
VMLINUX_DIR=${2:-$top/build/vmlinux}
OBJDUMP=${OBJDUMP:-$(command -v llvm-objdump-14 || command -v llvm-objdump)}
if [ -z "$OBJDUMP" ] || [ ! -r "$VMLINUX_DIR/vmlinux.h" ]; then
	echo "usage: $0 [CLANG] [VMLINUX_DIR] (needs llvm-objdump and VMLINUX_DIR/vmlinux.h)" >&2
	exit 2
fi

# FILE:PROGRAM TYPED-TWIN  reason. Every difference must be here, and every
# line here must still be the measured difference.
KNOWN=$(cat <<'END'
iter_tasks:dump_tasks -1 the twin reads ctx->meta again for meta->seq_num after the test of task; bpfgen_iter_seq() and bpfgen_iter_seq_num() load the meta pointer once before it (the same loads, one fewer)
flow_dissector_ports:flow_ports +1 bpfgen_ptr_at reads skb->data and data_end at each call, after the stores to the flow keys, which clang cannot prove do not alias the context; the twin reads them once at the start
syscall_sum:sum_values +3 clang 14 keeps the sum in two registers across the unrolled loop of the always-inline body (three "r3 = r4" copies); the loads, adds and branches are the twin's
xdp_proto_stats:xdp_proto_stats -2 bpfgen_ptr_at tests data_end >= end rather than end > data_end, so clang lays out the parse as fall-through blocks and skips the twin's separate "r2 = 9; r1 += r2" offset add
accessors:cgroup_skb_all +1 bpfgen_ptr_at at the declaration, its NULL test 4 statements later: clang keeps the result in a register and tests it there (1 compare); the twin tests data_end at the use
accessors:sk_skb_all +1 same as cgroup_skb_all
xdp_dns_var_offset:xdp_dns_var_offset +4 bpfgen_ptr_at measures every offset from the packet start, so data stays live for the second pointer (one register copy, one add); the twin adds the IP header length to iph, the data + 14 it already holds; and its "udp->dest == 53 ? BPFGEN_XDP_DROP : BPFGEN_XDP_PASS" chooses between two typed actions, which C makes a struct copy: clang 14 returns such structs through memory and emits a branch per arm where the twin gets one select (two "r0 = 2" more)
END
)

multiarch=$(gcc -print-multiarch 2>/dev/null)
[ -n "$multiarch" ] || multiarch=x86_64-linux-gnu
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zero_overhead.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# "function count" for every function of OBJ with instructions.
count() {
	"$OBJDUMP" -d --no-show-raw-insn "$1" | awk '
		/^[0-9a-f]+ <[^>]+>:$/ {
			name = $2; gsub(/[<>:]/, "", name)
			if (name !~ /^LBB/) fn = name
			next
		}
		/^ +[0-9]+:\t/ && fn != "" { n[fn]++ }
		END { for (f in n) print f, n[f] }' | sort
}

compile() {
	"$CLANG" -O2 -g -target bpf -Werror -D__TARGET_ARCH_x86 -I "$top/headers" \
		-I "$VMLINUX_DIR" -idirafter "/usr/include/$multiarch" -c "$1" -o "$2"
}

# "program count" of the instructions the verifier leaves (bpftool prog dump
# xlated) for each program of OBJ loaded into the running kernel: root only,
# and nothing for objects this kernel refuses (fentry, lsm here).
BPFTOOL=${BPFTOOL:-$(command -v bpftool || echo /usr/sbin/bpftool)}
xlated() {
	local dir
	[ "$(id -u)" = 0 ] && [ -x "$BPFTOOL" ] || return 0
	[ "$(stat -f -c %T /sys/fs/bpf 2>/dev/null)" = bpf_fs ] ||
		mount -t bpf bpf /sys/fs/bpf 2>/dev/null || return 0
	dir=$(mktemp -d /sys/fs/bpf/zero_overhead_XXXXXX) || return 0	# bpffs names take no dot
	if "$BPFTOOL" prog loadall "$1" "$dir" > /dev/null 2>&1; then
		for pin in "$dir"/*; do
			[ -e "$pin" ] || continue
			printf '%s %s\n' "$(basename "$pin")" \
				"$("$BPFTOOL" prog dump xlated pinned "$pin" | grep -cE '^ *[0-9]+: ')"
		done | sort
	fi
	rm -rf "$dir"
}

fail=0
printf '%-24s %-24s %6s %6s %6s %6s %6s  %s\n' FILE PROGRAM TYPED TWIN DELTA XTYPED XTWIN NOTE
for twin in "$top"/tests/typed/twins/*.bpf.c; do
	base=$(basename "$twin" .bpf.c)
	if [ ! -f "$top/tests/typed/good/$base.bpf.c" ]; then
		echo "error: twin '$base' has no typed program in tests/typed/good" >&2
		fail=1
	fi
done
for typed in "$top"/tests/typed/good/*.bpf.c; do
	base=$(basename "$typed" .bpf.c)
	twin=$top/tests/typed/twins/$base.bpf.c
	if [ ! -f "$twin" ]; then
		echo "error: typed program '$base' has no libbpf twin in tests/typed/twins" >&2
		fail=1
		continue
	fi
	compile "$typed" "$tmp/typed.o" || exit 2
	compile "$twin" "$tmp/twin.o" || exit 2
	count "$tmp/typed.o" >"$tmp/typed.n"
	count "$tmp/twin.o" >"$tmp/twin.n"
	xlated "$tmp/typed.o" >"$tmp/typed.x"
	xlated "$tmp/twin.o" >"$tmp/twin.x"
	if [ "$(cut -d' ' -f1 "$tmp/typed.n")" != "$(cut -d' ' -f1 "$tmp/twin.n")" ]; then
		echo "error: '$base': the typed program and its twin define different functions" >&2
		fail=1
		continue
	fi
	while read -r fn a b; do
		delta=$((a - b))
		known=$(printf '%s\n' "$KNOWN" | awk -v k="$base:$fn" '$1 == k { $1 = ""; print substr($0, 2) }')
		kdelta=${known%% *}
		note=${known#* }
		if [ -z "$known" ]; then
			kdelta=0
			note=-
		fi
		if [ "$delta" -ne "$kdelta" ]; then
			note="FAIL: expected delta $kdelta"
			fail=1
		fi
		xa=$(awk -v f="$fn" '$1 == f { print $2 }' "$tmp/typed.x")
		xb=$(awk -v f="$fn" '$1 == f { print $2 }' "$tmp/twin.x")
		# after the verifier's rewriting the difference must stay the same
		if [ -n "$xa" ] && [ -n "$xb" ] && [ $((xa - xb)) -ne "$delta" ]; then
			note="FAIL: xlated delta $((xa - xb)), object delta $delta"
			fail=1
		fi
		printf '%-24s %-24s %6d %6d %+6d %6s %6s  %s\n' "$base" "$fn" "$a" "$b" "$delta" \
			"${xa:--}" "${xb:--}" "$note"
	done < <(join "$tmp/typed.n" "$tmp/twin.n")
done
exit $fail
