#!/usr/bin/env bash
# run.sh NAME SECONDS [BUILD_DIR]
#
# Runs the libFuzzer target fuzz_NAME of BUILD_DIR (a tree configured with
# -DBPFGEN_FUZZ=ON; default: build-asan, the one scripts/test.sh builds) for
# SECONDS, from the checked-in seeds in corpus/NAME (for check: the files of
# tests/check that check.seeds names) and the words of
# NAME.dict. New inputs go to BUILD_DIR/fuzz/NAME/corpus, crashes to
# BUILD_DIR/fuzz/NAME/: nothing is written to the source tree. A crash input
# that is fixed belongs in corpus/NAME as a regression seed.
# Exit: 0 no crash, 1 a crash (or a leak, or a sanitizer report), 2 usage.
set -u
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
	echo "usage: $0 NAME SECONDS [BUILD_DIR]" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
name=$1 seconds=$2 build=${3:-$here/../../build-asan}
bin=$build/tests/fuzz/fuzz_$name
seeds=$here/corpus/$name
work=$build/fuzz/$name
# check's seeds are files of tests/check, named in check.seeds
if [ -f "$here/$name.seeds" ]; then
	mkdir -p "$work/seeds"
	grep -v '^#' "$here/$name.seeds" | while read -r f; do cp "$here/../$f" "$work/seeds/"; done
	# and the regression seeds: inputs that once failed
	[ -d "$seeds" ] && cp "$seeds"/* "$work/seeds/"
	seeds=$work/seeds
fi
if [ ! -x "$bin" ] || [ ! -d "$seeds" ]; then
	echo "$0: no $bin or no $seeds (configure with -DBPFGEN_FUZZ=ON, CC=clang)" >&2
	exit 2
fi
mkdir -p "$work/corpus"

# -close_fd_mask=3: libclang and bpfgen talk on every input; crash reports still show
opts=(-max_total_time="$seconds" -print_final_stats=1 -close_fd_mask=3 -artifact_prefix="$work/")
case $name in
# libclang parses each input: slow inputs are normal, its allocations are large
check) opts+=(-timeout=60 -rss_limit_mb=6144 -max_len=16384) ;;
compdb) opts+=(-timeout=10 -max_len=8192) ;;
*) opts+=(-timeout=10 -max_len=65536) ;;
esac
[ -f "$here/$name.dict" ] && opts+=(-dict="$here/$name.dict")

# a leak in one input is a failure (libFuzzer checks each input that mallocs
# more than it frees), except what a crash of libclang itself abandons
# (lsan.supp): its frames are only found by the slow unwinder
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
case $name in
check) export ASAN_OPTIONS=$ASAN_OPTIONS:fast_unwind_on_malloc=0
	export LSAN_OPTIONS=${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$here/lsan.supp ;;
esac
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

echo "fuzz_$name: ${seconds}s from $seeds (new inputs in $work/corpus)"
"$bin" "${opts[@]}" "$work/corpus" "$seeds" </dev/null >"$work/out" 2>"$work/log"
rc=$?
grep -aE '^(#[0-9]+.*(DONE|pulse)|stat::|INFO: (seed|Loaded))' "$work/log" | tail -n 12
if [ $rc -ne 0 ]; then
	tail -n 60 "$work/log"
	ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2>/dev/null |
		sed 's/^/failing input: /'
	exit 1
fi
exit 0
