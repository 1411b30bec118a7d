#!/usr/bin/env bash
# loop.sh [BUILD_DIR] [SECONDS]
#
# bpfgen_loop's figures (root): records per second through a ring buffer
# consumed by the loop (an XDP program run by BPF_PROG_TEST_RUN on one CPU,
# the loop on another), and the wakeups of an idle loop over SECONDS (must
# be 0). BUILD_DIR is a CMake build with BUILD_TESTING=ON (default: build/);
# the program is tests/runtime/bench_loop there. Prints figures; exits 1 if
# the idle loop woke up or a record went unaccounted, 77 without root.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
seconds=${2:-2}
prog=$build/tests/runtime/bench_loop
if [ ! -x "$prog" ]; then
	echo "usage: $0 [BUILD_DIR] [SECONDS] (BUILD_DIR/tests/runtime/bench_loop not built: cmake --build BUILD_DIR --target bench_loop)" >&2
	exit 2
fi
echo "bpfgen_loop on $(uname -r), $(nproc) CPUs, load average $(cut -d" " -f1-3 /proc/loadavg), libbpf $(pkg-config --modversion libbpf 2>/dev/null || echo "?")"
exec "$prog" "$seconds"
