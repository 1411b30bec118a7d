#!/usr/bin/env bash
# tests/kernel/vm/test.sh BPFGEN VMPROBE LOADER VMLINUX_DIR: boot Linux 6.1 in
# qemu (run.sh) and hold what bpfgen says about 6.1 against what 6.1 does:
#   - the probe in the VM measures the table codegen/tables/kernel_linux_6_1.c
#     holds (`bpfgen probe --compare`);
#   - every file of the checker corpus loads or is refused in the VM as its
#     `// kernel 6.1: loads|refuses "TEXT"` line says, or, without one, as its
#     `// kernel:` line says for 6.18, message aside (a `skip` good file
#     loads, a bad one is refused: 6.1 loads fentry and lsm, which 6.18 here
#     refuses before verifying);
#   - `bpfgen check --target-kernel 6.1` reports kernel-version on exactly the
#     good files that 6.18 loads and 6.1 refuses.
# Exit: 0 pass, 1 fail, 77 skipped (run.sh says why).
set -u
bpfgen=$(realpath "${1:?usage: test.sh BPFGEN VMPROBE LOADER VMLINUX_DIR}")
here=$(cd "$(dirname "$0")" && pwd)
tests=$(cd "$here/../.." && pwd)
out=${BPFGEN_VM_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/bpfgen-vm-out.XXXXXX")}
rc=0
bash "$here/run.sh" --probe "$2" --loader "$3" --vmlinux-dir "$4" --out "$out" || rc=$?
[ $rc = 0 ] || exit $rc
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

"$bpfgen" probe --compare 6.1 --kernel-table "$out/probe.json" \
	> "$out/compare.txt" 2>&1 || fail "the 6.1 table differs from the VM's measurement:$(sed 's/^/\n    /' "$out/compare.txt")"

nfiles=0 nloads=0 nversion=0 nclaims=0
for f in "$tests"/check/good/*.c "$tests"/check/bad/*.c; do
	h18=$(grep -m1 -E '^//[[:space:]]*kernel:' "$f") || continue
	kind=$(basename "$(dirname "$f")")
	name=${kind}_$(basename "$f" .c)
	v18=$(printf '%s\n' "$h18" | sed -E 's@^//[[:space:]]*kernel:[[:space:]]*([a-z]+).*@\1@')
	h61=$(grep -m1 -E '^//[[:space:]]*kernel 6\.1:' "$f" || true)
	if [ -n "$h61" ]; then
		v61=$(printf '%s\n' "$h61" | sed -E 's@^//[[:space:]]*kernel 6\.1:[[:space:]]*([a-z]+).*@\1@')
		text=$(printf '%s\n' "$h61" | sed -nE 's@^[^"]*"(.*)"[[:space:]]*$@\1@p')
	else
		# 6.1 words many refusals otherwise ("should have been in (0x0; 0x1)"):
		# without a line of its own, refused is all that is asked
		v61=$v18 text=''
		[ "$v18" = skip ] && { [ "$kind" = good ] && v61=loads || v61=refuses; }
	fi
	[ "$v61" = loads ] && text=''
	got=$(awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$out/loads.tsv")
	nfiles=$((nfiles + 1))
	if [ -z "$got" ]; then
		fail "$name: not loaded in the VM (did it compile?)"
		continue
	fi
	if [ "$v61" = loads ] && [ "$got" != 0 ]; then
		fail "$name: 6.1 should load it, the loader exited $got:$(tail -n 4 "$out/loads/$name.out" | sed 's/^/\n    /')"
	elif [ "$v61" = refuses ] && [ "$got" = 0 ]; then
		fail "$name: 6.1 should refuse it${text:+ (\"$text\")}, it loaded"
	elif [ "$v61" = refuses ] && [ -n "$text" ] && ! grep -qF -- "$text" "$out/loads/$name.out"; then
		fail "$name: refused, but not with \"$text\":$(tail -n 4 "$out/loads/$name.out" | sed 's/^/\n    /')"
	else
		nloads=$((nloads + 1))
	fi
	# the version rule: a good file 6.18 loads and 6.1 refuses, and only those
	[ "$kind" = good ] && [ "$v18" != refuses ] || continue
	want=0
	[ "$v61" = refuses ] && want=1 && nclaims=$((nclaims + 1))
	n=$("$bpfgen" check --target-kernel 6.1 "$f" -- -I "$4" -I "$tests/../headers" 2>&1 |
		grep -c '\[kernel-version\]')
	if [ $((n > 0)) != "$want" ]; then
		fail "$name: check --target-kernel 6.1 gives $n kernel-version errors, 6.1 $( [ $want = 1 ] && echo refuses || echo loads) it"
	else
		nversion=$((nversion + 1))
	fi
done
echo "vm: $nloads/$nfiles corpus files load or are refused on 6.1 as their headers say"
echo "vm: check --target-kernel 6.1 agrees with 6.1 on $nversion good files ($nclaims refused by 6.1 and reported)"
cat "$out/times.txt"
[ -n "${BPFGEN_VM_OUT:-}" ] || rm -rf "$out"
[ $fails = 0 ] || { echo "$fails failures"; exit 1; }
echo PASS
