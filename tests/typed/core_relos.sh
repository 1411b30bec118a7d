#!/usr/bin/env bash
# core_relos.sh CLANG VMLINUX_DIR FILE [LOADER]
#
# A CO-RE read of the typed layer stays CO-RE: FILE compiled with plain
# `clang -O2 -g -target bpf` has CO-RE field relocations in .BTF.ext whose
# access strings ("0:N": member N of the struct) are exactly those of its
# `// core-relos: 0:0 0:2 ...` line (clang relocates a field once however
# many reads share it), and FILE compiled with -DBPFGEN_TEST_PLAIN (the same
# reads without CO-RE) has none, so a reader that always found them would
# fail there. With LOADER (tests/kernel/loader.c) and root, the object
# loads and libbpf patches every relocation against the running kernel's
# BTF (its debug log says "relo #N: patched insn").
# Exit: 0 pass, 1 fail, 2 usage.
set -u
export LC_ALL=C
if [ $# -ne 3 ] && [ $# -ne 4 ]; then
	echo "usage: $0 CLANG VMLINUX_DIR FILE [LOADER]" >&2
	exit 2
fi
clang=$1 vmlinux_dir=$2 file=$3 loader=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
headers=$(cd "$here/../../headers" && pwd)
objcopy=$(command -v llvm-objcopy || command -v objcopy)
multiarch=$(gcc -print-multiarch 2>/dev/null)
[ -n "$multiarch" ] || multiarch=x86_64-linux-gnu
tmp=$(mktemp -d "${TMPDIR:-/tmp}/core_relos.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

want=$(sed -nE 's@^//[[:space:]]*core-relos:[[:space:]]*(.*[^[:space:]])[[:space:]]*$@\1@p' "$file" |
	head -1 | tr ' ' '\n' | sort -u | tr '\n' ' ')
if [ -z "$want" ]; then
	echo "FAIL: $file: no '// core-relos: ACCESS...' line"
	exit 1
fi
cflags=(-O2 -g -target bpf -D__TARGET_ARCH_x86 -I "$headers" -I "$vmlinux_dir"
	-idirafter "/usr/include/$multiarch")

u32() { # FILE OFFSET
	od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '
}

# the CO-RE relocations of OBJ, one "ACCESS_STRING" per line
relos() { # OBJ
	local obj=$1 ext=$tmp/btf.ext btf=$tmp/btf
	rm -f "$ext" "$btf"
	"$objcopy" --dump-section .BTF.ext="$ext" --dump-section .BTF="$btf" "$obj" "$tmp/copy.o" \
		2>/dev/null || return 0
	local hdr_len core_off core_len rec_size pos end sec_end n str_base
	hdr_len=$(u32 "$ext" 4)
	[ "$hdr_len" -ge 32 ] || return 0
	core_off=$(u32 "$ext" 24)
	core_len=$(u32 "$ext" 28)
	[ "$core_len" -gt 0 ] || return 0
	str_base=$(( $(u32 "$btf" 4) + $(u32 "$btf" 16) ))
	pos=$((hdr_len + core_off))
	end=$((pos + core_len))
	rec_size=$(u32 "$ext" $pos)
	pos=$((pos + 4))
	while [ $pos -lt $end ]; do
		n=$(u32 "$ext" $((pos + 4)))
		pos=$((pos + 8))
		sec_end=$((pos + n * rec_size))
		while [ $pos -lt $sec_end ]; do
			# struct bpf_core_relo: insn_off, type_id, access_str_off, kind
			local off
			off=$(u32 "$ext" $((pos + 8)))
			dd if="$btf" bs=1 skip=$((str_base + off)) count=32 2>/dev/null | tr '\0' '\n' | head -1
			pos=$((pos + rec_size))
		done
	done
}

fail=0
if ! "$clang" "${cflags[@]}" -c "$file" -o "$tmp/core.o" 2>"$tmp/cc.log"; then
	echo "FAIL: $file: does not compile"
	cat "$tmp/cc.log"
	exit 1
fi
relos "$tmp/core.o" >"$tmp/core.relos"
got=$(sort -u "$tmp/core.relos" | tr '\n' ' ')
if [ "$got" != "$want" ]; then
	echo "FAIL: $file: CO-RE relocations at '$got', want '$want'"
	fail=1
fi
if ! "$clang" "${cflags[@]}" -DBPFGEN_TEST_PLAIN -c "$file" -o "$tmp/plain.o" 2>"$tmp/cc.log"; then
	echo "FAIL: $file: the plain twin does not compile"
	cat "$tmp/cc.log"
	exit 1
fi
relos "$tmp/plain.o" >"$tmp/plain.relos"
plain=$(grep -c . "$tmp/plain.relos")
if [ "$plain" -ne 0 ]; then
	echo "FAIL: $file: the plain twin has $plain CO-RE relocations, want 0"
	fail=1
fi
if [ -n "$loader" ] && [ $fail -eq 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "note: not root: the relocations are not applied to this kernel"
	else
		n=$(grep -c . "$tmp/core.relos")
		LOADER_DEBUG=1 "$loader" "$tmp/core.o" >"$tmp/load.log" 2>&1
		rc=$?
		patched=$(grep -cE 'relo #[0-9]+: patched insn' "$tmp/load.log")
		if [ $rc -ne 0 ] || [ "$patched" -ne "$n" ]; then
			echo "FAIL: $file: loader exit $rc, $patched of $n relocations patched:"
			grep -E 'relo #|error' "$tmp/load.log" | head -20
			fail=1
		else
			echo "loaded: libbpf patched the $n relocations against this kernel's BTF"
		fi
	fi
fi
echo "relocations (access strings): $(tr '\n' ' ' <"$tmp/core.relos")"
[ $fail -eq 0 ] && echo "PASS: $file: CO-RE relocations at $got; the plain twin has none"
exit $fail
