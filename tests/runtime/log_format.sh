#!/usr/bin/env bash
# Log formats are checked at build time: clang's -Wformat (an error in
# bpfgen_add_bpf_object) for integers and pointers, and `bpfgen gen` for what
# clang cannot see: %pI4/%pI6/%pM sizes and a bare %p. Each bad call must be
# reported at its line; its good twin must pass.
# usage: log_format.sh BPFGEN CLANG HEADERS_DIR VMLINUX_DIR
set -u
bpfgen=$1 clang=$2 headers=$3 vmlinux=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

prog() { # NAME BODY_LINE: a program whose line 9 is BODY_LINE
	cat > "$tmp/$1.bpf.c" <<EOF2
#include "vmlinux.h"
#include <bpfgen/log.h>
char LICENSE[] SEC("license") = "GPL";
SEC("xdp")
int prog(struct xdp_md *ctx)
{
	__u32 v4 = 1; __u8 v6[16] = {}; __u8 mac[6] = {};
	char *s = 0; __u64 big = 1;
	$2
	return XDP_PASS;
}
EOF2
}
compile() {
	"$clang" -O2 -g -target bpf -D__TARGET_ARCH_x86 -Wall -Werror=format -I"$headers" \
		-I"$vmlinux" -c "$tmp/$1.bpf.c" -o "$tmp/$1.o" 2> "$tmp/$1.clang"
}
# gen NAME: expect exit EXPECT and, on error, a log-format diagnostic at line 9
gen() {
	"$bpfgen" gen "$tmp/$1.o" -n prog -o "$tmp/$1.h" 2> "$tmp/$1.gen"
}
expect_gen_error() { # NAME BODY NEEDLE
	prog "$1" "$2"
	if ! compile "$1"; then echo "FAIL $1: clang refused it:"; cat "$tmp/$1.clang"; fail=1; return; fi
	gen "$1"; rc=$?
	if [ $rc != 1 ] || ! grep -q "$1.bpf.c:9: error: log format .*$3.*\[log-format\]" "$tmp/$1.gen"; then
		echo "FAIL $1: gen exit $rc, wanted 1 and '$3' at line 9:"; cat "$tmp/$1.gen"; fail=1
	else
		echo "ok   $1: $(head -1 "$tmp/$1.gen")"
	fi
}
expect_clang_error() { # NAME BODY NEEDLE
	prog "$1" "$2"
	if compile "$1" || ! grep -q "$1.bpf.c:9:.*error: .*$3" "$tmp/$1.clang"; then
		echo "FAIL $1: clang did not refuse it at line 9 with '$3':"; cat "$tmp/$1.clang"; fail=1
	else
		echo "ok   $1: $(grep -m1 error: "$tmp/$1.clang")"
	fi
}
expect_pass() { # NAME BODY
	prog "$1" "$2"
	if ! compile "$1" || ! gen "$1"; then
		echo "FAIL $1: the good twin did not pass:"; cat "$tmp/$1.clang" "$tmp/$1.gen"; fail=1
	else
		echo "ok   $1"
	fi
}

expect_gen_error ipv6_of_4_bytes 'bpfgen_info(ctx, "addr %pI6", &v4);' "argument 1 is bytes of 4 bytes, but '%pI6' needs 16 bytes"
expect_pass      ipv6_good       'bpfgen_info(ctx, "addr %pI6", &v6);'
expect_gen_error mac_of_4_bytes  'bpfgen_info(ctx, "mac %pM", &v4);' "'%pM' needs 6 bytes"
expect_pass      mac_good        'bpfgen_info(ctx, "mac %pM", mac);'
expect_gen_error bare_pointer    'bpfgen_info(ctx, "at %p", &v4);' "would print an address"
expect_pass      hex_good        'bpfgen_info(ctx, "at %ph", &v4);'
expect_clang_error int_of_pointer 'bpfgen_info(ctx, "n %u", &v4);' "format specifies type 'unsigned int' but the argument has type '__u32 \*'"
expect_clang_error int_too_narrow 'bpfgen_info(ctx, "n %d", big);' "format specifies type 'int' but the argument has type '__u64'"
expect_pass      int_good        'bpfgen_info(ctx, "n %u %llu", v4, big);'
expect_clang_error missing_arg   'bpfgen_info(ctx, "n %u %u", v4);' "more '%' conversions than data arguments"
expect_pass      string_good     'bpfgen_info(ctx, "s %s", s);'
exit $fail
