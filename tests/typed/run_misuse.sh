#!/usr/bin/env bash
# run_misuse.sh CLANG BPFGEN LOADER VMLINUX_DIR FILE MODE [RUNNER]
#
# One misuse case of the typed layer (tests/typed/misuse/*.bpf.c): a single
# file holding the bad program under `#ifdef BPFGEN_TEST_BAD` and its
# corrected twin in `#else`; the misuse is on the one line that ends in
# `// BAD`. Header lines of FILE:
#   // bpfgen-test: DESCRIPTION
#   // class: CLASS
#   // kernel: loads | run | skip "REASON"   what the good twin does on this
#                                        kernel (run: its `// kernel-run:`
#                                        lines, run_kernel.sh with RUNNER)
#   // stages: cc check gen              the stages that must stop the bad
#                                        variant (default: cc check)
#   // expect: TEXT                      (any number) TEXT must appear in an
#                                        error message of some stage
# MODE:
#   bad   with -DBPFGEN_TEST_BAD, each stage named by `stages:` must give an
#         `error:` at FILE:LINE of the `// BAD` line. The stages:
#           cc     clang -O2 -g -target bpf, with no warning flags at all (the
#                  flags of a Makefile copied from libbpf-bootstrap);
#           check  bpfgen check FILE -- -DBPFGEN_TEST_BAD ...;
#           gen    bpfgen gen on the object cc wrote (only when FILE includes
#                  bpfgen/log.h and cc produced an object).
#         An error only inside a header (bpfgen/*.h) or at another line does
#         not count. The line `STAGES: ...` printed at the end gives, per stage,
#         line | header | other | none | n/a (measure_misuse.sh reads it; ccw
#         is clang with the flags of bpfgen_add_bpf_object()).
#   good  without the define: compiles with the plain flags and with -Wall
#         -Werror, bpfgen check prints nothing and exits 0, and bpfgen gen
#         succeeds when FILE logs.
#   load  the good twin's object does on the running kernel what `kernel:`
#         says (tests/typed/run_good.sh load, tests/kernel/loader.c).
# Exit: 0 pass, 1 fail, 77 skip (reason printed), 2 usage.
set -u
export LC_ALL=C
if [ $# -ne 6 ] && [ $# -ne 7 ]; then
	echo "usage: $0 CLANG BPFGEN LOADER VMLINUX_DIR FILE bad|good|load [RUNNER]" >&2
	exit 2
fi
clang=$1 bpfgen=$2 loader=$3 vmlinux_dir=$4 file=$5 mode=$6 runner=${7:-}
here=$(cd "$(dirname "$0")" && pwd)
headers=$(cd "$here/../../headers" && pwd)

if [ ! -r "$file" ]; then
	echo "FAIL: $file: cannot read"
	exit 1
fi
multiarch=$(gcc -print-multiarch 2>/dev/null)
[ -n "$multiarch" ] || multiarch=x86_64-linux-gnu
tmp=$(mktemp -d "${TMPDIR:-/tmp}/run_misuse.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

plain=(-O2 -g -target bpf -D__TARGET_ARCH_x86 -I "$headers" -I "$vmlinux_dir"
	-idirafter "/usr/include/$multiarch")
# cmake/bpfgen.cmake, bpfgen_add_bpf_object()
cmake_warn=(-Wall -Werror=incompatible-pointer-types -Werror=int-conversion -Werror=format)
check_args=(-I "$headers" -I "$vmlinux_dir" -D__TARGET_ARCH_x86)

uses_log=0
grep -qE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]bpfgen/log\.h[>"]' "$file" && uses_log=1

# Lines of OUT that are errors at FILE:LINE (any column, or none as gen
# prints), and errors anywhere else. Paths match FILE as given or as a suffix.
errors_at() { # OUT LINE -> prints "line", "header", "other" or "none"
	awk -v file="$file" -v want="$2" '
		match($0, /^[^ :]+:[0-9]+(:[0-9]+)?: (fatal error|error): /) {
			head = substr($0, 1, RLENGTH)
			sub(/: (fatal error|error): $/, "", head)
			n = split(head, f, ":")
			path = f[1]; line = f[2]
			if (path == file || substr(path, length(path) - length(file)) == "/" file) {
				if (line == want) at = 1; else other = 1
			} else if (path ~ /bpfgen\/[^\/]*\.h$/) {
				hdr = 1
			} else {
				other = 1
			}
		}
		END {
			if (at) print "line"
			else if (hdr) print "header"
			else if (other) print "other"
			else print "none"
		}
	' "$1"
}

case $mode in
bad)
	n=$(grep -cE '//[[:space:]]*BAD[[:space:]]*$' "$file")
	if [ "$n" -ne 1 ]; then
		echo "FAIL: $file: $n lines end in '// BAD', want exactly one"
		exit 1
	fi
	badline=$(grep -nE '//[[:space:]]*BAD[[:space:]]*$' "$file" | cut -d: -f1)
	stages=$(sed -nE 's@^//[[:space:]]*stages:[[:space:]]*(.*)$@\1@p' "$file" | head -1)
	[ -n "$stages" ] || stages="cc check"
	for s in $stages; do
		case $s in
		cc|check|gen) ;;
		*) echo "FAIL: $file: unknown stage '$s' in '// stages:'"; exit 1 ;;
		esac
	done

	"$clang" "${plain[@]}" -DBPFGEN_TEST_BAD -c "$file" -o "$tmp/bad.o" >"$tmp/cc.log" 2>&1
	cc_rc=$?
	r_cc=$(errors_at "$tmp/cc.log" "$badline")
	"$clang" "${plain[@]}" "${cmake_warn[@]}" -DBPFGEN_TEST_BAD -c "$file" -o "$tmp/badw.o" \
		>"$tmp/ccw.log" 2>&1
	r_ccw=$(errors_at "$tmp/ccw.log" "$badline")
	"$bpfgen" check "$file" -- -DBPFGEN_TEST_BAD "${check_args[@]}" >"$tmp/check.log" 2>&1
	check_rc=$?
	r_check=$(errors_at "$tmp/check.log" "$badline")
	if [ "$r_check" = none ] && [ $check_rc -ne 0 ] && [ $check_rc -ne 1 ]; then
		r_check=other	# check could not do its job: not a diagnostic at the line
	fi
	r_gen=n/a
	: >"$tmp/gen.log"
	if [ $uses_log -eq 1 ] && [ $cc_rc -eq 0 ]; then
		"$bpfgen" gen "$tmp/bad.o" -n misuse -o "$tmp/bad.bpfgen.h" >"$tmp/gen.log" 2>&1
		r_gen=$(errors_at "$tmp/gen.log" "$badline")
	fi

	fail=0
	for s in $stages; do
		eval "r=\$r_$s"
		if [ "$r" != line ]; then
			fail=1
			echo "FAIL: $file:$badline: stage $s does not report an error at the line ($r)"
		fi
	done
	while IFS= read -r want; do
		[ -n "$want" ] || continue
		if ! cat "$tmp/cc.log" "$tmp/check.log" "$tmp/gen.log" | grep -E 'error:' |
			grep -qF -- "$want"; then
			fail=1
			echo "FAIL: $file: no error message says: $want"
		fi
	done < <(sed -nE 's@^//[[:space:]]*expect:[[:space:]]*(.*[^[:space:]])[[:space:]]*$@\1@p' "$file")
	if [ $fail -ne 0 ]; then
		for s in cc check gen; do
			[ -s "$tmp/$s.log" ] || continue
			echo "--- $s"
			grep -E '(error|warning):' "$tmp/$s.log" | head -20
		done
	else
		echo "PASS: $file:$badline: stopped by: $stages"
	fi
	echo "STAGES: cc=$r_cc ccw=$r_ccw check=$r_check gen=$r_gen"
	# "// known-miss: WHY": a gap said out loud, skipped while it stays a
	# gap, and a failure once it is caught (then the line must go)
	miss=$(sed -nE 's@^//[[:space:]]*known-miss:[[:space:]]*(.*)$@\1@p' "$file" | head -1)
	if [ -n "$miss" ]; then
		if [ $fail -ne 0 ]; then
			echo "SKIP: not caught yet: $miss"
			exit 77
		fi
		echo "FAIL: $file: caught now: remove its '// known-miss:' line"
		exit 1
	fi
	exit $fail
	;;
good)
	if ! "$clang" "${plain[@]}" -c "$file" -o "$tmp/good.o" >"$tmp/cc.log" 2>&1; then
		echo "FAIL: $file: the good twin does not compile:"
		cat "$tmp/cc.log"
		exit 1
	fi
	if ! "$clang" "${plain[@]}" -Wall -Werror -c "$file" -o "$tmp/goodw.o" >"$tmp/ccw.log" 2>&1; then
		echo "FAIL: $file: the good twin does not compile with -Wall -Werror:"
		cat "$tmp/ccw.log"
		exit 1
	fi
	"$bpfgen" check "$file" -- "${check_args[@]}" >"$tmp/check.log" 2>&1
	rc=$?
	if [ $rc -ne 0 ] || [ -s "$tmp/check.log" ]; then
		echo "FAIL: $file: bpfgen check reports something on the good twin (exit $rc):"
		cat "$tmp/check.log"
		exit 1
	fi
	if [ $uses_log -eq 1 ]; then
		if ! "$bpfgen" gen "$tmp/good.o" -n misuse -o "$tmp/good.bpfgen.h" >"$tmp/gen.log" 2>&1; then
			echo "FAIL: $file: bpfgen gen refuses the good twin's object:"
			cat "$tmp/gen.log"
			exit 1
		fi
	fi
	echo "PASS: $file: the good twin compiles with -Wall -Werror and bpfgen check is silent"
	exit 0
	;;
load)
	header=$(grep -m1 -E '^//[[:space:]]*kernel:' "$file")
	case $header in
	*"kernel: loads"*|*"kernel: skip"*|*"kernel: run"*) ;;
	*) echo "FAIL: $file: no '// kernel: loads|run|skip \"REASON\"' line"; exit 1 ;;
	esac
	if [ "$(id -u)" -ne 0 ]; then
		echo "SKIP: loading BPF programs needs root"
		exit 77
	fi
	case $header in
	*"kernel: run"*)
		if [ -z "$runner" ]; then
			echo "FAIL: $file: '// kernel: run' needs the RUNNER argument"
			exit 1
		fi
		exec bash "$here/run_kernel.sh" "$clang" "$runner" "$vmlinux_dir" "$file"
		;;
	esac
	if ! "$clang" "${plain[@]}" -c "$file" -o "$tmp/good.o" >"$tmp/cc.log" 2>&1; then
		echo "FAIL: $file: the good twin does not compile:"
		cat "$tmp/cc.log"
		exit 1
	fi
	"$loader" "$tmp/good.o" >"$tmp/out" 2>&1
	rc=$?
	case $header in
	*"kernel: loads"*)
		if [ $rc -ne 0 ]; then
			echo "FAIL: $file: the good twin must load, loader exited $rc:"
			cat "$tmp/out"
			exit 1
		fi
		echo "PASS: $file: the good twin loads"
		exit 0
		;;
	*)
		if [ $rc -ne 0 ] && grep -qE -- 'Operation not permitted|error -1\b' "$tmp/out"; then
			echo "SKIP: ${header#*skip }"
			exit 77
		fi
		echo "FAIL: $file: marked skip, but this kernel gets further (loader exit $rc):"
		cat "$tmp/out"
		exit 1
		;;
	esac
	;;
*)
	echo "usage: $0 CLANG BPFGEN LOADER VMLINUX_DIR FILE bad|good|load" >&2
	exit 2
	;;
esac
